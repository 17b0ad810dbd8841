import { deepQuerySelector } from './dom-search';
import { elementText } from './element-text';

const TIME_ATTRIBUTES = ['datetime', 'data-timestamp', 'data-created-at', 'data-time', 'data-date'];
const TIME_SELECTOR = TIME_ATTRIBUTES.map((name) => `[${name}]`).join(',');

/** Reads when a message was written, in milliseconds since 1970, or null when the page does not say. */
export type MessageTime = (message: Element) => number | null;

/** A time from an attribute or a page's date text: ISO 8601, "2024-05-07 09:12:44", or Unix seconds or milliseconds. */
export function parseTime(value: string | null | undefined): number | null {
  const text = value?.trim();
  if (!text) return null;
  if (/^\d{9,13}$/.test(text)) {
    const number = Number(text);
    // Ten digits are Unix seconds, thirteen are milliseconds.
    return text.length <= 10 ? number * 1000 : number;
  }
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? null : parsed;
}

/** When a message was written, from its own time attributes or a <time datetime> inside it. */
const messageTime: MessageTime = (message) => {
  for (const name of TIME_ATTRIBUTES) {
    const time = parseTime(message.getAttribute(name));
    if (time !== null) return time;
  }
  const marker = deepQuerySelector(message, TIME_SELECTOR);
  if (!marker) return null;
  for (const name of TIME_ATTRIBUTES) {
    const time = parseTime(marker.getAttribute(name));
    if (time !== null) return time;
  }
  return null;
};

/**
 * Messages from newest to oldest. Page order says which is newest (threads usually grow downwards)
 * unless every message carries a timestamp, which then wins: some consoles list the newest first.
 */
export function newestFirst(messages: readonly Element[], timeOf: MessageTime = messageTime): Element[] {
  const times = messages.map(timeOf);
  const order = messages.map((_, index) => index);
  if (times.every((time) => time !== null)) {
    // Equal times keep page order, so the later element still counts as newer.
    order.sort((a, b) => (times[a] as number) - (times[b] as number) || a - b);
  }
  return order.reverse().map((index) => messages[index]!);
}

/** The text of the newest message that has any, read by `readText`. */
export function newestMessageText(
  messages: readonly Element[],
  readText: (message: Element) => string | null,
  timeOf: MessageTime = messageTime,
): string | null {
  for (const message of newestFirst(messages, timeOf)) {
    const text = readText(message);
    if (text) return text;
  }
  return null;
}

/** The thread items signed by `name`, the author read from `authorSelector` inside each item. */
export function writtenBy(items: readonly Element[], authorSelector: string, name: string | null): Element[] {
  const wanted = name?.toLowerCase();
  if (!wanted) return [];
  return items.filter((item) => elementText(deepQuerySelector(item, authorSelector))?.toLowerCase() === wanted);
}
