import type { KbEntry, KbLocale } from '../kb/kb-entry';
import { type CompiledLexicon, compileLexicon, DEFAULT_LEXICON, findConcepts } from './lexicon';
import { detectLanguage, normalizeText } from './normalize';
import { type TokenKind, tokenizeNormalized } from './tokenize';
import { createTypoCorrector, type TypoCorrector } from './typo';

export interface MatcherWeights {
  /** How much each kind of token counts, in queries and entries alike. */
  kind: Record<TokenKind | 'concept', number>;
  /** How much each field of an entry counts in the entry-level score. */
  field: { question: number; alternates: number; tags: number; answer: number };
  /** BM25 term-frequency saturation and length normalisation. */
  k1: number;
  b: number;
  /** Share of the best single phrasing (question or one alternate) in the final score. */
  phrasing: number;
  /** Score factor for an entry in the other language than the query. */
  otherLanguage: number;
  /** Score given to a query that holds all of one phrasing, however long the query. */
  coverage: number;
}

export const DEFAULT_WEIGHTS: MatcherWeights = {
  kind: { word: 1, pair: 0.3, bigram: 0.8, char: 0.15, concept: 1.2 },
  field: { question: 1.5, alternates: 1, tags: 1, answer: 0.25 },
  k1: 2,
  b: 0.6,
  phrasing: 0.8,
  otherLanguage: 0.6,
  coverage: 0.5,
};

/** Below this share of the query's weight matched, results are noise, not answers. */
export const NO_MATCH_THRESHOLD = 0.22;

interface QueryTerm {
  id: number;
  term: string;
  weight: number;
  surface: string;
}

/** Postings in compressed-row form: for term t, rows[start[t] .. start[t+1]) with their weights. */
interface Postings {
  start: Int32Array;
  rows: Int32Array;
  weights: Float32Array;
  idf: Float32Array;
}

export interface MatchIndex {
  entries: readonly KbEntry[];
  terms: Map<string, number>;
  /** Entry-level postings: all fields of an entry as one weighted document. */
  entryPostings: Postings;
  /** Phrasing-level postings: the question and each alternate as its own document. */
  phrasingPostings: Postings;
  phrasingEntry: Int32Array;
  /** Each phrasing's score against itself, to tell how much of it a query covers. */
  phrasingSelf: Float32Array;
  weights: MatcherWeights;
  lexicon: CompiledLexicon;
  typos: TypoCorrector;
}

export interface MatchResult {
  entry: KbEntry;
  /** Ranking score: the share of the query's weight this entry matched, 0..1. */
  score: number;
  /** How sure the match is, 0..1: the score, or how much of one phrasing a long query holds. */
  confidence: number;
  /** Query words and Chinese words found in the entry, for highlighting. */
  matchedTerms: string[];
  /** Lexicon concepts the query and the entry share. */
  concepts: string[];
}

export interface SearchOutcome {
  results: MatchResult[];
  /** True when nothing matched well enough to show as an answer. */
  noGoodMatch: boolean;
  language: KbLocale | null;
}

type TermCounts = Map<string, number>;

function countTerms(text: string, weights: MatcherWeights, lexicon: CompiledLexicon, into: TermCounts = new Map()) {
  const normalized = normalizeText(text);
  for (const token of tokenizeNormalized(normalized)) {
    into.set(token.term, (into.get(token.term) ?? 0) + weights.kind[token.kind]);
  }
  for (const concept of findConcepts(lexicon, normalized)) {
    const term = `#${concept}`;
    into.set(term, (into.get(term) ?? 0) + weights.kind.concept);
  }
  return into;
}

function length(counts: TermCounts): number {
  let total = 0;
  for (const value of counts.values()) total += value;
  return total;
}

class PostingsBuilder {
  private readonly lists: { row: number; weight: number; tf: number }[][] = [];
  add(term: number, row: number, weight: number, tf: number) {
    const list = this.lists[term];
    if (list) list.push({ row, weight, tf });
    else this.lists[term] = [{ row, weight, tf }];
  }

  /** What each document scores against itself as a query: the most a query can reach on it. */
  selfScores(postings: Postings, documentCount: number): Float32Array {
    const self = new Float32Array(documentCount);
    this.lists.forEach((list, term) => {
      for (const posting of list ?? []) self[posting.row]! += posting.tf * postings.idf[term]! * posting.weight;
    });
    return self;
  }
  build(termCount: number, documentCount: number): Postings {
    const start = new Int32Array(termCount + 1);
    let total = 0;
    for (let t = 0; t < termCount; t++) {
      start[t] = total;
      total += this.lists[t]?.length ?? 0;
    }
    start[termCount] = total;
    const rows = new Int32Array(total);
    const weights = new Float32Array(total);
    const idf = new Float32Array(termCount);
    for (let t = 0; t < termCount; t++) {
      const list = this.lists[t] ?? [];
      const rowsSeen = new Set<number>();
      list.forEach((posting, i) => {
        rows[start[t]! + i] = posting.row;
        weights[start[t]! + i] = posting.weight;
        rowsSeen.add(posting.row);
      });
      const df = rowsSeen.size;
      idf[t] = Math.log(1 + (documentCount - df + 0.5) / (df + 0.5));
    }
    return { start, rows, weights, idf };
  }
}

