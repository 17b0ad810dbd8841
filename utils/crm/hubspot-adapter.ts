import type { CaseContext, CrmAdapter } from './case-context';
import { type CaseFieldSources, readCaseFields, toCaseContext } from './case-fields';
import { type PageSearch, searchPage } from './dom-search';
import { firstText, QUOTED_TEXT } from './element-text';
import { newestMessageText, writtenBy } from './message-thread';
import { findEditor, isTypable, RICH_EDITOR_SELECTORS } from './reply-editor';

// HubSpot marks its UI with data-selenium-test and data-test-id. Record pages list ticket properties
// as data-selenium-test="property-input-<internal name>" (subject, content, hs_pipeline_stage,
// source_type, hs_ticket_id); the help desk labels its dropdowns ("Ticket status") with aria-labelledby.

const HOST = /^app(?:-[a-z]{2}\d)?\.hubspot\.com$/;
const TICKET_PATH = /^\/(?:help-desk\/\d+\/.*?\/ticket\/(\d+)|contacts\/\d+\/(?:ticket|record\/0-5)\/(\d+))/;

function property(name: string): string {
  return `[data-selenium-test="property-input-${name}"]`;
}

const SOURCES: CaseFieldSources = {
  selectors: {
    caseId: [property('hs_ticket_id')],
    subject: ['[data-test-id="sticky-subject-header"]', '[data-selenium-test="highlightTitle"]', property('subject')],
    customerName: [
      '[data-test-id="known-contact-info-highlight"]',
      '.customer-data-sidebar--highlight .private-truncated-string__inner',
    ],
    channel: [property('source_type')],
    status: [property('hs_pipeline_stage')],
    description: [property('content')],
  },
  labels: {
    customerName: ['contact', 'contact name', '联系人'],
    customerRef: ['wallet id', 'wallet account', 'customer id', '钱包账户', '客户编号'],
    channel: ['source', 'channel', '来源', '渠道'],
    status: ['ticket status', 'status', '工单状态', '状态'],
    description: ['ticket description', 'description', '工单描述', '描述'],
  },
};

/** Help desk thread messages, signed by their sender. */
const THREAD_MESSAGE = '[data-test-id="thread-history-message"], [data-message-id]';
const MESSAGE_SENDER = '[data-test-id="message-sender-name"]';
const MESSAGE_BODY = ['[data-test-id="message-body"]', '.message-body'];
const SEND_BUTTON = '[data-test-id="composer-send-button"]';
const CHANNEL_BUTTON = ['button[aria-label="Change channel"]'];
/** How far up from the Send button the composer's editor may sit. */
const COMPOSER_DEPTH = 8;

function ticketIdFromUrl(url: URL): string | null {
  const match = TICKET_PATH.exec(url.pathname);
  return match?.[1] ?? match?.[2] ?? null;
}

/** The editor in the same composer as a Send button; HubSpot gives the editor no stable hook of its own. */
function composerEditor(search: PageSearch): HTMLElement | null {
  for (const send of search.all(SEND_BUTTON)) {
    let box = send.parentElement;
    for (let depth = 0; box && depth < COMPOSER_DEPTH; depth++, box = box.parentElement) {
      const editor = Array.from(box.querySelectorAll('[contenteditable], textarea')).find(isTypable);
      if (editor) return editor as HTMLElement;
    }
  }
  return findEditor(search, RICH_EDITOR_SELECTORS);
}

function extract(doc: Document, url: URL): CaseContext | null {
  const search = searchPage(doc);
  const fields = readCaseFields(search, SOURCES);
  if (!fields.subject) return null;
  fields.caseId ??= ticketIdFromUrl(url);
  fields.channel ??= firstText(search, CHANNEL_BUTTON);
  const fromCustomer = writtenBy(search.all(THREAD_MESSAGE), MESSAGE_SENDER, fields.customerName);
  const latest = newestMessageText(fromCustomer, (message) =>
    firstText(searchPage(message), MESSAGE_BODY, QUOTED_TEXT),
  );
  return toCaseContext('hubspot', url, fields, latest, composerEditor(search) !== null);
}

/** HubSpot help desk and ticket records on `app.hubspot.com` (and regional `app-eu1`). */
export const hubspotAdapter: CrmAdapter = {
  id: 'hubspot',
  matches: (url) => HOST.test(url.hostname) && TICKET_PATH.test(url.pathname),
  extract,
  findReplyEditor: (doc) => composerEditor(searchPage(doc)),
  caseContainer: (doc) => doc.querySelector('main, [role="main"]'),
};
