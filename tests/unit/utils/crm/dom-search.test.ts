import { afterEach, describe, expect, it } from 'vitest';
import { deepQuerySelector, deepQuerySelectorAll, frameDocument, searchPage } from '@/utils/crm/dom-search';
import { parseFixtureHtml } from './crm-fixtures';

const opened: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((close) => close()));
});

function page(html: string, url = 'https://crm.example.com/case/1'): Document {
  const { doc, close } = parseFixtureHtml(html, url);
  opened.push(close);
  return doc;
}

const ids = (elements: Element[]) => elements.map((el) => el.id);

describe('deep queries', () => {
  it('finds matches inside open shadow roots, in page order', () => {
    const doc = page(`<p id="a" class="x"></p>
      <x-host id="host"><p id="c" class="x"></p><template shadowrootmode="open"><p id="b" class="x"></p><slot></slot></template></x-host>
      <p id="d" class="x"></p>`);
    expect(ids(deepQuerySelectorAll(doc, '.x'))).toEqual(['a', 'b', 'c', 'd']);
    expect(deepQuerySelector(doc, '#b')?.id).toBe('b');
  });

  it('goes through nested shadow roots', () => {
    const doc = page(`<x-outer><template shadowrootmode="open">
      <x-inner><template shadowrootmode="open"><span id="deep" class="x"></span></template></x-inner>
    </template></x-outer>`);
    expect(ids(deepQuerySelectorAll(doc, '.x'))).toEqual(['deep']);
  });

  it('cannot see into closed shadow roots, like any content script', () => {
    const doc = page('<x-host><template shadowrootmode="closed"><p class="x"></p></template></x-host>');
    expect(deepQuerySelectorAll(doc, '.x')).toEqual([]);
  });

  it('reads same-origin frames, including a frame inside a shadow root', () => {
    const doc = page(`<p id="top" class="x"></p>
      <x-shell><template shadowrootmode="open">
        <iframe name="gsft_main" srcdoc="<p id='framed' class='x'></p>"></iframe>
      </template></x-shell>`);
    expect(ids(deepQuerySelectorAll(doc, '.x'))).toEqual(['top', 'framed']);
    expect(deepQuerySelector(doc, '#framed')?.ownerDocument).not.toBe(doc);
  });

  it('skips frames whose document is refused or missing', () => {
    const doc = page('<iframe id="refused"></iframe><iframe id="blank"></iframe><p class="x" id="p"></p>');
    const refused = doc.getElementById('refused') as Element;
    Object.defineProperty(refused, 'contentDocument', {
      get() {
        throw new Error('SecurityError: Blocked a frame with origin from accessing a cross-origin frame.');
      },
    });
    Object.defineProperty(doc.getElementById('blank'), 'contentDocument', { get: () => null });
    expect(frameDocument(refused)).toBeNull();
    expect(ids(deepQuerySelectorAll(doc, '.x'))).toEqual(['p']);
  });

  it('scopes with the >>> combinator through shadow roots', () => {
    const doc =
      page(`<div class="field" data-name="subject"><template shadowrootmode="open"><input value="Card blocked"></template></div>
      <div class="field" data-name="status"><template shadowrootmode="open"><input value="Open"></template></div>`);
    const input = deepQuerySelector(doc, '[data-name="status"] >>> input') as HTMLInputElement;
    expect(input.value).toBe('Open');
    expect(deepQuerySelectorAll(doc, '.field >>> input')).toHaveLength(2);
  });

  it('answers an invalid selector with nothing instead of throwing', () => {
    const doc = page('<p></p>');
    expect(deepQuerySelectorAll(doc, 'p[')).toEqual([]);
    expect(deepQuerySelector(doc, '>>>')).toBeNull();
  });

  it('stops looking for shadow roots after maxNodes elements, but still searches the page itself', () => {
    const filler = '<span></span>'.repeat(50);
    const doc = page(
      `${filler}<x-host><template shadowrootmode="open"><p class="x" id="late"></p></template></x-host><p class="x" id="light"></p>`,
    );
    expect(ids(deepQuerySelectorAll(doc, '.x', { maxNodes: 10 }))).toEqual(['light']);
    expect(ids(deepQuerySelectorAll(doc, '.x'))).toEqual(['late', 'light']);
  });

  it('survives very deep nesting and a large page', () => {
    // Three times the 512 levels a browser's parser allows; happy-dom's own teardown cannot go much deeper.
    const deep = `${'<div>'.repeat(1500)}<b class="x"></b>${'</div>'.repeat(1500)}`;
    const wide = '<i></i>'.repeat(6000);
    const doc = page(deep + wide);
    expect(deepQuerySelectorAll(doc, '.x')).toHaveLength(1);
    expect(searchPage(doc).all('i')).toHaveLength(6000);
  });

  it('searches within an element, including its own shadow root', () => {
    const doc =
      page(`<x-card id="card"><span class="x" id="light"></span><template shadowrootmode="open"><span class="x" id="shadow"></span><slot></slot></template></x-card>
      <span class="x" id="outside"></span>`);
    const card = doc.getElementById('card') as Element;
    expect(ids(deepQuerySelectorAll(card, '.x'))).toEqual(['shadow', 'light']);
  });
});
