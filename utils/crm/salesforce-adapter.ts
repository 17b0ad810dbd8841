import type { CaseContext, CrmAdapter } from './case-context';
import { type CaseFieldSources, readCaseFields, toCaseContext } from './case-fields';
import { type PageSearch, searchPage } from './dom-search';
import { firstText, QUOTED_TEXT } from './element-text';
import { newestMessageText, writtenBy } from './message-thread';
import { findEditor, RICH_EDITOR_SELECTORS } from './reply-editor';

// Lightning record pages tag every layout field with its API name in data-target-selection-name
// ("sfdc:RecordField.Case.Subject"), the hook Salesforce test tools use; the value sits in
// .test-id__field-value. Reading by API name works in every language and page layout. Components
// may render in native shadow DOM (LWC), hence the `>>>` deep combinator.

const CASE_RECORD_ID = /\/(?:lightning\/r\/(?:Case\/)?)?(500[0-9A-Za-z]{12}(?:[0-9A-Za-z]{3})?)(?:\/|$)/;
/** The console tab or app page in front; background console tabs keep their records in the page. */
const ACTIVE_PAGE = '.oneConsoleTab.active, section.tabContent.active, .oneContent.active';

function byApiName(field: string): string[] {
  const item = `[data-target-selection-name="sfdc:RecordField.Case.${field}"]`;
  return [`${item} >>> .test-id__field-value`, `${item} >>> .slds-form-element__control`];
}

function byFieldLabel(label: string): string {
  return `records-record-layout-item[field-label="${label}"] >>> .test-id__field-value`;
}

const SOURCES: CaseFieldSources = {
  selectors: {
    caseId: [...byApiName('CaseNumber'), byFieldLabel('Case Number')],
    subject: [...byApiName('Subject'), byFieldLabel('Subject')],
    customerName: [...byApiName('ContactId'), ...byApiName('SuppliedName'), byFieldLabel('Contact Name')],
    customerRef: [...byApiName('AccountId'), byFieldLabel('Account Name')],
    channel: [...byApiName('Origin'), byFieldLabel('Case Origin')],
    status: [...byApiName('Status'), byFieldLabel('Status')],
    description: [...byApiName('Description'), byFieldLabel('Description')],
  },
  // Highlights panels and Salesforce Classic detail pages print labels without API names.
  labels: {
    caseId: ['case number', '个案编号'],
    subject: ['subject', '主题'],
    customerName: ['contact name', '联系人姓名', '联系人名'],
    customerRef: ['account name', '客户名'],
    channel: ['case origin', '个案来源'],
    status: ['status', '状态'],
    description: ['description', '描述'],
  },
};

/** Inbound chat messages, marked up with the Lightning Design System chat blueprint. */
const INBOUND_CHAT = '.slds-chat-listitem_inbound';
const CHAT_TEXT = ['.slds-chat-message__text'];
/** Case Feed posts (Lightning Design System feed blueprint); emails appear as posts by their sender. */
const FEED_POST = 'article.slds-post, .cuf-feedElement';
const FEED_AUTHOR = '.slds-post__header a, .cuf-entityLink';
const FEED_BODY = ['.slds-post__content', '.cuf-feedBodyText', '.feedBodyInner'];

const REPLY_EDITOR_SELECTORS = [
  // The email publisher: lightning-input-rich-text (Quill) or CKEditor 4 in a same-origin frame.
  'lightning-input-rich-text >>> .ql-editor[contenteditable="true"]',
  'body.cke_editable[contenteditable="true"]',
  ...RICH_EDITOR_SELECTORS,
  // Messaging and chat composers.
  '.slds-chat-footer textarea',
  'lightning-textarea >>> textarea',
  'textarea.slds-textarea',
];

function recordIdFromUrl(url: URL): string | null {
  return CASE_RECORD_ID.exec(url.pathname)?.[1] ?? null;
}

function activePage(doc: Document): Element | null {
  return doc.querySelector(ACTIVE_PAGE);
}

function latestCustomerMessage(search: PageSearch, customerName: string | null): string | null {
  const chat = newestMessageText(search.all(INBOUND_CHAT), (item) => firstText(searchPage(item), CHAT_TEXT));
  if (chat) return chat;
  const byCustomer = writtenBy(search.all(FEED_POST), FEED_AUTHOR, customerName);
  return newestMessageText(byCustomer, (post) => firstText(searchPage(post), FEED_BODY, QUOTED_TEXT));
}

function findReplyEditorIn(search: PageSearch): HTMLElement | null {
  return findEditor(search, REPLY_EDITOR_SELECTORS);
}

function extract(doc: Document, url: URL): CaseContext | null {
  const search = searchPage(activePage(doc) ?? doc);
  const fields = readCaseFields(search, SOURCES);
  // No case number and no subject: a list view, home page or another object's record.
  if (!fields.caseId && !fields.subject) return null;
  fields.caseId ??= recordIdFromUrl(url);
  const latest = latestCustomerMessage(search, fields.customerName);
  return toCaseContext('salesforce', url, fields, latest, findReplyEditorIn(search) !== null);
}

/** Salesforce Lightning Service Console (and Classic case pages) on `*.lightning.force.com` or `*.my.salesforce.com`. */
export const salesforceAdapter: CrmAdapter = {
  id: 'salesforce',
  matches: (url) =>
    (url.hostname.endsWith('.lightning.force.com') || url.hostname.endsWith('.my.salesforce.com')) &&
    (url.pathname.startsWith('/lightning/') || recordIdFromUrl(url) !== null),
  extract,
  findReplyEditor: (doc) => findReplyEditorIn(searchPage(activePage(doc) ?? doc)),
  caseContainer: (doc) => activePage(doc) ?? doc.querySelector('.viewport, [role="main"]'),
};
