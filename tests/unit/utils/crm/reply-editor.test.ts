import { describe, expect, it } from 'vitest';
import { searchPage } from '@/utils/crm/dom-search';
import { findEditor, isTypable, RICH_EDITOR_SELECTORS } from '@/utils/crm/reply-editor';
import { pagesClosedAfterEach } from './crm-fixtures';

const page = pagesClosedAfterEach();

describe('isTypable', () => {
  it.each([
    ['a textarea', '<textarea id="t"></textarea>', true],
    ['a read-only textarea', '<textarea id="t" readonly></textarea>', false],
    ['a disabled textarea', '<textarea id="t" disabled></textarea>', false],
    ['a text input', '<input id="t">', true],
    ['a hidden input', '<input id="t" type="hidden">', false],
    ['an editable div', '<div id="t" contenteditable="true"></div>', true],
    ['an editable div with an empty attribute', '<div id="t" contenteditable></div>', true],
    ['a plain-text editable div', '<div id="t" contenteditable="plaintext-only"></div>', true],
    ['a div made not editable', '<div id="t" contenteditable="false"></div>', false],
    ['a plain div', '<div id="t"></div>', false],
    ['an editor inside a hidden panel', '<div hidden><textarea id="t"></textarea></div>', false],
    ['an editor inside an inert dialog', '<div inert><div id="t" contenteditable="true"></div></div>', false],
    [
      'an editor marked read-only for assistive tech',
      '<div id="t" contenteditable="true" aria-readonly="true"></div>',
      false,
    ],
    ['a textarea marked disabled for assistive tech', '<textarea id="t" aria-disabled="true"></textarea>', false],
  ])('%s: %s', (_name, html, expected) => {
    expect(isTypable(page(html).getElementById('t')!)).toBe(expected);
  });

  it('takes the body of a frame document in design mode', () => {
    const doc = page('<p>x</p>');
    expect(isTypable(doc.body)).toBe(false);
    doc.designMode = 'on';
    expect(isTypable(doc.body)).toBe(true);
  });
});

describe('findEditor', () => {
  const find = (html: string, selectors: readonly string[]) => findEditor(searchPage(page(html)), selectors)?.id;

  it('prefers the first selector, not the first element on the page', () => {
    expect(
      find('<textarea id="plain"></textarea><div id="quill" class="ql-editor" contenteditable="true"></div>', [
        '.ql-editor[contenteditable="true"]',
        'textarea',
      ]),
    ).toBe('quill');
  });

  it('passes over editors an agent cannot type into', () => {
    expect(
      find('<textarea id="locked" class="reply" readonly></textarea><textarea id="open" class="reply"></textarea>', [
        '.reply',
      ]),
    ).toBe('open');
    expect(find('<textarea id="locked" readonly></textarea>', ['textarea'])).toBeUndefined();
  });

  it('looks through shadow roots with the deep combinator', () => {
    expect(
      find(
        '<textarea id="top" readonly></textarea><x-reply><template shadowrootmode="open"><textarea id="inner"></textarea></template></x-reply>',
        ['x-reply >>> textarea', 'textarea'],
      ),
    ).toBe('inner');
  });

  it('knows the documented markup of the common rich editors', () => {
    for (const [html, id] of [
      ['<div id="ck" class="ck-editor__editable" contenteditable="true"></div>', 'ck'],
      ['<div id="pm" class="ProseMirror" contenteditable="true"></div>', 'pm'],
      ['<div id="draft" class="public-DraftEditor-content" contenteditable="true"></div>', 'draft'],
      ['<div id="froala" class="fr-element" contenteditable="true"></div>', 'froala'],
    ]) {
      expect(find(html!, RICH_EDITOR_SELECTORS)).toBe(id);
    }
  });

  it.each([
    ['before a valid one', ['[[nope', 'textarea'], 'plain'],
    ['between two valid ones, keeping their order', ['.missing', 'textarea:is(', '.ql-editor', 'textarea'], 'quill'],
    ['after the deep combinator', ['x-reply >>> [[nope', '#plain'], 'plain'],
    ['of every kind, with a typable editor last', ['a[', '::nope', ':has(', '#quill'], 'quill'],
  ])('passes over a selector the browser cannot parse %s', (_name, selectors, id) => {
    const html = '<textarea id="plain"></textarea><div id="quill" class="ql-editor" contenteditable="true"></div>';
    expect(find(html, selectors)).toBe(id);
  });

  it('finds nothing on a page without an editor, or with only invalid selectors', () => {
    expect(find('<p>Read only case</p>', RICH_EDITOR_SELECTORS)).toBeUndefined();
    expect(find('<textarea id="t"></textarea>', ['[[nope'])).toBeUndefined();
    expect(find('<textarea id="t"></textarea>', [])).toBeUndefined();
  });
});