/** BM25 weight of a term in a document, with the term frequency already field-weighted. */
function saturate(tf: number, docLength: number, averageLength: number, { k1, b }: MatcherWeights): number {
  const normalized = tf / (1 - b + (b * docLength) / (averageLength || 1));
  return (normalized * (k1 + 1)) / (normalized + k1);
}

/** Builds the search index over a knowledge base. Pure: the same entries give the same index. */
export function buildIndex(
  entries: readonly KbEntry[],
  weights: MatcherWeights = DEFAULT_WEIGHTS,
  lexicon: CompiledLexicon = compileLexicon(DEFAULT_LEXICON),
): MatchIndex {
  const terms = new Map<string, number>();
  const termId = (term: string) => {
    let id = terms.get(term);
    if (id === undefined) {
      id = terms.size;
      terms.set(term, id);
    }
    return id;
  };
  const surfaceWords = new Map<string, number>();
  const fieldNames = ['question', 'alternates', 'tags', 'answer'] as const;
  const perEntry = entries.map((entry) => {
    for (const text of [entry.question, ...entry.alternates]) {
      for (const word of normalizeText(text).match(/[a-z]{3,}/g) ?? []) {
        surfaceWords.set(word, (surfaceWords.get(word) ?? 0) + 1);
      }
    }
    const fields = {
      question: countTerms(entry.question, weights, lexicon),
      alternates: entry.alternates.reduce<TermCounts>((acc, alt) => countTerms(alt, weights, lexicon, acc), new Map()),
      tags: countTerms(entry.tags.join(' '), weights, lexicon),
      answer: countTerms(entry.answer, weights, lexicon),
    };
    const phrasings = [entry.question, ...entry.alternates].map((text) => countTerms(text, weights, lexicon));
    return { fields, phrasings };
  });

  const averages = Object.fromEntries(
    fieldNames.map((name) => [
      name,
      perEntry.reduce((sum, doc) => sum + length(doc.fields[name]), 0) / Math.max(1, perEntry.length),
    ]),
  ) as Record<(typeof fieldNames)[number], number>;

  const entryBuilder = new PostingsBuilder();
  perEntry.forEach((doc, row) => {
    const combined = new Map<number, number>();
    for (const name of fieldNames) {
      const counts = doc.fields[name];
      const docLength = length(counts);
      for (const [term, tf] of counts) {
        const id = termId(term);
        const part = weights.field[name] * (tf / (1 - weights.b + (weights.b * docLength) / (averages[name] || 1)));
        combined.set(id, (combined.get(id) ?? 0) + part);
      }
    }
    for (const [id, tf] of combined) entryBuilder.add(id, row, (tf * (weights.k1 + 1)) / (tf + weights.k1), tf);
  });

  const phrasingBuilder = new PostingsBuilder();
  const phrasingEntry: number[] = [];
  let phrasingTotal = 0;
  let phrasingCount = 0;
  for (const doc of perEntry) {
    for (const counts of doc.phrasings) {
      phrasingTotal += length(counts);
      phrasingCount++;
    }
  }
  const phrasingAverage = phrasingTotal / Math.max(1, phrasingCount);
  perEntry.forEach((doc, entryRow) => {
    for (const counts of doc.phrasings) {
      const row = phrasingEntry.length;
      phrasingEntry.push(entryRow);
      const docLength = length(counts);
      for (const [term, tf] of counts)
        phrasingBuilder.add(termId(term), row, saturate(tf, docLength, phrasingAverage, weights), tf);
    }
  });

  const phrasingPostings = phrasingBuilder.build(terms.size, phrasingEntry.length);
  return {
    entries,
    terms,
    entryPostings: entryBuilder.build(terms.size, entries.length),
    phrasingPostings,
    phrasingSelf: phrasingBuilder.selfScores(phrasingPostings, phrasingEntry.length),
    phrasingEntry: Int32Array.from(phrasingEntry),
    weights,
    lexicon,
    typos: createTypoCorrector(surfaceWords),
  };
}

