import type { PageSearch } from './dom-search';

/**
 * Rich editors by their documented markup: CKEditor 5, Quill, ProseMirror (Tiptap), Froala, Draft.js,
 * and an editable frame body (CKEditor 4, TinyMCE, Zoho's editor).
 */
export const RICH_EDITOR_SELECTORS: readonly string[] = [
  '.ck-editor__editable[contenteditable="true"]',
  '.ql-editor[contenteditable="true"]',
  '.ProseMirror[contenteditable="true"]',
  '.fr-element[contenteditable="true"]',
  '.public-DraftEditor-content[contenteditable="true"]',
  'body[contenteditable="true"]',
];

/** False for controls an agent cannot type into: read-only, disabled or hidden fields. */
export function isTypable(el: Element): boolean {
  if (el.closest('[hidden], [inert]')) return false;
  if (el.getAttribute('aria-readonly') === 'true' || el.getAttribute('aria-disabled') === 'true') return false;
  if (el.tagName === 'TEXTAREA' || el.tagName === 'INPUT') {
    return !el.hasAttribute('readonly') && !el.hasAttribute('disabled') && el.getAttribute('type') !== 'hidden';
  }
  const editable = el.getAttribute('contenteditable');
  if (editable !== null) return editable !== 'false';
  // Older frame editors switch the whole frame document to design mode instead.
  return el.tagName === 'BODY' && el.ownerDocument.designMode === 'on';
}

/** The first typable element among `selectors`, tried in order of preference. */
export function findEditor(search: PageSearch, selectors: readonly string[]): HTMLElement | null {
  // One query for all plain selectors, then the preference order: a page is walked once, not per selector.
  const plain = selectors.filter((selector) => !selector.includes('>>>'));
  const candidates = plain.length > 0 ? search.all(plain.join(',')).filter(isTypable) : [];
  for (const selector of selectors) {
    const editor = selector.includes('>>>')
      ? search.all(selector).find(isTypable)
      : candidates.find((el) => el.matches(selector));
    if (editor) return editor as HTMLElement;
  }
  return null;
}
