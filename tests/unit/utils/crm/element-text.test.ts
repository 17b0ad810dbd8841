import { describe, expect, it } from 'vitest';
import { elementText, QUOTED_TEXT } from '@/utils/crm/element-text';
import { newestFirst } from '@/utils/crm/message-thread';
import { pagesClosedAfterEach } from './crm-fixtures';

const page = pagesClosedAfterEach();

describe('elementText', () => {
  it.each([
    ['block elements as separate words', '<div id="t"><p>Card</p><p>blocked</p></div>', 'Card blocked'],
    [
      'no script, style or template text',
      '<div id="t">Refund<script>x()</script><style>p{}</style><template>y</template> due</div>',
      'Refund due',
    ],
    ['an input value', '<input id="t" value="  WLT-1  ">', 'WLT-1'],
    ['the selected option', '<select id="t"><option>New</option><option selected>Open</option></select>', 'Open'],
    ['nothing for an empty element', '<span id="t">   </span>', null],
  ])('reads %s', (_name, html, expected) => {
    expect(elementText(page(html).getElementById('t'))).toBe(expected);
  });

  it('reads through shadow roots and slots as rendered', () => {
    const doc = page(`<x-field id="t"><b slot="value">Open</b><template shadowrootmode="open">
      <span>Status:</span> <slot name="value">fallback</slot></template></x-field>`);
    expect(elementText(doc.getElementById('t'))).toBe('Status: Open');
  });

  it('leaves out quoted email history when asked', () => {
    const doc = page('<div id="t"><p>New question</p><blockquote>Earlier reply</blockquote></div>');
    expect(elementText(doc.getElementById('t'), QUOTED_TEXT)).toBe('New question');
  });
});

describe('newestFirst', () => {
  const ids = (elements: Element[]) => elements.map((el) => el.id);

  it('trusts page order when messages carry no times', () => {
    const doc = page('<p id="a"></p><p id="b"></p><p id="c"></p>');
    expect(ids(newestFirst(Array.from(doc.querySelectorAll('p'))))).toEqual(['c', 'b', 'a']);
  });

  it('trusts timestamps when every message has one, in any format it understands', () => {
    const doc =
      page(`<p id="a" data-timestamp="1714982400"></p><p id="b"><time datetime="2024-05-07T00:00:00Z"></time></p>
      <p id="c" data-created-at="2024-05-05T00:00:00Z"></p>`);
    expect(ids(newestFirst(Array.from(doc.querySelectorAll('p'))))).toEqual(['b', 'a', 'c']);
  });

  it('falls back to page order when only some messages have times', () => {
    const doc = page('<p id="a" datetime="2030-01-01"></p><p id="b"></p>');
    expect(ids(newestFirst(Array.from(doc.querySelectorAll('p'))))).toEqual(['b', 'a']);
  });
});
