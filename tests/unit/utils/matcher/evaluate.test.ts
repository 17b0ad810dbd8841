import { describe, expect, it, vi } from 'vitest';
import type { EvalQuery } from '@/utils/kb/eval-queries';
import { evaluate, percentile } from '@/utils/matcher/evaluate';

describe('percentile', () => {
  it.each<[string, number[], number, number]>([
    ['nothing', [], 50, 0],
    ['one value', [5], 50, 5],
    ['the median of ten, the lower middle value', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50, 5],
    ['the 95th of ten, the largest', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95, 10],
    ['the 90th of ten, the ninth value', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90, 9],
    ['the 0th, the smallest', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0, 1],
    ['the 100th, the largest', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 100, 10],
    ['the 75th of four', [10, 20, 30, 40], 75, 30],
    ['the 95th of four', [10, 20, 30, 40], 95, 40],
  ])('%s', (_name, sorted, p, expected) => {
    expect(percentile(sorted, p)).toBe(expected);
  });
});

describe('evaluate', () => {
  /**
   * Worked by hand, five queries:
   * q1 en      x first            -> rank 1, 2 ms
   * q2 en      y second           -> rank 2, 4 ms
   * q3 zh-CN   w (or z) third     -> rank 3, 1 ms
   * q4 zh-CN   m not found        -> no rank, 8 ms
   * q5 (none)  x fourth           -> rank 4, 16 ms
   * all:     top1 1/5, top3 3/5, MRR (1 + 1/2 + 1/3 + 0 + 1/4) / 5 = 25/60, times 1 2 4 8 16: p50 4, p95 16.
   * en:      top1 1/2, top3 2/2, MRR (1 + 1/2) / 2 = 3/4, p50 2, p95 4.
   * zh-CN:   top1 0, top3 1/2, MRR (1/3) / 2 = 1/6, p50 1, p95 8.
   * unknown: top1 0, top3 0, MRR 1/4, p50 and p95 16.
   */
  const queries: EvalQuery[] = [
    { text: 'q1', expected: ['x'], locale: 'en' },
    { text: 'q2', expected: ['y'], locale: 'en' },
    { text: 'q3', expected: ['z', 'w'], locale: 'zh-CN' },
    { text: 'q4', expected: ['m'], locale: 'zh-CN' },
    { text: 'q5', expected: ['x'] },
  ];
  const rankings: Record<string, string[]> = {
    q1: ['x', 'y'],
    q2: ['x', 'y', 'z'],
    q3: ['q', 'r', 'w', 'z'],
    q4: ['x'],
    q5: ['p', 'q', 'r', 'x'],
  };
  const durations: Record<string, number> = { q1: 2, q2: 4, q3: 1, q4: 8, q5: 16 };

  /** A clock that moves by each query's duration while the ranker runs. */
  function run() {
    let clock = 1_000;
    const rank = vi.fn((text: string) => {
      clock += durations[text]!;
      return rankings[text]!;
    });
    return { report: evaluate(rank, queries, () => clock), rank };
  }

  it('scores every query overall', () => {
    const { report } = run();
    expect(report).toMatchObject({ n: 5, top1: 0.2, top3: 0.6, p50_ms: 4, p95_ms: 16 });
    expect(report.mrr).toBeCloseTo(25 / 60, 12);
  });

  it('scores each locale apart, queries without one as "unknown"', () => {
    const { byLocale } = run().report;
    expect(Object.keys(byLocale).sort()).toEqual(['en', 'unknown', 'zh-CN']);
    expect(byLocale.en).toEqual({ n: 2, top1: 0.5, top3: 1, mrr: 0.75, p50_ms: 2, p95_ms: 4 });
    expect(byLocale['zh-CN']).toMatchObject({ n: 2, top1: 0, top3: 0.5, p50_ms: 1, p95_ms: 8 });
    expect(byLocale['zh-CN']?.mrr).toBeCloseTo(1 / 6, 12);
    expect(byLocale.unknown).toEqual({ n: 1, top1: 0, top3: 0, mrr: 0.25, p50_ms: 16, p95_ms: 16 });
  });

  it('asks the ranker once per query, with its text, in order', () => {
    const { rank } = run();
    expect(rank.mock.calls.map(([text]) => text)).toEqual(['q1', 'q2', 'q3', 'q4', 'q5']);
  });

  it('counts the first acceptable id in the ranking, whichever of the expected ids it is', () => {
    const report = evaluate(
      () => ['b', 'a', 'b'],
      [{ text: 't', expected: ['a', 'b'], locale: 'en' }],
      () => 0,
    );
    expect(report).toMatchObject({ top1: 1, top3: 1, mrr: 1 });
  });

  it('gives zeros and no locales for no queries', () => {
    expect(
      evaluate(
        () => [],
        [],
        () => 0,
      ),
    ).toEqual({
      n: 0,
      top1: 0,
      top3: 0,
      mrr: 0,
      p50_ms: 0,
      p95_ms: 0,
      byLocale: {},
    });
  });

  it('times with the performance clock by default', () => {
    const report = evaluate(() => ['a'], [{ text: 't', expected: ['a'] }]);
    expect(report.p50_ms).toBeGreaterThanOrEqual(0);
    expect(report.top1).toBe(1);
  });
});
