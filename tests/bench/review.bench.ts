import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { percentile } from '../../utils/matcher/evaluate';
import { launchChromium } from './browser/launch';
import { pageBundle } from './browser/page-bundle';
import { printTable, type TargetCheck } from './report';

const NOTES = 100_000;
const EXTENSION_DIR = '.output/chrome-mv3';

type Bench = Record<string, (...args: unknown[]) => Promise<unknown>>;
const run = <T>(page: Page, name: string, ...args: unknown[]) =>
  page.evaluate(
    ([fn, params]) => (globalThis as unknown as { bench: Bench }).bench[fn as string]!(...(params as unknown[])),
    [name, args] as const,
  ) as Promise<T>;

/** Milliseconds until the call count changes after `act`. */
async function timeCountChange(page: Page, act: () => Promise<void>): Promise<number> {
  const count = page.getByTestId('review-count');
  const before = await count.textContent();
  const started = performance.now();
  await act();
  await page.waitForFunction(
    (text) => document.querySelector('[data-testid="review-count"]')?.textContent !== text,
    before,
    { polling: 'raf' },
  );
  return performance.now() - started;
}

/** The Review and Compliance pages with 100,000 notes in real Chromium, against a naive full scan. */
export async function runReviewBench(): Promise<TargetCheck[]> {
  execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore' });
  const context = await launchChromium(EXTENSION_DIR);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const origin = `chrome-extension://${new URL(worker.url()).host}`;
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`${origin}/options.html`);
  await page.evaluate(await pageBundle('tests/bench/browser/review-bench.page.ts'));
  await run(page, 'seed', NOTES);

  let started = performance.now();
  await page.goto(`${origin}/review.html`);
  await page.locator('tr[data-note-id]').first().waitFor();
  const firstRender = performance.now() - started;
  await page
    .getByText(`of ${NOTES.toLocaleString('en')} calls`)
    .or(page.getByText(`of ${NOTES} calls`))
    .first()
    .waitFor({ timeout: 60_000 });

  const agentSelect = page.getByTestId('filter-agent');
  const filterTimes: number[] = [];
  for (let i = 0; i < 20; i++)
    filterTimes.push(
      await timeCountChange(page, async () => {
        await agentSelect.selectOption(`A-${i % 40}`);
      }),
    );
  await timeCountChange(page, async () => {
    await agentSelect.selectOption('');
  });
  const searchTimes: number[] = [];
  for (const query of [
    '安全账户',
    'locked',
    'refund',
    '验证码',
    'fraud team',
    '解锁',
    'TRF-4012',
    'coffee',
    '重置密码',
    'retry',
  ]) {
    searchTimes.push(await timeCountChange(page, () => page.getByTestId('filter-text').fill(query)));
    await timeCountChange(page, () => page.getByTestId('filter-text').fill(''));
  }

  await page.evaluate(await pageBundle('tests/bench/browser/review-bench.page.ts'));
  const naiveFilter = await run<{ ms: number }>(page, 'naiveFilter', 'A-3');
  const naiveSearch = await run<{ ms: number }>(page, 'naiveSearch', 'locked');

  started = performance.now();
  await page.goto(`${origin}/compliance.html`);
  await page.getByTestId('compliance-by-checklist').waitFor({ timeout: 60_000 });
  const compliance = performance.now() - started;
  await context.close();

  const filterP95 = percentile(
    [...filterTimes].sort((a, b) => a - b),
    95,
  );
  const searchP95 = percentile(
    [...searchTimes].sort((a, b) => a - b),
    95,
  );
  const ratio = (ours: number, naive: number) => `${(naive / ours).toFixed(1)}x faster`;
  printTable(
    `Review and Compliance pages, ${NOTES.toLocaleString('en')} notes in Chromium (naive = read every note, then filter)`,
    ['measure', 'agent-assist ms', 'naive full scan ms', 'ratio'],
    [
      ['Review: first rows on screen', firstRender, naiveFilter.ms, ratio(firstRender, naiveFilter.ms)],
      ['Review: filter change, p95', filterP95, naiveFilter.ms, ratio(filterP95, naiveFilter.ms)],
      ['Review: text search, p95', searchP95, naiveSearch.ms, ratio(searchP95, naiveSearch.ms)],
      ['Compliance: page computed', compliance, naiveFilter.ms, ratio(compliance, naiveFilter.ms)],
    ],
  );
  return [
    { name: 'review: first render with 100k notes (ms)', actual: firstRender, target: 1000, kind: 'max' },
    { name: 'review: filter change p95 (ms)', actual: filterP95, target: 200, kind: 'max' },
    { name: 'review: text search p95 (ms)', actual: searchP95, target: 300, kind: 'max' },
    { name: 'compliance: computed with 100k notes (ms)', actual: compliance, target: 1000, kind: 'max' },
  ];
}
