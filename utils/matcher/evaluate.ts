import type { EvalQuery } from '../kb/eval-queries';
import type { KbLocale } from '../kb/kb-entry';

export interface EvalScores {
  n: number;
  top1: number;
  top3: number;
  mrr: number;
  p50_ms: number;
  p95_ms: number;
}

export interface EvalReport extends EvalScores {
  byLocale: Partial<Record<KbLocale | 'unknown', EvalScores>>;
}

/** Ranked entry ids for a query text; the function under test. */
export type Ranker = (text: string) => string[];

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

interface Outcome {
  locale: KbLocale | 'unknown';
  rank: number | null;
  ms: number;
}

function summarize(outcomes: Outcome[]): EvalScores {
  const n = outcomes.length;
  const times = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  const share = (count: number) => (n === 0 ? 0 : count / n);
  return {
    n,
    top1: share(outcomes.filter((o) => o.rank === 1).length),
    top3: share(outcomes.filter((o) => o.rank !== null && o.rank <= 3).length),
    mrr: share(outcomes.reduce((sum, o) => sum + (o.rank ? 1 / o.rank : 0), 0)),
    p50_ms: percentile(times, 50),
    p95_ms: percentile(times, 95),
  };
}

/** Top-1, top-3, mean reciprocal rank and latency of a ranker over labelled queries, overall and per locale. */
export function evaluate(
  rank: Ranker,
  queries: readonly EvalQuery[],
  now: () => number = performance.now.bind(performance),
): EvalReport {
  const outcomes: Outcome[] = queries.map((query) => {
    const started = now();
    const ranked = rank(query.text);
    const ms = now() - started;
    const position = ranked.findIndex((id) => query.expected.includes(id));
    return { locale: query.locale ?? 'unknown', rank: position === -1 ? null : position + 1, ms };
  });
  const byLocale: EvalReport['byLocale'] = {};
  for (const locale of new Set(outcomes.map((o) => o.locale))) {
    byLocale[locale] = summarize(outcomes.filter((o) => o.locale === locale));
  }
  return { ...summarize(outcomes), byLocale };
}
