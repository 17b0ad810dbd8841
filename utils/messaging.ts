import { type Browser, browser } from 'wxt/browser';
import type { CaseContext } from './crm/case-context';
import type { SiteSelectors } from './crm/site-settings';
import type { CallNote } from './notes/call-note';

/** Result of asking the CRM page to put text into its reply editor. */
export type InsertReplyResult =
  | { ok: true; editor: 'textarea' | 'input' | 'contenteditable' }
  | { ok: false; reason: 'no-editor' | 'editor-readonly' };

/**
 * Every message the extension's parts exchange, as `name(data) => result`.
 * Direction is noted per message; a context answers only what it registered.
 */
export interface ProtocolMap {
  /** panel or options -> content script: the case on this tab now; with selectors, as they would read it. */
  getCaseContext(data: { selectors?: SiteSelectors } | undefined): CaseContext | null;
  /** content script -> panels: the case on the sender's tab changed. */
  caseContextChanged(data: CaseContext | null): void;
  /** background -> content script: the text the agent has selected. */
  getSelectionText(data: undefined): string;
  /** content script or background -> panels: search the FAQ for selected page text. */
  searchSelection(data: { text: string; tabId?: number }): void;
  /** panel -> content script: insert text at the caret of the reply editor. */
  insertReply(data: { text: string }): InsertReplyResult;
  /** panel -> background: a note's unsaved changes as the panel closes, for the background to store. */
  saveClosingDraft(data: { note: CallNote; basedOn: number }): void;
}

export type MessageType = keyof ProtocolMap;
export type MessageData<K extends MessageType> = Parameters<ProtocolMap[K]>[0];
export type MessageResult<K extends MessageType> = ReturnType<ProtocolMap[K]>;
export type MessageSender = Browser.runtime.MessageSender;
type Handler<K extends MessageType> = (
  data: MessageData<K>,
  sender: MessageSender,
) => MessageResult<K> | Promise<MessageResult<K>>;

const CHANNEL = 'agent-assist';

interface Envelope {
  channel: typeof CHANNEL;
  type: MessageType;
  data: unknown;
}

type Reply = { ok: true; value: unknown } | { ok: false; error: string };

function isEnvelope(message: unknown): message is Envelope {
  return typeof message === 'object' && message !== null && (message as Envelope).channel === CHANNEL;
}

/** Nothing on the other side handled the message: no panel open, or no content script in the tab yet. */
export class NoReceiverError extends Error {
  constructor(type: MessageType) {
    super(`No receiver answered "${type}"`);
    this.name = 'NoReceiverError';
  }
}

/** True when a message found no receiver, as this module says it or as the browser does. */
export function isNoReceiverError(error: unknown): boolean {
  return (
    error instanceof NoReceiverError ||
    /receiving end does not exist|could not establish connection/i.test(String(error))
  );
}

function unwrap<K extends MessageType>(type: K, reply: unknown): MessageResult<K> {
  if (reply === undefined) throw new NoReceiverError(type);
  const answer = reply as Reply;
  if (!answer.ok) throw new Error(answer.error);
  return answer.value as MessageResult<K>;
}

/** Sends a message to the extension's pages and background and waits for the answer. */
export async function sendMessage<K extends MessageType>(type: K, data: MessageData<K>): Promise<MessageResult<K>> {
  const envelope: Envelope = { channel: CHANNEL, type, data };
  return unwrap(type, await browser.runtime.sendMessage(envelope));
}

/** Sends a message to the content script of a tab and waits for the answer. */
export async function sendMessageToTab<K extends MessageType>(
  tabId: number,
  type: K,
  data: MessageData<K>,
): Promise<MessageResult<K>> {
  const envelope: Envelope = { channel: CHANNEL, type, data };
  return unwrap(type, await browser.tabs.sendMessage(tabId, envelope, { frameId: 0 }));
}

/** Sends a message nobody has to answer: no receiver (a closed panel) is not an error. */
export async function notify<K extends MessageType>(type: K, data: MessageData<K>): Promise<void> {
  try {
    await browser.runtime.sendMessage({ channel: CHANNEL, type, data } satisfies Envelope);
  } catch (error) {
    if (!isNoReceiverError(error)) throw error;
  }
}

const handlers = new Map<MessageType, Handler<MessageType>>();

function rootListener(message: unknown, sender: MessageSender, sendResponse: (reply: Reply) => void) {
  if (!isEnvelope(message)) return undefined;
  const handler = handlers.get(message.type);
  // Returning undefined leaves the message to whichever other context registered it.
  if (!handler) return undefined;
  Promise.resolve()
    .then(() => handler(message.data as never, sender))
    .then(
      (value) => sendResponse({ ok: true, value: value ?? null }),
      (error: unknown) => sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
  return true;
}

/** Answers one message type in this context; returns a function that removes the handler. */
export function onMessage<K extends MessageType>(type: K, handler: Handler<K>): () => void {
  if (handlers.has(type)) throw new Error(`A handler for "${type}" is already registered`);
  if (handlers.size === 0) browser.runtime.onMessage.addListener(rootListener as never);
  handlers.set(type, handler as unknown as Handler<MessageType>);
  return () => {
    handlers.delete(type);
    if (handlers.size === 0) browser.runtime.onMessage.removeListener(rootListener as never);
  };
}

/** True when a message came from this extension itself (its pages, background or content scripts). */
export function isFromThisExtension(sender: MessageSender): boolean {
  return sender.id === browser.runtime.id;
}

/** True when a message came from one of this extension's own pages, not from a content script. */
export function isFromExtensionPage(sender: MessageSender): boolean {
  return isFromThisExtension(sender) && (sender.url?.startsWith(browser.runtime.getURL('/')) ?? false);
}
