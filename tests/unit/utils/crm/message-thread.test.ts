import { describe, expect, it } from 'vitest';
import { elementText } from '@/utils/crm/element-text';
import { newestFirst, newestMessageText, parseTime, writtenBy } from '@/utils/crm/message-thread';
import { pagesClosedAfterEach } from './crm-fixtures';

const page = pagesClosedAfterEach();

const ids = (elements: Element[]) => elements.map((el) => el.id);
const items = (doc: Document) => Array.from(doc.querySelectorAll('.msg'));

describe('parseTime', () => {
  it.each([
    ['nothing', null, null],
    ['an empty attribute', '', null],
    ['white space', '   ', null],
    ['Unix seconds (ten digits)', '1714982400', Date.UTC(2024, 4, 6, 8)],
    ['Unix seconds with spaces around', ' 1714982400 ', Date.UTC(2024, 4, 6, 8)],
    ['Unix seconds (nine digits, 1973)', '123456789', 123_456_789_000],
    ['Unix milliseconds (thirteen digits)', '1714982400123', 1_714_982_400_123],
    ['ISO 8601 in UTC', '2024-05-07T09:12:44Z', Date.UTC(2024, 4, 7, 9, 12, 44)],
    ['ISO 8601 with an offset', '2024-05-07T17:12:44+08:00', Date.UTC(2024, 4, 7, 9, 12, 44)],
    ['a console date in local time', '2024-05-07 09:12:44', new Date(2024, 4, 7, 9, 12, 44).getTime()],
    ['an HTTP date', 'Tue, 07 May 2024 09:12:44 GMT', Date.UTC(2024, 4, 7, 9, 12, 44)],
    ['eight digits, too few for Unix time', '12345678', null],
    ['fourteen digits, too many for Unix time', '17149824000000', null],
    ['words', 'yesterday', null],
    ['a Chinese date without a year', '5月7日', null],
    ['ISO 8601 with milliseconds', '2024-05-07T09:12:44.250Z', Date.UTC(2024, 4, 7, 9, 12, 44, 250)],
    ['ISO 8601 with an offset without a colon', '2024-05-07T17:12:44+0800', Date.UTC(2024, 4, 7, 9, 12, 44)],
    ['ISO 8601 without seconds', '2024-05-07T09:12Z', Date.UTC(2024, 4, 7, 9, 12)],
    ['an ISO date alone, as midnight UTC', '2024-05-07', Date.UTC(2024, 4, 7)],
    ['29 February in a leap year', '2024-02-29', Date.UTC(2024, 1, 29)],
    ['a date written out, as ServiceNow titles it', 'Monday, May 6, 2024 08:12', new Date(2024, 4, 6, 8, 12).getTime()],
    ['a date written day first', '6 May 2024', new Date(2024, 4, 6).getTime()],
    ['zero', '0', null],
    ['a small number', '12', null],
    ['a year alone', '2024', null],
    ['a decimal number', '1.5', null],
    ['nine zeros', '000000000', null],
    ['30 February', '2024-02-30', null],
    ['29 February in a common year', '2023-02-29', null],
    ['31 April with a time', '2024-04-31T10:00:00Z', null],
    ['month 13', '2024-13-01', null],
    ['day 0', '2024-05-00', null],
    ['hour 24', '2024-05-07T24:00:00Z', null],
    ['minute 60', '2024-05-07 09:60:00', null],
    ['second 61', '2024-05-07T09:12:61Z', null],
    ['an offset of 25 hours', '2024-05-07T09:12:44+25:00', null],
    ['30 February written out', 'Fri, 30 Feb 2024 00:00:00 GMT', null],
    ['a month and year without a day', 'May 2024', null],
    ['a weekday and a year', 'Mon 2024', null],
    ['a day and month without a year', '6 May', null],
  ])('reads %s', (_name, value, expected) => {
    expect(parseTime(value)).toBe(expected);
  });
});

describe('newestFirst', () => {
  it('keeps page order for equal times, so the later element counts as newer', () => {
    const doc = page('<p id="a"></p><p id="b"></p><p id="c"></p>');
    const times: Record<string, number> = { a: 5, b: 5, c: 1 };
    expect(ids(newestFirst(Array.from(doc.querySelectorAll('p')), (el) => times[el.id]!))).toEqual(['b', 'a', 'c']);
  });

  it('reads a time from the message itself before one inside it', () => {
    const doc = page(
      '<p id="a" data-time="2024-05-01T00:00:00Z"><time datetime="2030-01-01T00:00:00Z"></time></p><p id="b" data-date="2024-05-02T00:00:00Z"></p>',
    );
    expect(ids(newestFirst(Array.from(doc.querySelectorAll('p'))))).toEqual(['b', 'a']);
  });

  it('returns nothing for no messages', () => {
    expect(newestFirst([])).toEqual([]);
  });
});

describe('newestMessageText', () => {
  const doc = () =>
    page(
      '<div class="msg" id="a"><span class="body">First question</span></div><div class="msg" id="b"><span class="body">Second question</span></div><div class="msg" id="c"><img alt=""></div>',
    );
  const body = (el: Element) => elementText(el.querySelector('.body'));

  it('skips the newest messages that have no text', () => {
    expect(newestMessageText(items(doc()), body)).toBe('Second question');
  });

  it('follows the timestamps when every message has one', () => {
    const times: Record<string, number> = { a: 3, b: 2, c: 1 };
    expect(newestMessageText(items(doc()), body, (el) => times[el.id]!)).toBe('First question');
  });

  it('is null when no message has text', () => {
    expect(newestMessageText(items(doc()), () => null)).toBeNull();
    expect(newestMessageText([], body)).toBeNull();
  });
});

describe('writtenBy', () => {
  const doc = () =>
    page(`<div class="msg" id="a"><b class="author">Li Na</b> hello</div>
      <div class="msg" id="b"><b class="author">Agent Wang</b> reply</div>
      <div class="msg" id="c"><b class="author"> li  na </b> again</div>
      <div class="msg" id="d">no author</div>`);

  it.each<[string, string | null, string[]]>([
    ['matches the author whatever the case and spacing', 'LI NA', ['a', 'c']],
    ['finds a single author', 'Agent Wang', ['b']],
    ['finds nobody for an unknown name', 'Zhang', []],
    ['finds nobody for no name', null, []],
    ['finds nobody for an empty name', '', []],
  ])('%s', (_name, name, expected) => {
    expect(ids(writtenBy(items(doc()), '.author', name))).toEqual(expected);
  });
});
