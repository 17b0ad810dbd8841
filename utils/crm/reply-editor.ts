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

/**
 * The first typable element among `selectors`, tried one at a time in order of preference, so a
 * selector the browser cannot parse (a mistyped site override) finds nothing while the others still work.
 */
export function findEditor(search: PageSearch, selectors: readonly string[]): HTMLElement | null {
  for (const selector of selectors) {
    const editor = search.all(selector).find(isTypable);
    if (editor) return editor as HTMLElement;
  }
  return null;
}
