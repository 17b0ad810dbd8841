// The naive way to follow a CRM page: a MutationObserver on the whole body that reads the
// case again on every change. The benchmark runs it beside the real content script.
import { extractCaseContext } from '../../../utils/crm/adapters';

export function startNaiveWatcher(): void {
  new MutationObserver(() => {
    extractCaseContext(document, new URL(location.href));
  }).observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
}

/** Milliseconds per extraction of the case on this page, `times` runs. */
export function extractionTimes(times: number): number[] {
  const durations: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    extractCaseContext(document, new URL(location.href));
    durations.push(performance.now() - started);
  }
  return durations;
}
