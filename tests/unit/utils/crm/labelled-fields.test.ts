import { afterEach, describe, expect, it } from 'vitest';
import { searchPage } from '@/utils/crm/dom-search';
import { readLabelledValues } from '@/utils/crm/labelled-fields';
import { parseFixtureHtml } from './crm-fixtures';

const opened: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((close) => close()));
});

type Field = 'status' | 'channel';
const labels = new Map<string, Field>([
  ['status', 'status'],
  ['状态', 'status'],
  ['channel', 'channel'],
]);

function read(html: string, maxLength?: Partial<Record<Field, number>>) {
  const { doc, close } = parseFixtureHtml(html, 'https://crm.example.com/');
  opened.push(close);
  return readLabelledValues(searchPage(doc), labels, { maxLength });
}

describe('readLabelledValues', () => {
  it.each([
    ['a definition list', '<dl><dt>Status</dt><dd>Open</dd></dl>'],
    ['a two-column table', '<table><tr><th>Status</th><td>Open</td></tr></table>'],
    ['a one-record table', '<table><tr><th>Ticket</th><th>Status</th></tr><tr><td>T-1</td><td>Open</td></tr></table>'],
    ['a form label', '<label for="s">Status</label><input id="s" value="Open">'],
    ['a required-field label', '<label for="s">* Status:</label><input id="s" value="Open">'],
    ['an aria-label', '<span aria-label="Status">Open</span>'],
    ['aria-labelledby', '<div><i id="l">Status</i></div><div><span aria-labelledby="l">Open</span></div>'],
    ['a bold label and the element after it', '<p><b>Status:</b> <span>Open</span></p>'],
    ['a heading alone in its wrapper', '<div><h3>Status</h3></div><div>Open</div>'],
    ['an inline "Label: value" line', '<li>Status: Open</li>'],
    ['a Chinese line with a full-width colon', '<li>状态：Open</li>'],
  ])('reads %s', (_name, html) => {
    expect(read(html)).toEqual({ status: 'Open' });
  });

  it.each([
    ['with a space before it', '<p><b>Status:</b> Open</p>', 'Open'],
    ['over lines and runs of spaces', '<p><b>Status:</b>\n    Open,\n\t  waiting  </p>', 'Open, waiting'],
    ['after a comment and blank text', '<p><b>Status:</b> <!-- x -->  Open </p>', 'Open'],
    ['cut at 2,000 characters', `<div><b>Status:</b> ${'x'.repeat(3000)}</div>`, `${'x'.repeat(1999)}…`],
  ])('cleans the bare text after a bold label like any other value: %s', (_name, html, status) => {
    expect(read(html)).toEqual({ status });
  });

  it('prefers a label element to an earlier "Label: value" line', () => {
    expect(read('<li>Status: Closed</li><dl><dt>Status</dt><dd>Open</dd></dl>')).toEqual({ status: 'Open' });
  });

  it('keeps the first value found for a field', () => {
    expect(read('<dl><dt>Status</dt><dd>Open</dd><dt>Status</dt><dd>Closed</dd></dl>')).toEqual({ status: 'Open' });
  });

  it('does not take the next label as a value', () => {
    expect(read('<dl><dt>Status</dt><dd></dd><dt>Channel</dt><dd>Phone</dd></dl>')).toEqual({ channel: 'Phone' });
  });

  it('drops a value longer than the field allows', () => {
    expect(read(`<dl><dt>Status</dt><dd>${'x'.repeat(41)}</dd></dl>`, { status: 40 })).toEqual({});
    expect(read(`<dl><dt>Status</dt><dd>${'x'.repeat(40)}</dd></dl>`, { status: 40 })).toEqual({
      status: 'x'.repeat(40),
    });
  });

  it('reads nothing from script, style or templates, or from labels it does not know', () => {
    expect(
      read(
        '<script>var s = "Status: Open"</script><template><dl><dt>Status</dt><dd>Open</dd></dl></template><dl><dt>Priority</dt><dd>High</dd></dl>',
      ),
    ).toEqual({});
  });

  it('reads labels inside open shadow roots', () => {
    expect(
      read('<x-card><template shadowrootmode="open"><dl><dt>Channel</dt><dd>Chat</dd></dl></template></x-card>'),
    ).toEqual({
      channel: 'Chat',
    });
  });
});
