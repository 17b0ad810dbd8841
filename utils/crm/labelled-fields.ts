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

/** Lower case, single spaces, no trailing colon or required-field asterisk. */
export function normaliseLabel(text: string): string {
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

/** The text right after a label: a bare text node (`<b>Status:</b> Open`) or the next element. */
function followingText(label: Element): string | null {
  for (let node = label.nextSibling; node; node = node.nextSibling) {
    if (node.nodeType === 3 && node.textContent?.trim()) return node.textContent;
    if (node.nodeType === 1) return elementText(node as Element);
  }
  return null;
}

/** The value that belongs to a label element: the paired term, cell, control or next sibling. */
export function valueOfLabel(label: Element): string | null {
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
  const accept = (field: F | undefined, value: string | null): void => {
    if (!field || found[field] || !value) return;
    const limit = maxLength[field];
    if (limit !== undefined && value.length > limit) return;
    // A "value" that is itself a label is the next label of a list, not a value.
    if (labels.has(normaliseLabel(value))) return;
    found[field] = value;
  };
  const acceptInline = (text: string): void => {
    const pair = INLINE_PAIR.exec(text.trim());
    if (pair) accept(labels.get(normaliseLabel(pair[1]!)), cleanText(pair[2]));
  };

  const candidates = search.all(LABEL_CANDIDATES);
  for (let i = 0; i < candidates.length && i < MAX_CANDIDATES; i++) {
    const el = candidates[i]!;
    const ariaLabel = el.getAttribute('aria-label');
    if (ariaLabel) {
      accept(labels.get(normaliseLabel(ariaLabel)), elementText(el));
      acceptInline(ariaLabel);
    }
    if (el.hasAttribute('aria-labelledby')) {
      const labelText = labelledByText(el);
      if (labelText) accept(labels.get(normaliseLabel(labelText)), elementText(el));
    }
    if (el.childElementCount > MAX_LABEL_CHILDREN) continue;
    const text = el.textContent ?? '';
    if (text.length > MAX_INLINE_LENGTH) continue;
    if (text.length <= MAX_LABEL_LENGTH + 4) {
      const field = labels.get(normaliseLabel(text));
      if (field) {
        accept(field, valueOfLabel(el));
        continue;
      }
    }
    acceptInline(text);
  }
  return found;
}
