import type { Page } from 'playwright-core';
import { startDemoCrm } from '../fixtures/demo-crm/server.mjs';
import { launchChromium } from './browser/launch';
import { pageBundle } from './browser/page-bundle';
import { printTable, type TargetCheck } from './report';

const NOTES = 100_000;

type Bench = Record<string, (...args: unknown[]) => Promise<unknown>>;

async function run<T>(page: Page, name: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(
    ([fn, params]) => (globalThis as unknown as { bench: Bench }).bench[fn as string]!(...(params as unknown[])),
    [name, args] as const,
  ) as Promise<T>;
}

/** Peak JS heap growth (MB) of the page while `work` runs, sampled through the DevTools protocol. */
async function peakHeapGrowth(page: Page, work: () => Promise<unknown>): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const base = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  let peak = base;
  let running = true;
  const sampler = (async () => {
    while (running) {
      peak = Math.max(peak, (await cdp.send('Runtime.getHeapUsage')).usedSize);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  await work();
  running = false;
  await sampler;
  await cdp.detach();
  return (peak - base) / 1024 / 1024;
}

/** Call notes in real Chromium IndexedDB: our Dexie code against plain IndexedDB doing the same work. */
export async function runNotesBench(): Promise<TargetCheck[]> {
  const crm = await startDemoCrm();
  const context = await launchChromium();
  const page = await context.newPage();
  await page.goto(crm.url);
  await page.evaluate(await pageBundle('tests/bench/browser/notes-bench.page.ts'));
  await run(page, 'prepare', NOTES);

  const insertOurs = await run<number>(page, 'bulkInsertOurs');
  const insertPlain = await run<number>(page, 'bulkInsertPlain');
  const autosaveOurs = await run<number>(page, 'autosaveOurs', 200);
  const autosavePlain = await run<number>(page, 'autosavePlain', 200);
  const queriesOurs = await run<{ byAgent: number; byCase: number }>(page, 'pageQueriesOurs', 100);
  const queriesPlain = await run<{ byAgent: number; byCase: number }>(page, 'pageQueriesPlain', 100);
  const exportHeapOurs = await peakHeapGrowth(page, () => run(page, 'exportOurs'));
  const exportHeapPlain = await peakHeapGrowth(page, () => run(page, 'exportPlain'));
  await run(page, 'cleanUp');
  await context.close();
  await crm.close();

  const ratio = (ours: number, plain: number) => `${(ours / plain).toFixed(2)}x`;
  printTable(
    `Call notes in Chromium IndexedDB, ${NOTES.toLocaleString('en')} notes (ratio = ours / plain; ours also writes summary and search rows)`,
    ['measure', 'agent-assist', 'plain IndexedDB', 'ratio'],
    [
      ['bulk insert, total ms', insertOurs, insertPlain, ratio(insertOurs, insertPlain)],
      ['autosave write p95 ms', autosaveOurs, autosavePlain, ratio(autosaveOurs, autosavePlain)],
      [
        'page of 50 by agent and dates, p95 ms',
        queriesOurs.byAgent,
        queriesPlain.byAgent,
        ratio(queriesOurs.byAgent, queriesPlain.byAgent),
      ],
      [
        'page of 50 by case id, p95 ms',
        queriesOurs.byCase,
        queriesPlain.byCase,
        ratio(queriesOurs.byCase, queriesPlain.byCase),
      ],
      ['export all, peak heap growth MB', exportHeapOurs, exportHeapPlain, ratio(exportHeapOurs, exportHeapPlain)],
    ],
  );
  return [
    {
      name: 'notes: page of 50 by agent and dates at 100k (p95 ms)',
      actual: queriesOurs.byAgent,
      target: 30,
      kind: 'max',
    },
    { name: 'notes: page of 50 by case id at 100k (p95 ms)', actual: queriesOurs.byCase, target: 30, kind: 'max' },
    { name: 'notes: export of 100k, peak heap growth (MB)', actual: exportHeapOurs, target: 200, kind: 'max' },
  ];
}
