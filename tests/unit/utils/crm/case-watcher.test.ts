import { Window as HappyWindow } from 'happy-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaseContext } from '@/utils/crm/case-context';
import { watchCase } from '@/utils/crm/case-watcher';
import { demoAdapter } from '@/utils/crm/demo-adapter';

function setup() {
  const window = new HappyWindow({ url: 'http://127.0.0.1/cases/A-1' }) as unknown as Window & typeof globalThis;
  window.document.write(
    `<title>A-1</title><main id="case-view" data-case-id="A-1"><h1 data-field="subject">First</h1></main><aside id="noise"></aside>`,
  );
  const seen: (CaseContext | null)[] = [];
  const controller = new AbortController();
  const doc = window.document;
  const watcher = watchCase({
    window,
    extract: () => demoAdapter.extract(doc, new URL(window.location.href)),
    container: () => demoAdapter.caseContainer(doc),
    onChange: (context) => seen.push(context),
    signal: controller.signal,
  });
  const caseView = () => doc.querySelector('#case-view')!;
  return { window, doc, seen, controller, watcher, caseView };
}

describe('watchCase', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
  afterEach(() => vi.useRealTimers());

  it('reports the case at start, even when there is none', () => {
    const { seen } = setup();
    expect(seen.map((context) => context?.caseId)).toEqual(['A-1']);
  });

  it('reports a case switch once, after the page settles', async () => {
    const { seen, caseView } = setup();
    caseView().setAttribute('data-case-id', 'B-2');
    caseView().querySelector('h1')!.textContent = 'Second';
    await vi.advanceTimersByTimeAsync(100);
    expect(seen.map((context) => context?.subject)).toEqual(['First', 'Second']);
  });

  it('sends nothing when the page changes but the case does not', async () => {
    const { seen, doc } = setup();
    doc.querySelector('#noise')!.textContent = 'ticker';
    await vi.advanceTimersByTimeAsync(500);
    expect(seen).toHaveLength(1);
  });

  it('still reports within maxWait while the case container changes without pause', async () => {
    const { seen, caseView } = setup();
    caseView().setAttribute('data-case-id', 'C-3');
    for (let i = 0; i < 20; i++) {
      caseView().append(String(i));
      await vi.advanceTimersByTimeAsync(20);
    }
    expect(seen.map((context) => context?.caseId)).toContain('C-3');
  });

  it('reports when the case disappears', async () => {
    const { seen, caseView } = setup();
    caseView().removeAttribute('data-case-id');
    await vi.advanceTimersByTimeAsync(100);
    expect(seen.at(-1)).toBeNull();
  });

  it('reads again on history navigation', async () => {
    const { seen, window, caseView } = setup();
    const observed = caseView();
    observed.replaceWith(observed.cloneNode(true));
    caseView().setAttribute('data-case-id', 'D-4');
    window.dispatchEvent(new window.PopStateEvent('popstate'));
    await vi.advanceTimersByTimeAsync(100);
    expect(seen.at(-1)?.caseId).toBe('D-4');
  });

  it('stops listening once aborted', async () => {
    const { seen, controller, caseView, window } = setup();
    controller.abort();
    caseView().setAttribute('data-case-id', 'E-5');
    window.dispatchEvent(new window.PopStateEvent('popstate'));
    await vi.advanceTimersByTimeAsync(500);
    expect(seen).toHaveLength(1);
  });
});
