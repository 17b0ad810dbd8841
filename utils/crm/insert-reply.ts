import type { InsertReplyResult } from '../messaging';

function isTextControl(el: HTMLElement): el is HTMLTextAreaElement | HTMLInputElement {
  return el.tagName === 'TEXTAREA' || el.tagName === 'INPUT';
}

function dispatchInput(el: HTMLElement, text: string): void {
  const view = el.ownerDocument.defaultView;
  const event = view?.InputEvent
    ? new view.InputEvent('input', { bubbles: true, inputType: 'insertText', data: text })
    : new Event('input', { bubbles: true });
  el.dispatchEvent(event);
}

/** Sets a control's value through the prototype setter so frameworks that track it notice. */
function setNativeValue(el: HTMLTextAreaElement | HTMLInputElement, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'value')?.set;
  if (setter) setter.call(el, value);
  else el.value = value;
}

function insertIntoControl(el: HTMLTextAreaElement | HTMLInputElement, text: string): void {
  const start = el.selectionStart ?? el.value.length;
  const end = el.selectionEnd ?? start;
  el.focus();
  el.setSelectionRange(start, end);
  const before = el.value;
  // execCommand keeps the browser's undo history; the fallback below cannot.
  if (el.ownerDocument.execCommand?.('insertText', false, text) && el.value !== before) return;
  const value = before.slice(0, start) + text + before.slice(end);
  setNativeValue(el, value);
  el.setSelectionRange(start + text.length, start + text.length);
  dispatchInput(el, text);
}

function caretInside(editor: HTMLElement): Range {
  const doc = editor.ownerDocument;
  const selection = doc.getSelection();
  const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
  if (range && editor.contains(range.commonAncestorContainer)) return range;
  const end = doc.createRange();
  end.selectNodeContents(editor);
  end.collapse(false);
  return end;
}

function insertIntoContentEditable(editor: HTMLElement, text: string): void {
  const doc = editor.ownerDocument;
  const range = caretInside(editor);
  editor.focus();
  const selection = doc.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  const before = editor.textContent;
  if (doc.execCommand?.('insertText', false, text) && editor.textContent !== before) return;
  range.deleteContents();
  const node = doc.createTextNode(text);
  range.insertNode(node);
  range.setStartAfter(node);
  range.collapse(true);
  selection?.removeAllRanges();
  selection?.addRange(range);
  dispatchInput(editor, text);
}

/** Inserts text at the caret of a reply editor and fires the events a CRM's framework listens to. */
export function insertIntoEditor(editor: HTMLElement | null, text: string): InsertReplyResult {
  if (!editor) return { ok: false, reason: 'no-editor' };
  if (isTextControl(editor)) {
    if (editor.readOnly || editor.disabled) return { ok: false, reason: 'editor-readonly' };
    insertIntoControl(editor, text);
    return { ok: true, editor: editor.tagName === 'INPUT' ? 'input' : 'textarea' };
  }
  if (!editor.isContentEditable && editor.getAttribute('contenteditable') !== 'true') {
    return { ok: false, reason: 'editor-readonly' };
  }
  insertIntoContentEditable(editor, text);
  return { ok: true, editor: 'contenteditable' };
}

/** The text the agent has selected, including inside text fields, which getSelection() misses. */
export function selectedText(doc: Document): string {
  const active = doc.activeElement as HTMLElement | null;
  if (active && isTextControl(active) && active.selectionStart !== null && active.selectionEnd !== null) {
    const inField = active.value.slice(active.selectionStart, active.selectionEnd);
    if (inField) return inField;
  }
  return doc.getSelection()?.toString() ?? '';
}