function queryTerms(index: MatchIndex, query: string): { terms: QueryTerm[]; unknownWeight: number } {
  const normalized = normalizeText(query);
  const corrected = index.typos.correct(normalized);
  const counts = countTerms(corrected, index.weights, index.lexicon);
  const surfaces = new Map(tokenizeNormalized(corrected).map((token) => [token.term, token.surface]));
  const terms: QueryTerm[] = [];
  let unknownWeight = 0;
  for (const [term, weight] of counts) {
    const id = index.terms.get(term);
    if (id === undefined) {
      // Words the KB never uses still count against the match: "weather" is not "transfer".
      if (!term.startsWith('#')) unknownWeight += weight * maxIdf(index);
      continue;
    }
    terms.push({ id, term, weight, surface: surfaces.get(term) ?? term });
  }
  return { terms, unknownWeight };
}

function maxIdf(index: MatchIndex): number {
  const n = index.entries.length;
  return Math.log(1 + (n - 1 + 0.5) / (1 + 0.5));
}

function accumulate(postings: Postings, terms: QueryTerm[], scores: Float32Array, touched: number[]): number {
  let selfScore = 0;
  for (const term of terms) {
    const idf = postings.idf[term.id]!;
    const weight = term.weight * idf;
    selfScore += weight;
    for (let p = postings.start[term.id]!; p < postings.start[term.id + 1]!; p++) {
      const row = postings.rows[p]!;
      if (scores[row] === 0) touched.push(row);
      scores[row]! += weight * postings.weights[p]!;
    }
  }
  return selfScore;
}

function hasTerm(postings: Postings, termId: number, row: number): boolean {
  let low = postings.start[termId]!;
  let high = postings.start[termId + 1]! - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const value = postings.rows[mid]!;
    if (value === row) return true;
    if (value < row) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}

/** Ranks the entries of an index for a query: best first, with a calibrated "no good match". */
export function search(
  index: MatchIndex,
  query: string,
  { limit = 5, language }: { limit?: number; language?: KbLocale | null } = {},
): SearchOutcome {
  const queryLanguage = language === undefined ? detectLanguage(query) : language;
  const { terms, unknownWeight } = queryTerms(index, query);
  const entryCount = index.entries.length;
  if (terms.length === 0 || entryCount === 0) return { results: [], noGoodMatch: true, language: queryLanguage };

  const entryScores = new Float32Array(entryCount);
  const touched: number[] = [];
  const entrySelf = accumulate(index.entryPostings, terms, entryScores, touched);

  const phrasingScores = new Float32Array(index.phrasingEntry.length);
  const touchedPhrasings: number[] = [];
  const phrasingSelf = accumulate(index.phrasingPostings, terms, phrasingScores, touchedPhrasings);
  const bestPhrasing = new Float32Array(entryCount);
  const bestCoverage = new Float32Array(entryCount);
  for (const row of touchedPhrasings) {
    const entryRow = index.phrasingEntry[row]!;
    if (phrasingScores[row]! > bestPhrasing[entryRow]!) bestPhrasing[entryRow] = phrasingScores[row]!;
    const coverage = Math.min(1, phrasingScores[row]! / (index.phrasingSelf[row]! || 1));
    if (coverage > bestCoverage[entryRow]!) bestCoverage[entryRow] = coverage;
  }

  const { k1, phrasing, otherLanguage, coverage } = index.weights;
  // A query term matched at full saturation adds its whole weight: scores become shares of the query.
  const fullMatch = (k1 + 1) / 1;
  const entryNorm = (entrySelf + unknownWeight) * fullMatch;
  const phrasingNorm = (phrasingSelf + unknownWeight) * fullMatch;
  const ranked = touched.map((row) => {
    let score = (entryScores[row]! / entryNorm + (phrasing * bestPhrasing[row]!) / phrasingNorm) / (1 + phrasing);
    if (queryLanguage && index.entries[row]!.locale !== queryLanguage) score *= otherLanguage;
    // A long case text matches little of itself but may hold a whole phrasing of an entry.
    const confidence = Math.max(score, coverage * bestCoverage[row]! ** 2);
    return { row, score, confidence };
  });
  ranked.sort((a, b) => b.score - a.score);

  const results = ranked.slice(0, limit).map(({ row, score, confidence }) => {
    const matched = terms.filter((term) => hasTerm(index.entryPostings, term.id, row));
    const concepts = matched.filter((t) => t.term.startsWith('#')).map((t) => t.term.slice(1));
    const words = matched.filter((t) => !t.term.startsWith('#') && !t.term.includes('_'));
    return {
      entry: index.entries[row]!,
      score,
      confidence,
      matchedTerms: [
        ...new Set([
          ...words.flatMap((t) => [t.term, t.surface]),
          ...concepts.flatMap((id) => index.lexicon.phrases.get(id) ?? []),
        ]),
      ],
      concepts,
    };
  });
  const noGoodMatch = (results[0]?.confidence ?? 0) < NO_MATCH_THRESHOLD;
  return { results, noGoodMatch, language: queryLanguage };
}
