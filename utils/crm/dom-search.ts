/**
 * Queries that see what an agent sees: the page, its open shadow roots (Salesforce LWC, ServiceNow
 * Next Experience) and same-origin frames (ServiceNow's gsft_main, Zoho Desk's reply editor).
 * Closed shadow roots and cross-origin frames stay out of reach, as they do for any content script.
 */

type SearchScope = Document | ShadowRoot | Element;

interface SearchRoot {
  scope: SearchScope;
  /** Shadow roots and frame documents hosted by elements of `scope`, in document order. */
  nested: { host: Element; root: SearchRoot }[];
}

export interface PageSearch {
  /** The first match in page order, or null. */
  first: (selector: string) => Element | null;
  /** Every match in page order: shadow and frame content sit where their host is. */
  all: (selector: string) => Element[];
}

export interface SearchOptions {
  /** Most elements visited while looking for shadow roots and frames; the rest of a huge page is skipped. */
  maxNodes?: number;
}

/** Enough for a busy CRM console; a page with more elements is searched only in its first part. */
const MAX_SEARCH_NODES = 25_000;
const MAX_FRAME_DEPTH = 4;
/** `a >>> b` finds `b` anywhere inside `a`, through shadow roots and frames, like Puppeteer's deep combinator. */
const DEEP_COMBINATOR = '>>>';
const SHOW_ELEMENT = 0x1;
// compareDocumentPosition bits: the other node follows, or is inside, this one.
const FOLLOWING_OR_CONTAINED = 0x4 | 0x10;

/** The document of a same-origin frame; null for cross-origin frames, which refuse or hide theirs. */
export function frameDocument(frame: Element): Document | null {
  if (frame.tagName !== 'IFRAME' && frame.tagName !== 'FRAME') return null;
  try {
    return (frame as HTMLIFrameElement).contentDocument ?? null;
  } catch {
    return null;
  }
}

function ownerOf(scope: SearchScope): Document {
  return scope.nodeType === 9 ? (scope as Document) : (scope.ownerDocument as Document);
}

function collectRoots(scope: SearchScope, budget: { left: number }, frameDepth: number): SearchRoot {
  const nested: SearchRoot['nested'] = [];
  const visit = (el: Element) => {
    const shadow = el.shadowRoot;
    if (shadow) nested.push({ host: el, root: collectRoots(shadow, budget, frameDepth) });
    if (frameDepth < MAX_FRAME_DEPTH) {
      const frameDoc = frameDocument(el);
      if (frameDoc) nested.push({ host: el, root: collectRoots(frameDoc, budget, frameDepth + 1) });
    }
  };
  // An element scope can itself be a shadow host; its shadow content comes before its light children.
  if (scope.nodeType === 1) visit(scope as Element);
  const walker = ownerOf(scope).createTreeWalker(scope, SHOW_ELEMENT);
  for (let node = walker.nextNode(); node && budget.left > 0; node = walker.nextNode()) {
    budget.left -= 1;
    visit(node as Element);
  }
  return { scope, nested };
}

function queryAll(scope: SearchScope, selector: string): Element[] {
  try {
    return Array.from(scope.querySelectorAll(selector));
  } catch {
    // An invalid selector, or a frame torn down while we looked.
    return [];
  }
}

/** Index of the first of `ordered` (in document order) that comes after `host` or inside it; a binary search. */
function firstAfter(ordered: Element[], host: Element): number {
  let low = 0;
  let high = ordered.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (host.compareDocumentPosition(ordered[mid]!) & FOLLOWING_OR_CONTAINED) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** Matches in one root and everything nested in it, each nested root's matches placed at its host. */
function matchesIn(root: SearchRoot, selector: string): Element[] {
  const found = queryAll(root.scope, selector);
  // Insert from the last host backwards so earlier insertion points stay valid.
  for (let i = root.nested.length - 1; i >= 0; i--) {
    const { host, root: inner } = root.nested[i]!;
    const innerMatches = matchesIn(inner, selector);
    if (innerMatches.length === 0) continue;
    found.splice(firstAfter(found, host), 0, ...innerMatches);
  }
  return found;
}

/**
 * Searches `scope` and everything nested in it. The walk for shadow roots and frames happens once,
 * so reuse one search for all the queries made while reading a page.
 */
export function searchPage(scope: SearchScope, { maxNodes = MAX_SEARCH_NODES }: SearchOptions = {}): PageSearch {
  let roots: SearchRoot | undefined;
  const rootsOf = () => {
    roots ??= collectRoots(scope, { left: maxNodes }, 0);
    return roots;
  };

  function all(selector: string): Element[] {
    const [head = '', ...rest] = selector.split(DEEP_COMBINATOR).map((part) => part.trim());
    let found = head ? matchesIn(rootsOf(), head) : [];
    for (const part of rest) {
      const next = new Set<Element>();
      for (const el of found) {
        for (const inner of searchPage(el, { maxNodes }).all(part)) next.add(inner);
      }
      found = [...next];
    }
    return found;
  }

  return { all, first: (selector) => all(selector)[0] ?? null };
}

/** The first element matching `selector` in `scope`, looking inside open shadow roots and same-origin frames. */
export function deepQuerySelector(scope: SearchScope, selector: string, options?: SearchOptions): Element | null {
  return searchPage(scope, options).first(selector);
}

/** Every element matching `selector` in `scope`, open shadow roots and same-origin frames included. */
export function deepQuerySelectorAll(scope: SearchScope, selector: string, options?: SearchOptions): Element[] {
  return searchPage(scope, options).all(selector);
}
