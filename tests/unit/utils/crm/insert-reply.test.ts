// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { insertIntoEditor, selectedText } from '@/utils/crm/insert-reply';

describe('insertIntoEditor', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('inserts at the caret of a textarea and fires input', () => {
    document.body.innerHTML = '<textarea id="r">Hello world</textarea>';
    const editor = document.querySelector<HTMLTextAreaElement>('#r')!;
    const inputs: string[] = [];
    editor.addEventListener('input', (event) => inputs.push((event as InputEvent).inputType));
    editor.setSelectionRange(6, 6);
    expect(insertIntoEditor(editor, 'dear ')).toEqual({ ok: true, editor: 'textarea' });
    expect(editor.value).toBe('Hello dear world');
    expect(inputs).toEqual(['insertText']);
    expect(editor.selectionStart).toBe(11);
  });

  it('replaces the selected text of an input', () => {
    document.body.innerHTML = '<input id="r" value="abc XYZ def">';
    const editor = document.querySelector<HTMLInputElement>('#r')!;
    editor.setSelectionRange(4, 7);
    expect(insertIntoEditor(editor, '123')).toEqual({ ok: true, editor: 'input' });
    expect(editor.value).toBe('abc 123 def');
  });

  it('inserts into a contenteditable editor at its end when the caret is elsewhere', () => {
    document.body.innerHTML = '<div id="r" contenteditable="true"><p>Hi</p></div><p id="other">x</p>';
    const editor = document.querySelector<HTMLElement>('#r')!;
    const inputs: number[] = [];
    editor.addEventListener('input', () => inputs.push(1));
    expect(insertIntoEditor(editor, ' there')).toEqual({ ok: true, editor: 'contenteditable' });
    expect(editor.textContent).toBe('Hi there');
    expect(inputs).toHaveLength(1);
  });

  it('says so when there is no editor', () => {
    expect(insertIntoEditor(null, 'x')).toEqual({ ok: false, reason: 'no-editor' });
  });

  it('refuses a read-only field and leaves it unchanged', () => {
    document.body.innerHTML = '<textarea id="r" readonly>keep</textarea>';
    const editor = document.querySelector<HTMLTextAreaElement>('#r')!;
    expect(insertIntoEditor(editor, 'x')).toEqual({ ok: false, reason: 'editor-readonly' });
    expect(editor.value).toBe('keep');
  });

  it('inserts hostile markup as plain text', () => {
    document.body.innerHTML = '<div id="r" contenteditable="true"></div>';
    const editor = document.querySelector<HTMLElement>('#r')!;
    insertIntoEditor(editor, '<img src=x onerror=alert(1)>');
    expect(editor.querySelector('img')).toBeNull();
    expect(editor.textContent).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('selectedText', () => {
  it('reads a selection inside a text field', () => {
    document.body.innerHTML = '<textarea id="r">my transfer failed</textarea>';
    const field = document.querySelector<HTMLTextAreaElement>('#r')!;
    field.focus();
    field.setSelectionRange(3, 18);
    expect(selectedText(document)).toBe('transfer failed');
  });

  it('reads a page selection', () => {
    document.body.innerHTML = '<p id="p">account locked</p>';
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('#p')!);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    expect(selectedText(document)).toBe('account locked');
  });
});
