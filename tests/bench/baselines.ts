import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import type { KbEntry } from '../../utils/kb/kb-entry';
import { tokenize } from '../../utils/matcher/tokenize';

/** Ranked entry ids for a query. */
export type Ranker = (text: string) => string[];

interface Doc {
  id: string;
  question: string;
  alternates: string;
  answer: string;
}

function docs(entries: readonly KbEntry[]): Doc[] {
  return entries.map((entry) => ({
    id: entry.id,
    question: entry.question,
    alternates: entry.alternates.join('\n'),
    answer: entry.answer,
  }));
}

/** Fuse.js with its defaults over question, alternates and answer. */
export function fuseRanker(entries: readonly KbEntry[]): Ranker {
  const fuse = new Fuse(
    entries.map((entry) => ({
      id: entry.id,
      question: entry.question,
      alternates: entry.alternates,
      answer: entry.answer,
    })),
    { keys: ['question', 'alternates', 'answer'] },
  );
  return (text) => fuse.search(text, { limit: 10 }).map((result) => result.item.id);
}

/** MiniSearch over the same fields, given this project's tokenizer (words, pairs, Chinese bigrams). */
export function miniSearchRanker(entries: readonly KbEntry[]): Ranker {
  const mini = new MiniSearch<Doc>({
    fields: ['question', 'alternates', 'answer'],
    storeFields: ['id'],
    tokenize: (text) => tokenize(text).map((token) => token.term),
    processTerm: (term) => term,
  });
  mini.addAll(docs(entries));
  return (text) =>
    mini
      .search(text)
      .slice(0, 10)
      .map((result) => String(result.id));
}
