import { describe, expect, it } from 'vitest';
import type { KbEntry } from '@/utils/kb/kb-entry';
import {
  MIN_SIMILARITY,
  querySimilarity,
  rerankWithFeedback,
  VOTE_WEIGHT,
  type Vote,
} from '@/utils/matcher/feedback-ranking';
import { type MatchResult, NO_MATCH_THRESHOLD, type SearchOutcome } from '@/utils/matcher/matcher';

const entry = (id: string): KbEntry => ({ id, locale: 'en', question: `${id}?`, alternates: [], answer: id, tags: [] });
const result = (id: string, score: number, confidence = score): MatchResult => ({
  entry: entry(id),
  score,
  confidence,
  matchedTerms: ['card'],
  concepts: [],
});
const outcome = (results: MatchResult[], noGoodMatch = false): SearchOutcome => ({
  results,
  noGoodMatch,
  language: 'en',
});
const known = new Map(['a', 'b', 'c', 'd', 'e'].map((id) => [id, entry(id)]));
const entryById = (id: string) => known.get(id);
const vote = (query: string, entryId: string, helpful: boolean): Vote => ({ query, entryId, helpful });
const scores = (ranked: SearchOutcome) => ranked.results.map((r) => [r.entry.id, r.score, r.confidence]);

describe('querySimilarity', () => {
  it.each<[string, string[], string[], number]>([
    ['the same terms', ['card', 'block'], ['block', 'card'], 1],
    ['one term shared of three', ['card', 'block'], ['card', 'lost'], 1 / 3],
    ['two shared of three', ['card', 'block'], ['card', 'block', 'abroad'], 2 / 3],
    ['no term shared', ['card'], ['refund'], 0],
    ['an empty query', [], ['card'], 0],
    ['two empty queries', [], [], 0],
  ])('%s', (_name, a, b, expected) => {
    expect(querySimilarity(new Set(a), new Set(b))).toBeCloseTo(expected, 12);
  });
});

