import type { KbEntry } from '../kb/kb-entry';
import type { MatchResult, SearchOutcome } from './matcher';
import { NO_MATCH_THRESHOLD } from './matcher';
import { tokenize } from './tokenize';

export interface Vote {
  query: string;
  entryId: string;
  helpful: boolean;
}

/** How far one vote from an identical query moves an entry's score. */
export const VOTE_WEIGHT = 0.2;
/** Queries less alike than this do not share votes. */
export const MIN_SIMILARITY = 0.5;

function termSet(text: string): Set<string> {
  return new Set(
    tokenize(text)
      .filter((token) => token.kind === 'word' || token.kind === 'bigram')
      .map((token) => token.term),
  );
}

/** Jaccard similarity of two queries' words (and Chinese bigrams). */
export function querySimilarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const term of a) if (b.has(term)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * Moves results by the votes agents gave on similar queries: helpful votes lift an entry
 * (and can bring one in that did not match), not-helpful votes push it down.
 */
export function rerankWithFeedback(
  outcome: SearchOutcome,
  query: string,
  votes: readonly Vote[],
  entryById: (id: string) => KbEntry | undefined,
  limit = 5,
): SearchOutcome {
  if (votes.length === 0) return { ...outcome, results: outcome.results.slice(0, limit) };
  const queryTerms = termSet(query);
  const shift = new Map<string, number>();
  for (const vote of votes) {
    const similarity = querySimilarity(queryTerms, termSet(vote.query));
    if (similarity < MIN_SIMILARITY) continue;
    shift.set(vote.entryId, (shift.get(vote.entryId) ?? 0) + (vote.helpful ? 1 : -1) * similarity * VOTE_WEIGHT);
  }
  if (shift.size === 0) return { ...outcome, results: outcome.results.slice(0, limit) };
  const byId = new Map<string, MatchResult>(outcome.results.map((result) => [result.entry.id, { ...result }]));
  for (const [id, delta] of shift) {
    const existing = byId.get(id);
    if (existing) {
      existing.score = Math.max(0, existing.score + delta);
      existing.confidence = Math.max(0, existing.confidence + delta);
    } else if (delta > 0) {
      const entry = entryById(id);
      if (entry) byId.set(id, { entry, score: delta, confidence: delta, matchedTerms: [], concepts: [] });
    }
  }
  const results = [...byId.values()].sort((a, b) => b.score - a.score).slice(0, limit);
  return { ...outcome, results, noGoodMatch: (results[0]?.confidence ?? 0) < NO_MATCH_THRESHOLD };
}
