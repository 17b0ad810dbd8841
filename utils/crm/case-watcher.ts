import { type CaseContext, sameCaseContext } from './case-context';

export interface CaseWatcherOptions {
  window: Window & typeof globalThis;
  /** Reads the case from the page as it is now. */
  extract: () => CaseContext | null;
  /** The element holding the open case, watched narrowly instead of the whole body. */
  container: () => Element | null;
  onChange: (context: CaseContext | null) => void;
  signal: AbortSignal;
  /** Quiet time after the last change before the page is read again. */
  debounceMs?: number;
  /** Longest a stream of changes can delay a read, so a busy page still updates the panel. */
  maxWaitMs?: number;
}

export interface CaseWatcher {
  /** Reads the page now and reports a change if there is one. */
  refresh: () => CaseContext | null;
}

/**
 * Follows the case shown on a single-page CRM: history and navigation events, the title,
 * and a debounced observer on the case container only. Reports only real changes.
 */
export function watchCase({
  window: win,
  extract,
  container,
  onChange,
  signal,
  debounceMs = 60,
  maxWaitMs = 300,
}: CaseWatcherOptions): CaseWatcher {
  const doc = win.document;
  // undefined until the first read, so the first result is always reported, even "no case".
  let current: CaseContext | null | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstPendingAt: number | undefined;
  let observed: Element | null = null;

  const containerObserver = new win.MutationObserver(schedule);
  const titleObserver = new win.MutationObserver(schedule);

  function observeContainer(): void {
    const next = container();
    if (next === observed) return;
    containerObserver.disconnect();
    observed = next;
    if (next)
      containerObserver.observe(next, {
        childList: true,
        subtree: true,
        characterData: true,
        attributes: true,
        attributeFilter: ['data-case-id', 'value'],
      });
  }

  function observeTitle(): void {
    const title = doc.querySelector('head > title');
    if (title) titleObserver.observe(title, { childList: true, characterData: true, subtree: true });
  }

  function refresh(): CaseContext | null {
    clearTimeout(timer);
    timer = undefined;
    firstPendingAt = undefined;
    observeContainer();
    const next = extract();
    if (current === undefined || !sameCaseContext(current, next)) {
      current = next;
      onChange(next);
    }
    return next;
  }

  function schedule(): void {
    if (signal.aborted) return;
    const now = Date.now();
    firstPendingAt ??= now;
    clearTimeout(timer);
    const wait = Math.min(debounceMs, Math.max(0, firstPendingAt + maxWaitMs - now));
    timer = setTimeout(refresh, wait);
  }

  const listen = { signal } as const;
  win.addEventListener('popstate', schedule, listen);
  win.addEventListener('hashchange', schedule, listen);
  // The Navigation API also reports pushState calls made by the page's own scripts.
  const navigation = (win as Window & { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('currententrychange', schedule, listen);
  observeTitle();
  signal.addEventListener('abort', () => {
    clearTimeout(timer);
    containerObserver.disconnect();
    titleObserver.disconnect();
  });

  refresh();
  return { refresh };
}
