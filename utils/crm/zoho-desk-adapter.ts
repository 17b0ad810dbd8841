import { type CaseContext, type CrmAdapter, cleanText } from './case-context';
import { type CaseFieldSources, readCaseFields, toCaseContext } from './case-fields';
import { type PageSearch, searchPage } from './dom-search';
import { firstText, QUOTED_TEXT } from './element-text';
import { newestMessageText, writtenBy } from './message-thread';
import { findEditor, RICH_EDITOR_SELECTORS } from './reply-editor';

// Zoho Desk serves the classic agent UI at /support/<portal>/ShowHomePage.do#Cases/dv/<record id>
// and the newer one at /agent/<portal>/<department>/tickets/details/<record id>. The classic ticket
// view keeps stable element ids (#dvSubHeader, #statusVal, #showAllThreads, #replyContainer) and
// writes replies in Zoho's editor, an editable document inside a same-origin iframe.

const HOST = /^desk\.zoho\.(?:com|eu|in|com\.au|jp|com\.cn)$/;
const CLASSIC_HASH = /^#Cases\/dv\/(\d+)/;
const AGENT_PATH = /\/tickets\/details\/(\d+)/;
const TICKET_NUMBER = /#\s?(\d{1,12})\b/;

const SOURCES: CaseFieldSources = {
  selectors: {
    caseId: ['[data-id="ticketNumber"]', '#dvSubHeader .dt-ticketno'],
    subject: ['[data-id="ticketSubject"]', '#dvSubHeader .dt-subject', '#dvSubHeader h1'],
    customerName: ['[data-id="contactName"]', '#dvSubHeader .dt-contact'],
    channel: ['[data-id="ticketChannel"]', '#dvSubHeader .dt-channel [title]', '#dvSubHeader .dt-channel'],
    status: ['#statusVal', '[data-id="ticketStatus"]'],
  },
  labels: {
    customerName: ['contact name', 'contact', '联系人名称', '联系人'],
    customerRef: ['wallet id', 'wallet account', 'account name', '钱包账户', '账户名称'],
    channel: ['channel', 'mode', '渠道'],
    status: ['status', '状态'],
    description: ['description', '描述'],
  },
};

const THREAD = '#showAllThreads .dt-thread, [data-id="threadItem"]';
const THREAD_AUTHOR = '.dt-thread-author, [data-id="threadAuthor"]';
const THREAD_BODY = ['.dt-thread-content', '[data-id="threadContent"]'];
const HEADER = ['#dvSubHeader', '[data-id="ticketHeader"]'];

const REPLY_EDITOR_SELECTORS = [
  '#replyContainer iframe >>> body',
  '[data-id="replyEditor"] >>> [contenteditable="true"]',
  ...RICH_EDITOR_SELECTORS,
];

function recordIdFromUrl(url: URL): string | null {
  return CLASSIC_HASH.exec(url.hash)?.[1] ?? AGENT_PATH.exec(url.pathname)?.[1] ?? null;
}

/** The channel icon's tooltip, when the header shows the channel only as an icon. */
function channelFromIcon(search: PageSearch): string | null {
  const icon = search.first('#dvSubHeader .dt-channel [title], [data-id="ticketChannel"] [title]');
  return cleanText(icon?.getAttribute('title'));
}

function findReplyEditorIn(search: PageSearch): HTMLElement | null {
  return findEditor(search, REPLY_EDITOR_SELECTORS);
}

function extract(doc: Document, url: URL): CaseContext | null {
  const search = searchPage(doc);
  const fields = readCaseFields(search, SOURCES);
  if (!fields.subject) return null;
  // The header prints the ticket number as "#1234"; the URL holds only the long record id.
  fields.caseId =
    fields.caseId?.replace(/^#\s*/, '') ??
    TICKET_NUMBER.exec(firstText(search, HEADER) ?? '')?.[1] ??
    recordIdFromUrl(url);
  fields.channel ??= channelFromIcon(search);
  const threads = search.all(THREAD);
  // Zoho Desk keeps a ticket's description as its first thread, listed last (newest first).
  const firstThread = threads[threads.length - 1];
  fields.description ??= firstThread ? firstText(searchPage(firstThread), THREAD_BODY, QUOTED_TEXT) : null;
  const fromCustomer = writtenBy(threads, THREAD_AUTHOR, fields.customerName).reverse();
  const latest = newestMessageText(fromCustomer, (thread) => firstText(searchPage(thread), THREAD_BODY, QUOTED_TEXT));
  return toCaseContext('zoho-desk', url, fields, latest, findReplyEditorIn(search) !== null);
}

/** Zoho Desk ticket views on `desk.zoho.*`, classic (`#Cases/dv/<id>`) and new (`/tickets/details/<id>`). */
export const zohoDeskAdapter: CrmAdapter = {
  id: 'zoho-desk',
  matches: (url) => HOST.test(url.hostname) && recordIdFromUrl(url) !== null,
  extract,
  findReplyEditor: (doc) => findReplyEditorIn(searchPage(doc)),
  caseContainer: (doc) => doc.getElementById('dvSubHeader')?.parentElement ?? doc.querySelector('main, [role="main"]'),
};
