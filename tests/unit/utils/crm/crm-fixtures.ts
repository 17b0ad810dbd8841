import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { afterEach } from 'vitest';
import type { CaseContext } from '@/utils/crm/case-context';

export const CRM_FIXTURES_DIR = 'tests/fixtures/crm';

/** What a fixture page should read as; `url` may be left out. */
export type ExpectedCase = Omit<CaseContext, 'url'> & { url?: string };

export interface CrmFixture {
  url: URL;
  expected: ExpectedCase | null;
  doc: Document;
  /** Frees the happy-dom window behind `doc`. */
  close: () => Promise<void>;
}

/** Every fixture page as [product directory, page name], from the `.json` files beside the pages. */
export function listCrmFixtures(): [dir: string, name: string][] {
  return readdirSync(CRM_FIXTURES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) =>
      readdirSync(join(CRM_FIXTURES_DIR, entry.name))
        .filter((file) => file.endsWith('.json'))
        .map((file): [string, string] => [entry.name, file.slice(0, -'.json'.length)]),
    )
    .sort(([a, x], [b, y]) => a.localeCompare(b) || x.localeCompare(y));
}

/**
 * Turns `<template shadowrootmode>` into real shadow roots, as a browser's parser does.
 * happy-dom's parser leaves them as plain templates.
 */
function attachDeclarativeShadowRoots(root: Document | ShadowRoot): void {
  for (const template of Array.from(root.querySelectorAll<HTMLTemplateElement>('template[shadowrootmode]'))) {
    const host = template.parentElement;
    if (!host || host.shadowRoot) continue;
    const mode = template.getAttribute('shadowrootmode') === 'closed' ? 'closed' : 'open';
    const shadow = host.attachShadow({ mode });
    shadow.append(template.content);
    template.remove();
    attachDeclarativeShadowRoots(shadow);
  }
}

function openShadowRoots(root: Document | ShadowRoot): ShadowRoot[] {
  return Array.from(root.querySelectorAll('*')).flatMap((el) =>
    el.shadowRoot ? [el.shadowRoot, ...openShadowRoots(el.shadowRoot)] : [],
  );
}

/**
 * Loads `data-fixture-srcdoc` frames through `srcdoc`: happy-dom builds a same-origin child
 * document for it at once, reachable through `iframe.contentDocument` as in a browser.
 */
function fillFixtureFrames(root: Document, dir: string): void {
  for (const scope of [root, ...openShadowRoots(root)]) {
    for (const frame of Array.from(scope.querySelectorAll<HTMLIFrameElement>('iframe[data-fixture-srcdoc]'))) {
      const file = frame.getAttribute('data-fixture-srcdoc') ?? '';
      frame.srcdoc = readFileSync(join(CRM_FIXTURES_DIR, dir, file), 'utf8');
      const frameDoc = frame.contentDocument;
      if (!frameDoc) throw new Error(`Fixture frame ${file} did not load`);
      prepareDocument(frameDoc, dir);
    }
  }
}

/**
 * Selects each `<option selected>` again: happy-dom's parser can leave an earlier option selected,
 * where a browser honours the attribute.
 */
function applySelectedOptions(doc: Document): void {
  for (const scope of [doc, ...openShadowRoots(doc)]) {
    for (const option of Array.from(scope.querySelectorAll<HTMLOptionElement>('select option[selected]'))) {
      option.selected = true;
    }
  }
}

function prepareDocument(doc: Document, dir: string): void {
  attachDeclarativeShadowRoots(doc);
  applySelectedOptions(doc);
  fillFixtureFrames(doc, dir);
}

/**
 * A document built from HTML as a browser would build it at `url`: declarative shadow roots attached,
 * `<option selected>` honoured, and `data-fixture-srcdoc` frames (files in `dir`) loaded.
 */
export function parseFixtureHtml(html: string, url: string, dir = ''): { doc: Document; close: () => Promise<void> } {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
    },
  });
  const doc = window.document as unknown as Document;
  doc.write(html);
  prepareDocument(doc, dir);
  return { doc, close: () => window.happyDOM.close() };
}

/** Builds the fixture page `dir/name.html` at its recorded URL, with shadow roots and frames in place. */
export function loadCrmFixture(dir: string, name: string): CrmFixture {
  const meta = JSON.parse(readFileSync(join(CRM_FIXTURES_DIR, dir, `${name}.json`), 'utf8')) as {
    url: string;
    expected: ExpectedCase | null;
  };
  const html = readFileSync(join(CRM_FIXTURES_DIR, dir, `${name}.html`), 'utf8');
  return { url: new URL(meta.url), expected: meta.expected, ...parseFixtureHtml(html, meta.url, dir) };
}

/** `page(html)` for a test file: a document at https://crm.example.com/, closed after each test. */
export function pagesClosedAfterEach(url = 'https://crm.example.com/'): (html: string) => Document {
  const opened: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((close) => close()));
  });
  return (html) => {
    const { doc, close } = parseFixtureHtml(html, url);
    opened.push(close);
    return doc;
  };
}
