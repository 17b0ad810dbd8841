import type { KbEntry } from '../kb/kb-entry';
import { rerankWithFeedback, type Vote } from './feedback-ranking';
import { type MatchIndex, type MatchResult, search } from './matcher';

export type SuggestionSource = 'case' | 'search' | 'selection' | 'note';

export interface Suggestion extends MatchResult {
  source: SuggestionSource;
}

export interface SuggestionQuery {
  source: SuggestionSource;
  text: string;
}

export interface Suggestions {
  suggestions: Suggestion[];
  /** Every query was searched and none matched well. */
  noGoodMatch: boolean;
  /** The query behind the first suggestion, for feedback. */
  leadingQuery: SuggestionQuery | null;
}

const CANDIDATES = 20;

/**
 * Suggestions from several queries at once (the case, the note): each entry keeps its best
 * score and says which query found it. Votes on similar queries move entries up or down.
 */
export function suggest(
  index: MatchIndex,
  queries: readonly SuggestionQuery[],
  votes: readonly Vote[] = [],
  limit = 5,
): Suggestions {
  const entryById = (() => {
    let byId: Map<string, KbEntry> | undefined;
    return (id: string) => {
      byId ??= new Map(index.entries.map((entry) => [entry.id, entry]));
      return byId.get(id);
    };
  })();
  const best = new Map<string, Suggestion>();
  let anyGoodMatch = false;
  let leadingQuery: SuggestionQuery | null = null;
  for (const query of queries) {
    if (!query.text.trim()) continue;
    const outcome = rerankWithFeedback(
      search(index, query.text, { limit: CANDIDATES }),
      query.text,
      votes,
      entryById,
      CANDIDATES,
    );
    if (outcome.noGoodMatch) continue;
    anyGoodMatch = true;
    for (const result of outcome.results) {
      const existing = best.get(result.entry.id);
      if (!existing || result.score > existing.score) best.set(result.entry.id, { ...result, source: query.source });
    }
  }
  const suggestions = [...best.values()].sort((a, b) => b.score - a.score).slice(0, limit);
  if (suggestions[0]) leadingQuery = queries.find((query) => query.source === suggestions[0]!.source) ?? null;
  const searched = queries.some((query) => query.text.trim());
  return { suggestions, noGoodMatch: searched && !anyGoodMatch, leadingQuery };
}

/** What to search for from a case: its subject, description and the customer's newest words. */
export function caseQueryText(context: {
  subject: string | null;
  description: string | null;
  latestMessage: string | null;
}): string {
  return [context.subject, context.description, context.latestMessage].filter(Boolean).join('\n');
}
