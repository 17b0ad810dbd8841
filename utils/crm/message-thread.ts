import { deepQuerySelector } from './dom-search';
import { elementText } from './element-text';

const TIME_ATTRIBUTES = ['datetime', 'data-timestamp', 'data-created-at', 'data-time', 'data-date'];
const TIME_SELECTOR = TIME_ATTRIBUTES.map((name) => `[${name}]`).join(',');

/** Reads when a message was written, in milliseconds since 1970, or null when the page does not say. */
export type MessageTime = (message: Element) => number | null;

const UNIX_TIME = /^[1-9]\d{8,12}$/;
/** ISO 8601 as pages write it: a date, then maybe a time after "T" or a space, then maybe a zone. */
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;
/** A date written out: "Tue, 07 May 2024 09:12:44 GMT", "Monday, May 6, 2024 08:12". */
const WRITTEN_DATE = /^(?:[a-z]+\.?,?\s+)?(?:(\d{1,2})\s+([a-z]+)\.?|([a-z]+)\.?\s+(\d{1,2}),?)\s+(\d{4})(?![\d:])/i;
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const isDay = (year: number, month: number, day: number) =>
  month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);

/** An ISO 8601 time, checked field by field: Date.parse would roll 30 February over into March. */
function parseIsoTime(match: RegExpExecArray): number | null {
  const [, year, month, day, hour, minute, second = '00', fraction = '', zone = ''] = match;
  if (!isDay(Number(year), Number(month), Number(day))) return null;
  // A date alone is midnight UTC, as in Date.parse.
  if (hour === undefined) return Date.parse(`${year}-${month}-${day}`);
  const offset = /^([+-]\d{2}):?(\d{2})$/.exec(zone);
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return null;
  if (offset && (Number(offset[1]!.slice(1)) > 23 || Number(offset[2]) > 59)) return null;
  const zoneText = offset ? `${offset[1]}:${offset[2]}` : zone.toUpperCase();
  return Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second}${fraction.slice(0, 4)}${zoneText}`);
}

/** A date written with an English month name and a four-digit year, its day checked against the month. */
function parseWrittenDate(text: string, match: RegExpExecArray): number | null {
  const name = (match[2] ?? match[3]!).toLowerCase();
  const month = MONTHS.findIndex((full) => name.length >= 3 && full.startsWith(name)) + 1;
  if (!isDay(Number(match[5]), month, Number(match[1] ?? match[4]))) return null;
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? null : parsed;
}

/**
 * A time from an attribute or a page's date text: Unix seconds or milliseconds, ISO 8601
 * ("2024-05-07T09:12:44Z", "2024-05-07 09:12:44" in local time) or a written-out date; null for
 * anything else, impossible dates and bare small numbers included.
 */
export function parseTime(value: string | null | undefined): number | null {
  const text = value?.trim();
  if (!text) return null;
  if (UNIX_TIME.test(text)) {
    const number = Number(text);
    // Ten digits are Unix seconds, thirteen are milliseconds.
    return text.length <= 10 ? number * 1000 : number;
  }
  const iso = ISO_TIME.exec(text);
  if (iso) return parseIsoTime(iso);
  const written = WRITTEN_DATE.exec(text);
  return written ? parseWrittenDate(text, written) : null;
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
