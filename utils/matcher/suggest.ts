import type { KbEntry, KbLocale } from '../kb/kb-entry';
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

/** Entries in two languages with the same tags and checklist are taken for translations of one topic. */
function topicOf(entry: KbEntry): string {
  return JSON.stringify([[...entry.tags].sort(), entry.checklist ?? null]);
}

/**
 * Leaves out an answer in another language than its query when an answer in the query's own
 * language on the same topic ranks above it: the agent would not use the translation.
 */
function withoutTranslations(ranked: readonly (Suggestion & { language: KbLocale | null })[]): Suggestion[] {
  const shown = new Set<string>();
  return ranked.flatMap(({ language, ...suggestion }) => {
    const topic = suggestion.entry.tags.length > 0 ? topicOf(suggestion.entry) : null;
    const translated = language !== null && suggestion.entry.locale !== language;
    if (topic && translated && shown.has(topic)) return [];
    if (topic && !translated) shown.add(topic);
    return [suggestion];
  });
}

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
  const best = new Map<string, Suggestion & { language: KbLocale | null }>();
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
      if (!existing || result.score > existing.score)
        best.set(result.entry.id, { ...result, source: query.source, language: outcome.language });
    }
  }
  const suggestions = withoutTranslations([...best.values()].sort((a, b) => b.score - a.score)).slice(0, limit);
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