describe('rerankWithFeedback', () => {
  const base = outcome([result('a', 0.5), result('b', 0.4, 0.45), result('c', 0.3)]);

  it('moves entries by the votes on similar queries, worked by hand', () => {
    // "card blocked" has the terms card, block; "card blocked abroad" adds abroad (2/3 alike);
    // "card stolen abroad" shares only card (1/4), too little to count.
    const ranked = rerankWithFeedback(
      base,
      'card blocked',
      [
        vote('card blocked', 'b', true), // +0.2
        vote('card blocked abroad', 'a', false), // -0.2 * 2/3
        vote('card stolen abroad', 'c', false), // ignored
        vote('card blocked', 'd', true), // +0.2, brought in
        vote('card blocked', 'e', false), // not in the results: nothing to push down
        vote('card blocked', 'gone', true), // no longer in the KB
      ],
      entryById,
    );
    expect(ranked.results.map((r) => r.entry.id)).toEqual(['b', 'a', 'c', 'd']);
    const [b, a, c, d] = ranked.results;
    expect(b!.score).toBeCloseTo(0.6, 12);
    expect(b!.confidence).toBeCloseTo(0.65, 12);
    expect(a!.score).toBeCloseTo(0.5 - 0.4 / 3, 12);
    expect(c!.score).toBe(0.3);
    expect(d).toEqual({
      entry: entry('d'),
      score: VOTE_WEIGHT,
      confidence: VOTE_WEIGHT,
      matchedTerms: [],
      concepts: [],
    });
    expect(ranked.noGoodMatch).toBe(false);
    expect(ranked.language).toBe('en');
  });

  it('sums the votes for one entry', () => {
    const ranked = rerankWithFeedback(
      base,
      'card blocked',
      [vote('card blocked', 'c', true), vote('card blocked', 'c', true)],
      entryById,
    );
    expect(ranked.results[0]!.entry.id).toBe('c');
    expect(ranked.results[0]!.score).toBeCloseTo(0.3 + 2 * VOTE_WEIGHT, 12);
  });

  it('lets a helpful and a not-helpful vote on the same query cancel out', () => {
    const ranked = rerankWithFeedback(
      base,
      'card blocked',
      [vote('card blocked', 'a', true), vote('card blocked', 'a', false)],
      entryById,
    );
    expect(scores(ranked)).toEqual([
      ['a', 0.5, 0.5],
      ['b', 0.4, 0.45],
      ['c', 0.3, 0.3],
    ]);
  });

  it(`counts a vote on a query exactly ${MIN_SIMILARITY} alike, not one less alike`, () => {
    // card, block against card, block, abroad, todai: 2 of 4; with onlin too, 2 of 5.
    const atLimit = rerankWithFeedback(base, 'card blocked', [vote('card blocked abroad today', 'c', true)], entryById);
    expect(atLimit.results.find((r) => r.entry.id === 'c')!.score).toBeCloseTo(0.3 + MIN_SIMILARITY * VOTE_WEIGHT, 12);
    const below = rerankWithFeedback(
      base,
      'card blocked',
      [vote('card blocked abroad today online', 'c', true)],
      entryById,
    );
    expect(scores(below)).toEqual(scores(base));
  });

  it('shares votes between Chinese queries by their character pairs', () => {
    // 转账 账失 失败 against 转账 账失 失败 败了: 3 of 4 alike.
    const ranked = rerankWithFeedback(base, '转账失败', [vote('转账失败了', 'c', true)], entryById);
    expect(ranked.results.find((r) => r.entry.id === 'c')!.score).toBeCloseTo(0.3 + 0.75 * VOTE_WEIGHT, 12);
  });

  it('never lets a score or confidence go below zero', () => {
    const ranked = rerankWithFeedback(
      outcome([result('a', 0.1), result('b', 0.05)]),
      'card blocked',
      [vote('card blocked', 'a', false), vote('card blocked', 'a', false)],
      entryById,
    );
    expect(scores(ranked)).toEqual([
      ['b', 0.05, 0.05],
      ['a', 0, 0],
    ]);
  });

  it('says there is no good match when votes push the best answer below the threshold', () => {
    const weak = outcome([result('a', 0.3, NO_MATCH_THRESHOLD + 0.1)]);
    const ranked = rerankWithFeedback(weak, 'card blocked', [vote('card blocked', 'a', false)], entryById);
    expect(ranked.results[0]!.confidence).toBeCloseTo(NO_MATCH_THRESHOLD - 0.1, 12);
    expect(ranked.noGoodMatch).toBe(true);
  });

  it('finds a good match again when a helpful vote brings one in', () => {
    const nothing = outcome([], true);
    const ranked = rerankWithFeedback(
      nothing,
      'card blocked',
      [vote('card blocked', 'd', true), vote('card blocked', 'd', true)],
      entryById,
    );
    expect(ranked.results.map((r) => r.entry.id)).toEqual(['d']);
    expect(ranked.results[0]!.confidence).toBeCloseTo(2 * VOTE_WEIGHT, 12);
    expect(ranked.noGoodMatch).toBe(false);
  });

  it('keeps at most `limit` results', () => {
    const ranked = rerankWithFeedback(base, 'card blocked', [vote('card blocked', 'd', true)], entryById, 2);
    expect(ranked.results.map((r) => r.entry.id)).toEqual(['a', 'b']);
  });

  it.each<[string, Vote[]]>([
    ['no votes', []],
    ['only votes on queries unlike this one', [vote('refund delayed', 'c', true), vote('转账失败', 'a', false)]],
  ])('with %s, leaves the outcome as it was, cut to the limit', (_name, votes) => {
    const unsure = outcome([result('a', 0.5), result('b', 0.4), result('c', 0.3)], true);
    expect(rerankWithFeedback(unsure, 'card blocked', votes, entryById, 2)).toEqual({
      ...unsure,
      results: unsure.results.slice(0, 2),
    });
  });

  it('does not change the outcome it was given', () => {
    const before = structuredClone(base);
    rerankWithFeedback(base, 'card blocked', [vote('card blocked', 'a', false)], entryById);
    expect(base).toEqual(before);
  });
});
