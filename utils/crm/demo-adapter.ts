import { type CaseContext, type CrmAdapter, cleanText } from './case-context';

function field(root: ParentNode, name: string): string | null {
  return cleanText(root.querySelector(`[data-field="${name}"]`)?.textContent);
}

function latestCustomerMessage(root: ParentNode): string | null {
  const messages = root.querySelectorAll('.timeline [data-author="customer"] .message-text');
  return cleanText(messages[messages.length - 1]?.textContent);
}

function findReplyEditor(doc: Document): HTMLElement | null {
  return doc.querySelector<HTMLElement>('#case-view #reply-editor');
}

function extract(doc: Document, url: URL): CaseContext | null {
  const view = doc.querySelector('main#case-view[data-case-id]');
  if (!view) return null;
  const caseId = cleanText(view.getAttribute('data-case-id')) ?? field(view, 'case-number');
  if (!caseId) return null;
  return {
    site: 'demo',
    url: url.href,
    caseId,
    subject: field(view, 'subject'),
    customerName: field(view, 'customer-name'),
    customerRef: field(view, 'account-ref'),
    channel: field(view, 'channel'),
    status: field(view, 'status'),
    description: field(view, 'description'),
    latestMessage: latestCustomerMessage(view),
    hasReplyEditor: findReplyEditor(doc) !== null,
  };
}

/** The bundled WalletDesk demo console, served on the loopback address. */
export const demoAdapter: CrmAdapter = {
  id: 'demo',
  matches: (url) => ['127.0.0.1', 'localhost'].includes(url.hostname),
  extract,
  findReplyEditor,
  caseContainer: (doc) => doc.querySelector('main#case-view'),
};
