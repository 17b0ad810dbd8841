import { cleanText } from './case-context';
import type { PageSearch } from './dom-search';
import { elementText } from './element-text';

/** Elements that often hold a field's label; checked in one pass, in page order. */
const LABEL_CANDIDATES = [
  'dt',
  'th',
  'td',
  'label',
  'legend',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'strong',
  'b',
  'span',
  'p',
  'li',
  '[class*="label" i]',
  '[class*="title" i]',
  '[class*="key" i]',
  '[class*="caption" i]',
  '[aria-label]',
  '[aria-labelledby]',
].join(',');
/** A busy page is read only this far: labels sit near the top of a case view. */
const MAX_CANDIDATES = 6000;
const MAX_LABEL_LENGTH = 32;
/** Longest "Label: value" line read from one element, such as `<li>Status: Open</li>`. */
const MAX_INLINE_LENGTH = 240;
/** A label wraps little markup; a larger element is a container, not a label. */
const MAX_LABEL_CHILDREN = 3;
const INLINE_PAIR = /^([^:：]{1,32})[:：]\s*(.+)$/s;
/** Markup that can sit inside one "Label: value" line; anything else splits it into blocks. */
const INLINE_TAGS = new Set([
  'A',
  'ABBR',
  'B',
  'CODE',
  'EM',
  'FONT',
  'I',
  'LABEL',
  'MARK',
  'SMALL',
  'SPAN',
  'STRONG',
  'TIME',
  'U',
]);
/** Never labels: their content is not shown as page text (noscript runs only without scripting). */
const HIDDEN_CONTAINERS = 'noscript, template, script, style';

/** Lower case, single spaces, no trailing colon or required-field asterisk. */
function normaliseLabel(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/^\*\s*/, '')
    .replace(/\s*[:：*]+\s*$/, '')
    .trim()
    .toLowerCase();
}

function byId(from: Element, id: string): Element | null {
  const root = from.getRootNode() as Document | ShadowRoot;
  return typeof root.getElementById === 'function' ? root.getElementById(id) : null;
}

/** The cell under a header cell, when the table is one header row over exactly one record row. */
function cellBelow(header: Element): Element | null {
  const row = header.parentElement;
  const table = header.closest('table');
  if (!row || !table || Array.from(row.children).some((cell) => cell.tagName !== 'TH')) return null;
  const rows = table.querySelectorAll(':scope > tr, :scope > * > tr');
  if (rows.length !== 2 || rows[0] !== row) return null;
  return rows[1]!.children[Array.from(row.children).indexOf(header)] ?? null;
}

/** How many wrappers a lone label may sit in: `<div><h3>Status</h3></div><div>Open</div>`. */
const MAX_LABEL_WRAPPERS = 2;

/**
 * The text right after a label: a bare text node (`<b>Status:</b> Open`) or the next element;
 * for a label alone in its wrapper, whatever follows the wrapper.
 */
function followingText(label: Element): string | null {
  let from: Element | null = label;
  for (let depth = 0; from && depth <= MAX_LABEL_WRAPPERS; depth++) {
    for (let node = from.nextSibling; node; node = node.nextSibling) {
      if (node.nodeType === 1) return elementText(node as Element);
      const text = node.nodeType === 3 ? cleanText(node.textContent) : null;
      if (text) return text;
    }
    // Climb only out of a pure wrapper: one that holds the label and no other text.
    const parent: Element | null = from.parentElement;
    const wrapsOnlyLabel: boolean =
      parent?.childElementCount === 1 && parent.textContent?.trim() === label.textContent?.trim();
    from = wrapsOnlyLabel ? parent : null;
  }
  return null;
}

/** The value that belongs to a label element: the paired term, cell, control or next sibling. */
function valueOfLabel(label: Element): string | null {
  switch (label.tagName) {
    case 'DT': {
      let next = label.nextElementSibling;
      while (next && next.tagName !== 'DD') next = next.nextElementSibling;
      return elementText(next);
    }
    case 'TH':
    case 'TD': {
      const next = label.nextElementSibling;
      if (next?.tagName === 'TD') return elementText(next);
      return label.tagName === 'TH' ? elementText(cellBelow(label)) : null;
    }
    case 'LABEL': {
      const forId = label.getAttribute('for');
      const control = forId ? byId(label, forId) : label.querySelector('input, textarea, select');
      if (control) return elementText(control);
      break;
    }
  }
  return followingText(label);
}

function labelledByText(el: Element): string | null {
  const ids = el.getAttribute('aria-labelledby')?.split(/\s+/).filter(Boolean) ?? [];
  const text = ids.map((id) => byId(el, id)?.textContent ?? '').join(' ');
  return text.trim() || null;
}

export interface LabelledValueOptions<F extends string> {
  /** Longest believable value per field; a longer one is a container swept up by mistake. */
  maxLength?: Partial<Record<F, number>>;
}

/**
 * Reads "label → value" pairs: definition lists, two-column and one-record tables, form labels,
 * aria-label and aria-labelledby, label-like spans and inline "Label: value" lines.
 * One pass over capped candidates; the first value found for a field wins.
 */
export function readLabelledValues<F extends string>(
  search: PageSearch,
  labels: ReadonlyMap<string, F>,
  { maxLength = {} }: LabelledValueOptions<F> = {},
): Partial<Record<F, string>> {
  const found: Partial<Record<F, string>> = {};
  // "Label: value" lines are a weaker sign than a label element with its own value, so they only
  // fill the fields no label element answered.
  const inline: Partial<Record<F, string>> = {};
  const accept = (into: Partial<Record<F, string>>, field: F | undefined, value: string | null): void => {
    if (!field || into[field] || !value) return;
    const limit = maxLength[field];
    if (limit !== undefined && value.length > limit) return;
    // A "value" that is itself a label is the next label of a list, not a value.
    if (labels.has(normaliseLabel(value))) return;
    into[field] = value;
  };
  const acceptInline = (text: string): void => {
    const pair = INLINE_PAIR.exec(text.trim());
    if (pair) accept(inline, labels.get(normaliseLabel(pair[1]!)), cleanText(pair[2]));
  };

  const candidates = search.all(LABEL_CANDIDATES);
  for (let i = 0; i < candidates.length && i < MAX_CANDIDATES; i++) {
    const el = candidates[i]!;
    if (el.closest(HIDDEN_CONTAINERS)) continue;
    const ariaLabel = el.getAttribute('aria-label');
    if (ariaLabel) {
      accept(found, labels.get(normaliseLabel(ariaLabel)), elementText(el));
      acceptInline(ariaLabel);
    }
    if (el.hasAttribute('aria-labelledby')) {
      const labelText = labelledByText(el);
      if (labelText) accept(found, labels.get(normaliseLabel(labelText)), elementText(el));
    }
    if (el.childElementCount > MAX_LABEL_CHILDREN) continue;
    const text = el.textContent ?? '';
    if (text.length > MAX_INLINE_LENGTH) continue;
    const field = text.length <= MAX_LABEL_LENGTH + 4 ? labels.get(normaliseLabel(text)) : undefined;
    if (field) accept(found, field, valueOfLabel(el));
    else if (Array.from(el.children).every((child) => INLINE_TAGS.has(child.tagName))) acceptInline(text);
  }
  for (const [field, value] of Object.entries(inline) as [F, string][]) found[field] ??= value;
  return found;
}
