import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { percentile } from '../../utils/matcher/evaluate';
import { startDemoCrm } from '../fixtures/demo-crm/server.mjs';
import { launchChromium } from './browser/launch';
import { pageBundle } from './browser/page-bundle';
import { printTable, type TargetCheck } from './report';

const EXTENSION_DIR = '.output/chrome-mv3';
const CONTENT_SCRIPT = `${EXTENSION_DIR}/content-scripts/crm.js`;
const MEASURE_MS = 10_000;

/** Main-thread script time of a page as a share of wall time, over MEASURE_MS. */
async function scriptShare(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const script = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'ScriptDuration')!.value;
  };
  const scriptBefore = await script();
  const started = performance.now();
  await page.waitForTimeout(MEASURE_MS);
  const share = ((await script()) - scriptBefore) / ((performance.now() - started) / 1000);
  await cdp.detach();
  return share;
}

async function openBusyPage(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForTimeout(2_000);
  return page;
}

/**
 * The content script on a 5,000-element CRM page whose chat stream changes 20 times a second,
 * against a naive whole-body MutationObserver that reads the case on every change.
 */
export async function runCrmPageBench(): Promise<TargetCheck[]> {
  execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore' });
  const crm = await startDemoCrm();
  const url = new URL('/busy.html', crm.url).href;
  const bundle = await pageBundle('tests/bench/browser/naive-watcher.page.ts');

  const plain = await launchChromium();
  const basePage = await openBusyPage(plain, url);
  const elements = await basePage.evaluate(() => document.getElementsByTagName('*').length);
  const base = await scriptShare(basePage);
  await basePage.evaluate(bundle);
  const extraction = await basePage.evaluate(() =>
    (globalThis as unknown as { bench: { extractionTimes: (n: number) => number[] } }).bench.extractionTimes(300),
  );
  const naivePage = await openBusyPage(plain, url);
  await naivePage.evaluate(bundle);
  await naivePage.evaluate(() =>
    (globalThis as unknown as { bench: { startNaiveWatcher: () => void } }).bench.startNaiveWatcher(),
  );
  const naive = await scriptShare(naivePage);
  await plain.close();

  const withExtension = await launchChromium(EXTENSION_DIR);
  const oursPage = await openBusyPage(withExtension, url);
  const ours = await scriptShare(oursPage);
  await withExtension.close();
  await crm.close();

  const oursOverhead = Math.max(0, ours - base);
  const naiveOverhead = Math.max(0, naive - base);
  const p95 = percentile(
    [...extraction].sort((a, b) => a - b),
    95,
  );
  const bundleKb = statSync(CONTENT_SCRIPT).size / 1024;
  const pct = (share: number) => `${(share * 100).toFixed(2)}%`;
  printTable(
    `CRM page with ${elements} elements and a stream changing 20 times a second, ${MEASURE_MS / 1000} s in Chromium`,
    ['measure', 'value'],
    [
      ['page scripts alone, main-thread share', pct(base)],
      ['with the content script', pct(ours)],
      ['content script overhead', pct(oursOverhead)],
      ['naive whole-body observer overhead', pct(naiveOverhead)],
      [
        'naive / ours',
        oursOverhead > 0 ? `${(naiveOverhead / oursOverhead).toFixed(1)}x` : 'ours not measurable above the page',
      ],
      [
        'extraction p95 ms (median ms)',
        `${p95.toFixed(3)} (${percentile(
          [...extraction].sort((a, b) => a - b),
          50,
        ).toFixed(3)})`,
      ],
      ['content script bundle KB', bundleKb.toFixed(1)],
    ],
  );
  return [
    { name: 'content script main-thread share of wall time', actual: oursOverhead * 100, target: 1, kind: 'max' },
    { name: 'case extraction p95 on the busy page (ms)', actual: p95, target: 2, kind: 'max' },
    { name: 'content script bundle (KB, minified)', actual: bundleKb, target: 40, kind: 'max' },
  ];
}
