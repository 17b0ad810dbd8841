import { cleanText } from './case-context';
import type { PageSearch } from './dom-search';

/** Never read: code, styles, inert templates and pictures carry no words an agent sees. */
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'svg', 'SVG', 'IFRAME', 'OBJECT']);
/** Elements that break a line, so "<p>a</p><p>b</p>" reads "a b", not "ab". */
const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
]);
/** Enough text for any field; a huge subtree stops being read here. */
const MAX_TEXT_CHARS = 6000;
const MAX_TEXT_NODES = 20_000;

/** The nodes rendered in place of a slot: those assigned to it, else its fallback content. */
function slotContent(slot: Element): Node[] {
  const assigned = (slot as HTMLSlotElement).assignedNodes?.({ flatten: false }) ?? [];
  return assigned.length > 0 ? assigned : Array.from(slot.childNodes);
}

/** The children an element renders: its open shadow tree when it has one, else its light children. */
function renderedChildren(el: Element): Node[] {
  if (el.tagName === 'SLOT') return slotContent(el);
  return Array.from((el.shadowRoot ?? el).childNodes);
}

/**
 * The words an element shows, read through open shadow roots and slots, without scripts or styles.
 * Iterative, so absurdly deep nesting cannot overflow the stack.
 */
function renderedText(root: Element, skip: string | undefined): string {
  let text = '';
  let visited = 0;
  const stack: (Node | string)[] = [root];
  while (stack.length > 0 && text.length < MAX_TEXT_CHARS && visited < MAX_TEXT_NODES) {
    const node = stack.pop()!;
    visited += 1;
    if (typeof node === 'string') {
      text += node;
    } else if (node.nodeType === 3) {
      text += (node as Text).data;
    } else if (node.nodeType === 1) {
      const el = node as Element;
      if (SKIPPED_TAGS.has(el.tagName) || (skip && el !== root && el.matches(skip))) continue;
      const block = BLOCK_TAGS.has(el.tagName);
      if (block) stack.push(' ');
      const children = renderedChildren(el);
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
      if (block) text += ' ';
    }
  }
  return text;
}

/** Quoted history in an email reply: the earlier messages, not what the sender just wrote. */
export const QUOTED_TEXT = 'blockquote, .gmail_quote, .freshdesk_quote, .zd-quoted, [data-quoted-text]';

/**
 * What a field shows: a control's value or selected option, else the element's rendered text.
 * `skip` leaves out matching descendants, such as QUOTED_TEXT.
 */
export function elementText(el: Element | null | undefined, skip?: string): string | null {
  if (!el) return null;
  if (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') return cleanText((el as HTMLInputElement).value);
  if (el.tagName === 'SELECT') {
    const select = el as HTMLSelectElement;
    return cleanText(select.options[select.selectedIndex]?.textContent);
  }
  return cleanText(renderedText(el, skip));
}

/** The first non-empty text among `selectors`, tried in order; each may use the `>>>` deep combinator. */
export function firstText(search: PageSearch, selectors: readonly string[], skip?: string): string | null {
  for (const selector of selectors) {
    for (const el of search.all(selector)) {
      const text = elementText(el, skip);
      if (text) return text;
    }
  }
  return null;
}
