import type { CaseContext, CrmAdapter } from './case-context';
import { type CaseFieldSources, readCaseFields, toCaseContext } from './case-fields';
import { type PageSearch, searchPage } from './dom-search';
import { firstText, QUOTED_TEXT } from './element-text';
import { newestMessageText } from './message-thread';
import { findEditor, RICH_EDITOR_SELECTORS } from './reply-editor';

// Zendesk Agent Workspace marks its UI with data-test-id attributes, which browser extensions and
// test suites rely on because class names are generated. Several tickets can be open as tabs; each
// lives in its own workspace element keyed by ticket id, and only the one in the URL is shown.

const TICKET_PATH = /^\/agent\/tickets\/(\d+)/;
const WORKSPACE_ATTRIBUTE = 'data-side-conversations-anchor-id';
const COMMENT = '[data-test-id="omni-log-comment-item"]';
const COMMENT_BODY = [
  '[data-test-id="omni-log-message-content"] .zd-comment',
  '[data-test-id="omni-log-message-content"]',
];

const SOURCES: CaseFieldSources = {
  selectors: {
    subject: ['input[data-test-id="omni-header-subject"]', '[data-test-id="omni-header-subject"]'],
    customerName: [
      '[data-test-id="ticket-system-field-requester-select"] [data-garden-id="typography.ellipsis"]',
      '[data-test-id="ticket-system-field-requester-select"]',
    ],
    status: ['[data-test-id^="status-badge-"]', '[data-test-id="submit_button-button"] strong'],
  },
  // Custom ticket fields carry an account-specific id, so only their labels are stable.
  labels: {
    customerName: ['requester', '请求者'],
    customerRef: ['wallet id', 'wallet account', 'account id', 'customer id', '钱包账户', '钱包 id', '客户编号'],
    channel: ['channel', 'contact channel', 'via', '渠道', '联系渠道'],
    status: ['status', '状态'],
  },
};

const REPLY_EDITOR_SELECTORS = [
  '[data-test-id="omnicomposer-rich-text-ckeditor"][contenteditable="true"]',
  ...RICH_EDITOR_SELECTORS,
  '[data-test-id*="composer" i] textarea',
];

function ticketIdFromUrl(url: URL): string | null {
  return TICKET_PATH.exec(url.pathname)?.[1] ?? null;
}

/** The workspace of the ticket in the URL; other open tabs keep theirs in the page, hidden. */
function ticketWorkspace(doc: Document, ticketId: string | null): Element | null {
  return ticketId ? doc.querySelector(`[${WORKSPACE_ATTRIBUTE}="${ticketId}"]`) : null;
}

function isCustomerComment(comment: Element): boolean {
  const message = comment.querySelector('[data-test-id="omni-log-item-message"]');
  const internal = comment.querySelector('[data-test-id="omni-log-internal-note-tag"]');
  return message?.getAttribute('type') === 'end-user' && !internal;
}

const commentBody = (comment: Element) => firstText(searchPage(comment), COMMENT_BODY, QUOTED_TEXT);

function findReplyEditorIn(search: PageSearch): HTMLElement | null {
  return findEditor(search, REPLY_EDITOR_SELECTORS);
}

function extract(doc: Document, url: URL): CaseContext | null {
  const urlId = ticketIdFromUrl(url);
  const workspace = ticketWorkspace(doc, urlId);
  const search = searchPage(workspace ?? doc);
  const fields = readCaseFields(search, SOURCES);
  const comments = search.all(COMMENT);
  if (!fields.subject && comments.length === 0) return null;
  // Zendesk stores a ticket's description as its first comment.
  fields.description = comments[0] ? commentBody(comments[0]) : null;
  fields.caseId = workspace?.getAttribute(WORKSPACE_ATTRIBUTE) ?? urlId;
  const latest = newestMessageText(comments.filter(isCustomerComment), commentBody);
  return toCaseContext('zendesk', url, fields, latest, findReplyEditorIn(search) !== null);
}

/** Zendesk Agent Workspace: a ticket at `*.zendesk.com/agent/tickets/<id>`. */
export const zendeskAdapter: CrmAdapter = {
  id: 'zendesk',
  matches: (url) => url.hostname.endsWith('.zendesk.com') && TICKET_PATH.test(url.pathname),
  extract,
  findReplyEditor: (doc) => {
    const workspace = ticketWorkspace(doc, ticketIdFromUrl(new URL(doc.URL)));
    return findReplyEditorIn(searchPage(workspace ?? doc));
  },
  caseContainer: (doc) => ticketWorkspace(doc, ticketIdFromUrl(new URL(doc.URL))) ?? doc.querySelector('main'),
};
