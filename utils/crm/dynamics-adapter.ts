import type { CaseContext, CrmAdapter } from './case-context';
import { type CaseFieldSources, readCaseFields, toCaseContext } from './case-fields';
import { type PageSearch, searchPage } from './dom-search';
import { elementText, firstText, QUOTED_TEXT } from './element-text';
import { newestMessageText } from './message-thread';
import { findEditor, RICH_EDITOR_SELECTORS } from './reply-editor';

// Unified Interface gives each form control a data-id of "<column>.fieldControl-<control>", with a
// "header_" prefix in the form header: the hooks Microsoft's EasyRepro tests use. Column names are the
// same in every language: ticketnumber, title, customerid, caseorigincode, statuscode, description.

const HOST = /\.crm\d*\.dynamics\.com$/;
const MAIN_PAGE = /^\/main\.aspx$/i;

/** A column's control in the form body or the header. */
function control(column: string, suffix: string): string[] {
  return [`[data-id="${column}.fieldControl-${suffix}"]`, `[data-id="header_${column}.fieldControl-${suffix}"]`];
}

function lookup(column: string): string[] {
  return control(column, `LookupResultsDropdown_${column}_selected_tag_text`);
}

const SOURCES: CaseFieldSources = {
  selectors: {
    caseId: control('ticketnumber', 'text-box-text'),
    subject: [...control('title', 'text-box-text'), 'h1[data-id="header_title"]'],
    customerName: [...lookup('customerid'), ...lookup('primarycontactid')],
    channel: control('caseorigincode', 'option-set-select'),
    status: [...control('statuscode', 'option-set-select'), ...control('statecode', 'option-set-select')],
    description: control('description', 'text-box-text'),
  },
  labels: {
    caseId: ['case number', '案例编号'],
    subject: ['case title', '案例标题'],
    customerName: ['customer', 'contact', '客户', '联系人'],
    customerRef: ['wallet id', 'wallet account', 'customer id', '钱包账户', '客户编号'],
    channel: ['origin', '来源'],
    status: ['status reason', '状态原因', 'status', '状态'],
    description: ['description', '说明'],
  },
};

/** Timeline records, newest first as the timeline sorts them; an email's title names its sender. */
const TIMELINE_RECORD = '[data-id*="timeline_record_container"]';
const TIMELINE_TITLE = '[data-id*="timeline_record_title"]';
const TIMELINE_BODY = ['[data-id*="timeline_record_content"]', '[data-id*="timeline_record_description"]'];

const REPLY_EDITOR_SELECTORS = [
  // The enhanced email composer and rich-text controls (CKEditor 5, or CKEditor 4 in a frame).
  '[data-id$="fieldControl-rich-text-editor"] >>> [contenteditable="true"]',
  ...RICH_EDITOR_SELECTORS,
];

function fromCustomer(search: PageSearch, customerName: string | null): Element[] {
  if (!customerName) return [];
  return search
    .all(TIMELINE_RECORD)
    .filter((record) => elementText(searchPage(record).first(TIMELINE_TITLE))?.includes(customerName))
    .reverse();
}

function findReplyEditorIn(search: PageSearch): HTMLElement | null {
  return findEditor(search, REPLY_EDITOR_SELECTORS);
}

function extract(doc: Document, url: URL): CaseContext | null {
  const search = searchPage(doc);
  const fields = readCaseFields(search, SOURCES);
  // Only a case form has a case number or title; dashboards and grids have neither.
  if (!fields.caseId && !fields.subject) return null;
  const params = url.searchParams;
  if (params.get('etn') === 'incident') fields.caseId ??= params.get('id');
  const latest = newestMessageText(fromCustomer(search, fields.customerName), (record) =>
    firstText(searchPage(record), TIMELINE_BODY, QUOTED_TEXT),
  );
  return toCaseContext('dynamics', url, fields, latest, findReplyEditorIn(search) !== null);
}

/** Dynamics 365 Customer Service (Unified Interface) on `*.crm*.dynamics.com/main.aspx`. */
export const dynamicsAdapter: CrmAdapter = {
  id: 'dynamics',
  matches: (url) => HOST.test(url.hostname) && MAIN_PAGE.test(url.pathname),
  extract,
  findReplyEditor: (doc) => findReplyEditorIn(searchPage(doc)),
  caseContainer: (doc) => doc.querySelector('#mainContent, [role="main"]'),
};
