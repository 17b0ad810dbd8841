import { type CaseContext, type CrmAdapter, cleanText } from './case-context';
import { type CaseFieldSources, readCaseFields, toCaseContext } from './case-fields';
import { type PageSearch, searchPage } from './dom-search';
import { firstText, QUOTED_TEXT } from './element-text';
import { newestMessageText, writtenBy } from './message-thread';
import { findEditor, RICH_EDITOR_SELECTORS } from './reply-editor';

// Freshdesk's agent app (/a/tickets/<id>) marks some controls with data-test-id / data-testid and
// renders ticket properties as labelled power-selects; its reply editor is Froala (.fr-element).
// The header says how the ticket came in ("… reported via email").

const TICKET_PATH = /^\/a\/tickets\/(\d+)/;
const TICKET_PAGE = '[data-test-id="ticket-details-page"], .ticket-details-page, .page-content';
const REPORTED_VIA = [
  /\breported via (?:the )?([\p{L} ]{2,30}?)(?:\s*[·•,(]|\s+\d|\s*$)/iu,
  /通过\s*([\p{L}]{1,12}?)\s*(?:报告|提交|创建)/u,
];

const SOURCES: CaseFieldSources = {
  selectors: {
    caseId: ['[data-test-id="ticket-id"]', '.ticket-id'],
    subject: ['[data-testid="ticket-subject"]', '[data-test-id="ticket-subject"]', '.ticket-subject-heading'],
    customerName: ['[data-test-id="requester-info-name"]', '.requester-info .contact-name', '.ticket-requester-name'],
    description: ['.ticket-description .text__content', '[data-test-id="ticket-description"]'],
  },
  labels: {
    customerName: ['requester', 'contact', '请求者', '联系人'],
    customerRef: ['wallet id', 'wallet account', 'customer id', 'account id', '钱包账户', '客户编号'],
    channel: ['source', '来源'],
    status: ['status', '状态'],
  },
};

const CONVERSATION = '[data-test-id="conversation-wrapper"], .conversation';
const CONVERSATION_SENDER = '[data-test-id="conversation-sender"], .conversation__sender, .sender-name';
const CONVERSATION_BODY = ['.text__content', '.conversation__body'];
const HEADER_META = ['.ticket-details__meta', '[data-test-id="ticket-meta"]', '.ticket-details__header'];

const REPLY_EDITOR_SELECTORS = [
  '.fr-element.fr-view[contenteditable="true"]',
  '[data-test-id="reply-editor"] [contenteditable="true"]',
  ...RICH_EDITOR_SELECTORS,
];

function ticketIdFromUrl(url: URL): string | null {
  return TICKET_PATH.exec(url.pathname)?.[1] ?? null;
}

/** "Sam Rivera reported via email 2 days ago" → "email"; "王先生 通过 电话 报告" → "电话". */
function channelFromHeader(search: PageSearch): string | null {
  const header = firstText(search, HEADER_META) ?? '';
  for (const pattern of REPORTED_VIA) {
    const channel = cleanText(pattern.exec(header)?.[1]);
    if (channel) return channel;
  }
  return null;
}

function findReplyEditorIn(search: PageSearch): HTMLElement | null {
  return findEditor(search, REPLY_EDITOR_SELECTORS);
}

function ticketPage(doc: Document): Element | null {
  return doc.querySelector(TICKET_PAGE);
}

function extract(doc: Document, url: URL): CaseContext | null {
  const search = searchPage(ticketPage(doc) ?? doc);
  const fields = readCaseFields(search, SOURCES);
  if (!fields.subject) return null;
  fields.caseId = fields.caseId?.replace(/^#\s*/, '') ?? ticketIdFromUrl(url);
  fields.channel ??= channelFromHeader(search);
  const fromRequester = writtenBy(search.all(CONVERSATION), CONVERSATION_SENDER, fields.customerName);
  const latest = newestMessageText(fromRequester, (item) =>
    firstText(searchPage(item), CONVERSATION_BODY, QUOTED_TEXT),
  );
  return toCaseContext('freshdesk', url, fields, latest, findReplyEditorIn(search) !== null);
}

/** Freshdesk agent app: a ticket at `*.freshdesk.com/a/tickets/<id>`. */
export const freshdeskAdapter: CrmAdapter = {
  id: 'freshdesk',
  matches: (url) => url.hostname.endsWith('.freshdesk.com') && TICKET_PATH.test(url.pathname),
  extract,
  findReplyEditor: (doc) => findReplyEditorIn(searchPage(ticketPage(doc) ?? doc)),
  caseContainer: ticketPage,
};
