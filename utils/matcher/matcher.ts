import type { KbEntry, KbLocale } from '../kb/kb-entry';
import { kthLargest } from '../kth-largest';
import { IntPairMap } from './int-pair-map';
import { type CompiledLexicon, compileLexicon, DEFAULT_LEXICON, findConcepts } from './lexicon';
import { detectLanguage, isHan, normalizeText } from './normalize';
import { scanTokens, segmentAhead, type TokenizeOptions, type TokenKind } from './tokenize';
import { createTypoCorrector, type TypoCorrector } from './typo';

type WeightedKind = 'word' | 'pair' | 'bigram' | 'char' | 'concept';

export interface MatcherWeights {
  /** How much each kind of token counts, in queries and entries alike. */
  kind: Record<WeightedKind, number>;
  /** How much each field of an entry counts in the entry-level score. */
  field: { question: number; alternates: number; tags: number; answer: number };
  /** BM25 term-frequency saturation and length normalisation. */
  k1: number;
  b: number;
  /** Share of the best single phrasing (question or one alternate) in the final score. */
  phrasing: number;
  /** Score factor for an entry in the other language than the query. */
  otherLanguage: number;
  /** Confidence given to a query that holds all of one phrasing, however long the query. */
  coverage: number;
  /** Confidence added per specific lexicon concept the query and the entry share (up to two). */
  conceptEvidence: number;
}

export const DEFAULT_WEIGHTS: MatcherWeights = {
  kind: { word: 1, pair: 0.3, bigram: 0.8, char: 0.15, concept: 1.2 },
  field: { question: 1.5, alternates: 1, tags: 1, answer: 0.25 },
  k1: 2,
  b: 0.6,
  phrasing: 0.8,
  otherLanguage: 0.6,
  coverage: 0.5,
  conceptEvidence: 0.12,
};

/** Below this confidence, results are noise, not answers. */
export const NO_MATCH_THRESHOLD = 0.18;

/** Entries scored exactly after the first, cheaper pass over the rarer query terms. */
const CANDIDATES = 200;
/** Terms in more than this share of entries are left out of the first pass (they still score). */
const COMMON_TERM_SHARE = 0.2;
/** How many of the query's most informative terms choose the candidates. */
const SELECTIVE_TERMS = 8;

/** Short texts are segmented into words; answers use bigrams only, which keeps building fast. */
const PHRASING_TOKENS: TokenizeOptions = { chineseWords: true, chineseChars: true };
const ANSWER_TOKENS: TokenizeOptions = { chineseWords: false, chineseChars: false };

interface QueryTerm {
  id: number;
  term: string;
  weight: number;
  surface: string;
}

/** Rows of (term id, weight) per document, in compressed-row form. */
interface ForwardIndex {
  start: Int32Array;
  terms: Int32Array;
  weights: Float32Array;
}

/** Documents per term, in compressed-row form, with the term's inverse document frequency. */
interface Postings {
  start: Int32Array;
  rows: Int32Array;
  weights: Float32Array;
  idf: Float32Array;
}

export interface MatchIndex {
  entries: readonly KbEntry[];
  /** Term ids of words and concepts by string. */
  terms: Map<string, number>;
  /** Term ids of Chinese characters and bigrams by UTF-16 codes (-1 as the second of a character). */
  hanTerms: IntPairMap;
  /** Term ids of word pairs by the ids of their two words. */
  pairTerms: IntPairMap;
  /** Every field of an entry as one weighted document (BM25F). */
  entryForward: ForwardIndex;
  entryPostings: Postings;
  /** The question and each alternate as its own document. */
  phrasingForward: ForwardIndex;
  phrasingIdf: Float32Array;
  /** Phrasings of entry e are rows phrasingStart[e] .. phrasingStart[e + 1]. */
  phrasingStart: Int32Array;
  /** Each phrasing's score against itself: how much a query can cover of it. */
  phrasingSelf: Float32Array;
  weights: MatcherWeights;
  lexicon: CompiledLexicon;
  typos: TypoCorrector;
  /** Buffers reused by every query, zeroed again after use. */
  scratch: {
    entryWeights: Float32Array;
    phrasingWeights: Float32Array;
    partial: Float32Array;
    rows: Int32Array;
    scores: Float32Array;
  };
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

/** Sums of weights per term id for the text being counted, without a Map per text. */
class TermAccumulator {
  values = new Float64Array(1024);
  readonly touched: number[] = [];

  add(id: number, weight: number): void {
    if (id >= this.values.length) {
      const values = new Float64Array(Math.max(this.values.length * 2, id + 1));
      values.set(this.values);
      this.values = values;
    }
    if (this.values[id] === 0) this.touched.push(id);
    this.values[id]! += weight;
  }
}

/** Rows of (term id, value) appended to typed arrays that grow as needed. */
class RowBuilder {
  terms = new Int32Array(4096);
  values = new Float32Array(4096);
  size = 0;
  readonly starts: number[] = [0];

  private reserve(extra: number): void {
    if (this.size + extra <= this.terms.length) return;
    const capacity = Math.max(this.terms.length * 2, this.size + extra);
    const terms = new Int32Array(capacity);
    terms.set(this.terms.subarray(0, this.size));
    const values = new Float32Array(capacity);
    values.set(this.values.subarray(0, this.size));
    this.terms = terms;
    this.values = values;
  }

  /** Appends the accumulated terms as one row, mapped through `value`, empties the accumulator and returns the row's sum. */
  addRow(from: TermAccumulator, value: (sum: number) => number = (sum) => sum): number {
    const { touched, values } = from;
    this.reserve(touched.length);
    let total = 0;
    for (const term of touched) {
      const v = value(values[term]!);
      this.terms[this.size] = term;
      this.values[this.size] = v;
      this.size++;
      total += v;
      values[term] = 0;
    }
    touched.length = 0;
    this.starts.push(this.size);
    return total;
  }

  /** Appends a copy of row `row` of another builder. */
  copyRow(other: RowBuilder, row: number): void {
    const from = other.starts[row]!;
    const to = other.starts[row + 1]!;
    this.reserve(to - from);
    this.terms.set(other.terms.subarray(from, to), this.size);
    this.values.set(other.values.subarray(from, to), this.size);
    this.size += to - from;
    this.starts.push(this.size);
  }

  /** Adds row `row`, each value times `factor`, into an accumulator. */
  accumulate(row: number, factor: number, into: TermAccumulator): void {
    for (let i = this.starts[row]!; i < this.starts[row + 1]!; i++) into.add(this.terms[i]!, this.values[i]! * factor);
  }

  build(): ForwardIndex {
    return {
      start: Int32Array.from(this.starts),
      terms: this.terms.slice(0, this.size),
      weights: this.values.slice(0, this.size),
    };
  }
}

function documentFrequencies(forward: ForwardIndex, termCount: number): Int32Array {
  const df = new Int32Array(termCount);
  for (let i = 0; i < forward.terms.length; i++) df[forward.terms[i]!]!++;
  return df;
}

function idfOf(df: Int32Array, documentCount: number): Float32Array {
  return Float32Array.from(df, (count) => Math.log(1 + (documentCount - count + 0.5) / (count + 0.5)));
}

/** Inverts a forward index: rows stay in ascending order within each term. */
function invert(forward: ForwardIndex, df: Int32Array, idf: Float32Array): Postings {
  const start = new Int32Array(df.length + 1);
  for (let t = 0; t < df.length; t++) start[t + 1] = start[t]! + df[t]!;
  const fill = start.slice(0, df.length);
  const rows = new Int32Array(forward.terms.length);
  const weights = new Float32Array(forward.terms.length);
  for (let row = 0; row + 1 < forward.start.length; row++) {
    for (let i = forward.start[row]!; i < forward.start[row + 1]!; i++) {
      const at = fill[forward.terms[i]!]!++;
      rows[at] = row;
      weights[at] = forward.weights[i]!;
    }
  }
  return { start, rows, weights, idf };
}

/** BM25 weight of a term whose (field-weighted) frequency is already length-normalised. */
function saturate(tf: number, k1: number): number {
  return (tf * (k1 + 1)) / (tf + k1);
}

const FIELDS = ['question', 'alternates', 'tags', 'answer'] as const;

/** Builds the search index over a knowledge base. Pure: the same entries give the same index. */
export function buildIndex(
  entries: readonly KbEntry[],
  weights: MatcherWeights = DEFAULT_WEIGHTS,
  lexicon: CompiledLexicon = compileLexicon(DEFAULT_LEXICON),
): MatchIndex {
  const terms = new Map<string, number>();
  const hanTerms = new IntPairMap(1 << 16);
  const pairTerms = new IntPairMap(1 << 14);
  let termCount = 0;
  const nextId = () => termCount++;
  const termId = (term: string) => {
    let id = terms.get(term);
    if (id === undefined) {
      id = nextId();
      terms.set(term, id);
    }
    return id;
  };
  const counts = new TermAccumulator();
  const { char: charWeight, bigram: bigramWeight, pair: pairWeight } = weights.kind;
  /** Adds the weighted tokens (and concepts, when asked) of a normalised text to `counts`: one map lookup per token. */
  const count = (normalized: string, options: TokenizeOptions, withConcepts: boolean) => {
    const latinStems: string[] = [];
    scanTokens(
      normalized,
      options,
      (term, kind) => {
        counts.add(termId(term), weights.kind[kind]);
        if (kind === 'word' && term.charCodeAt(0) < 0x2e80) latinStems.push(term);
      },
      {
        han: (first, second) =>
          counts.add(hanTerms.getOrAdd(first, second, nextId), second === -1 ? charWeight : bigramWeight),
        pair: (first, second) => counts.add(pairTerms.getOrAdd(termId(first), termId(second), nextId), pairWeight),
      },
    );
    if (!withConcepts) return;
    for (const concept of findConcepts(lexicon, normalized, latinStems))
      counts.add(termId(`#${concept}`), weights.kind.concept);
  };
  const surfaceWords = new Map<string, number>();
  const fieldRows = FIELDS.map(() => new RowBuilder());
  const [questionRows, alternateRows, tagRows, answerRows] = fieldRows as [
    RowBuilder,
    RowBuilder,
    RowBuilder,
    RowBuilder,
  ];
  const fieldLengths = FIELDS.map(() => new Float32Array(entries.length));
  const phrasingRows = new RowBuilder();
  const phrasingLengths: number[] = [];
  const phrasingStart = new Int32Array(entries.length + 1);
  const alternates = new TermAccumulator();

  entries.forEach((entry, row) => {
    const phrasings = [entry.question, ...entry.alternates].map(normalizeText);
    segmentAhead(phrasings);
    phrasings.forEach((normalized, i) => {
      for (const word of normalized.match(/[a-z]{3,}/g) ?? [])
        surfaceWords.set(word, (surfaceWords.get(word) ?? 0) + 1);
      count(normalized, PHRASING_TOKENS, true);
      const phrasing = phrasingLengths.length;
      phrasingLengths.push(phrasingRows.addRow(counts));
      if (i === 0) {
        questionRows.copyRow(phrasingRows, phrasing);
        fieldLengths[0]![row] = phrasingLengths[phrasing]!;
      } else phrasingRows.accumulate(phrasing, 1, alternates);
    });
    phrasingStart[row + 1] = phrasingLengths.length;
    fieldLengths[1]![row] = alternateRows.addRow(alternates);
    count(normalizeText(entry.tags.join(', ')), PHRASING_TOKENS, true);
    fieldLengths[2]![row] = tagRows.addRow(counts);
    // Concepts say what an entry is about, which its phrasings and tags tell; an answer names many
    // in passing ("call support", "the code"), which only blurs the match (and costs a tenth of the build).
    count(normalizeText(entry.answer), ANSWER_TOKENS, false);
    fieldLengths[3]![row] = answerRows.addRow(counts);
  });

  const { k1, b } = weights;
  const lengthNorm = (length: number, average: number) => 1 - b + (b * length) / (average || 1);
  const averages = fieldLengths.map((lengths) => lengths.reduce((sum, x) => sum + x, 0) / Math.max(1, entries.length));

  // BM25F: each field's frequencies, length-normalised and weighted, summed per term, then saturated.
  const entryRows = new RowBuilder();
  const saturated = (tf: number) => saturate(tf, k1);
  for (let e = 0; e < entries.length; e++) {
    FIELDS.forEach((name, f) => {
      const factor = weights.field[name] / lengthNorm(fieldLengths[f]![e]!, averages[f]!);
      fieldRows[f]!.accumulate(e, factor, counts);
    });
    entryRows.addRow(counts, saturated);
  }
  const entryForward = entryRows.build();

  const phrasingTf = phrasingRows.build();
  const phrasingIdf = idfOf(documentFrequencies(phrasingTf, termCount), phrasingLengths.length);
  const phrasingAverage = phrasingLengths.reduce((sum, x) => sum + x, 0) / Math.max(1, phrasingLengths.length);
  const phrasingWeights = new Float32Array(phrasingTf.weights.length);
  const phrasingSelf = new Float32Array(phrasingLengths.length);
  for (let p = 0; p < phrasingLengths.length; p++) {
    for (let i = phrasingTf.start[p]!; i < phrasingTf.start[p + 1]!; i++) {
      const tf = phrasingTf.weights[i]!;
      phrasingWeights[i] = saturate(tf / lengthNorm(phrasingLengths[p]!, phrasingAverage), k1);
      phrasingSelf[p]! += tf * phrasingIdf[phrasingTf.terms[i]!]! * phrasingWeights[i]!;
    }
  }

  const entryDf = documentFrequencies(entryForward, termCount);
  return {
    entries,
    terms,
    hanTerms,
    pairTerms,
    entryForward,
    entryPostings: invert(entryForward, entryDf, idfOf(entryDf, entries.length)),
    phrasingForward: { ...phrasingTf, weights: phrasingWeights },
    phrasingIdf,
    phrasingStart,
    phrasingSelf,
    weights,
    lexicon,
    typos: createTypoCorrector(surfaceWords),
    scratch: {
      entryWeights: new Float32Array(termCount),
      phrasingWeights: new Float32Array(termCount),
      partial: new Float32Array(entries.length),
      rows: new Int32Array(entries.length),
      scores: new Float32Array(entries.length),
    },
  };
}

function termIdOf(index: MatchIndex, term: string, kind: TokenKind): number | undefined {
  let id: number | undefined;
  if (kind === 'word') id = index.terms.get(term);
  else if (kind === 'pair') {
    const [first = '', second = ''] = term.split('_');
    const firstId = index.terms.get(first);
    const secondId = index.terms.get(second);
    id = firstId === undefined || secondId === undefined ? -1 : index.pairTerms.get(firstId, secondId);
  } else id = index.hanTerms.get(term.charCodeAt(0), term.length === 1 ? -1 : term.charCodeAt(1));
  return id === -1 ? undefined : id;
}

function queryTerms(index: MatchIndex, query: string): { terms: QueryTerm[]; unknownWeight: number } {
  const corrected = index.typos.correct(normalizeText(query));
  const counts = new Map<string, { id: number | undefined; weight: number; surface: string }>();
  const add = (term: string, id: number | undefined, weight: number, surface: string) => {
    const counted = counts.get(term);
    if (counted) {
      counted.weight += weight;
      counted.surface = surface;
    } else counts.set(term, { id, weight, surface });
  };
  const latinStems: string[] = [];
  scanTokens(corrected, PHRASING_TOKENS, (term, kind, surface) => {
    add(term, termIdOf(index, term, kind), index.weights.kind[kind], surface);
    if (kind === 'word' && !isHan(term[0]!)) latinStems.push(term);
  });
  for (const concept of findConcepts(index.lexicon, corrected, latinStems)) {
    const term = `#${concept}`;
    add(term, index.terms.get(term), index.weights.kind.concept, term);
  }
  const terms: QueryTerm[] = [];
  let unknownWeight = 0;
  const rarest = Math.log(1 + (index.entries.length - 0.5) / 1.5);
  for (const [term, { id, weight, surface }] of counts) {
    if (id === undefined) {
      // Words the KB never uses still count against the match: "weather" is not "transfer".
      if (!term.startsWith('#')) unknownWeight += weight * rarest;
      continue;
    }
    terms.push({ id, term, weight, surface });
  }
  return { terms, unknownWeight };
}

/** Sum of weight x score of each query term present in one row of a forward index. */
function scoreRow(forward: ForwardIndex, row: number, queryWeights: Float32Array): number {
  let score = 0;
  for (let i = forward.start[row]!; i < forward.start[row + 1]!; i++)
    score += queryWeights[forward.terms[i]!]! * forward.weights[i]!;
  return score;
}

/**
 * First pass: entries that share the query's most informative terms, best partial score
 * first. Terms common to many entries and single characters are left to the exact pass.
 */
function candidateRows(index: MatchIndex, terms: readonly QueryTerm[], entryWeights: Float32Array): number[] {
  const { entryPostings: postings, entries, scratch } = index;
  const maxDf = Math.max(CANDIDATES, entries.length * COMMON_TERM_SHARE);
  const df = (term: QueryTerm) => postings.start[term.id + 1]! - postings.start[term.id]!;
  let selective = terms.filter((term) => df(term) <= maxDf && term.term.length > 1);
  if (selective.length === 0) selective = [...terms];
  selective = selective.sort((x, y) => entryWeights[y.id]! - entryWeights[x.id]!).slice(0, SELECTIVE_TERMS);
  const { partial, rows } = scratch;
  let count = 0;
  for (const term of selective) {
    const weight = entryWeights[term.id]!;
    for (let p = postings.start[term.id]!; p < postings.start[term.id + 1]!; p++) {
      const row = postings.rows[p]!;
      if (partial[row] === 0) rows[count++] = row;
      partial[row]! += weight * postings.weights[p]!;
    }
  }
  let kept = Array.from(rows.subarray(0, count));
  if (count > CANDIDATES) {
    const scores = scratch.scores.subarray(0, count);
    for (let i = 0; i < count; i++) scores[i] = partial[rows[i]!]!;
    const cutoff = kthLargest(scores, CANDIDATES);
    kept = kept.filter((row) => partial[row]! >= cutoff);
  }
  for (let i = 0; i < count; i++) partial[rows[i]!] = 0;
  return kept;
}

/** Ranks the entries of an index for a query: best first, with a calibrated "no good match". */
export function search(
  index: MatchIndex,
  query: string,
  { limit = 5, language }: { limit?: number; language?: KbLocale | null } = {},
): SearchOutcome {
  const queryLanguage = language === undefined ? detectLanguage(query) : language;
  const { terms, unknownWeight } = queryTerms(index, query);
  if (terms.length === 0 || index.entries.length === 0)
    return { results: [], noGoodMatch: true, language: queryLanguage };

  const { entryWeights, phrasingWeights } = index.scratch;
  let entrySelf = 0;
  let phrasingSelf = 0;
  for (const term of terms) {
    entryWeights[term.id] = term.weight * index.entryPostings.idf[term.id]!;
    phrasingWeights[term.id] = term.weight * index.phrasingIdf[term.id]!;
    entrySelf += entryWeights[term.id]!;
    phrasingSelf += phrasingWeights[term.id]!;
  }
  const { k1, phrasing, otherLanguage, coverage } = index.weights;
  // A term matched at full saturation adds its whole weight: scores become shares of the query.
  const entryNorm = (entrySelf + unknownWeight) * (k1 + 1);
  const phrasingNorm = (phrasingSelf + unknownWeight) * (k1 + 1);

  const ranked = candidateRows(index, terms, entryWeights).map((row) => {
    let bestPhrasing = 0;
    let bestCoverage = 0;
    for (let p = index.phrasingStart[row]!; p < index.phrasingStart[row + 1]!; p++) {
      const score = scoreRow(index.phrasingForward, p, phrasingWeights);
      bestPhrasing = Math.max(bestPhrasing, score);
      bestCoverage = Math.max(bestCoverage, Math.min(1, score / (index.phrasingSelf[p]! || 1)));
    }
    const entryScore = scoreRow(index.entryForward, row, entryWeights);
    let score = (entryScore / entryNorm + (phrasing * bestPhrasing) / phrasingNorm) / (1 + phrasing);
    if (queryLanguage && index.entries[row]!.locale !== queryLanguage) score *= otherLanguage;
    // A long case text matches little of itself but may hold a whole phrasing of an entry.
    const confidence = Math.max(score, coverage * bestCoverage ** 2);
    return { row, score, confidence };
  });
  ranked.sort((a, b) => b.score - a.score);

  const rarest = Math.log(1 + (index.entries.length - 0.5) / 1.5);
  const { entryForward } = index;
  const results = ranked.slice(0, limit).map(({ row, score, confidence }) => {
    // Query terms are the ones with a weight: the entry's own terms need no set of their own.
    const shared = new Set<number>();
    for (let i = entryForward.start[row]!; i < entryForward.start[row + 1]!; i++)
      if (entryWeights[entryForward.terms[i]!] !== 0) shared.add(entryForward.terms[i]!);
    const matched = terms.filter((term) => shared.has(term.id));
    const conceptTerms = matched.filter((t) => t.term.startsWith('#'));
    const concepts = conceptTerms.map((t) => t.term.slice(1));
    // Sharing a specific concept (rare across entries) is strong evidence of a real match.
    const evidence = Math.min(
      2,
      conceptTerms.reduce((sum, t) => sum + index.entryPostings.idf[t.id]! / rarest, 0),
    );
    // Single Chinese characters help ranking but would speckle the text if highlighted.
    const words = matched.filter(
      (t) => !t.term.startsWith('#') && !t.term.includes('_') && !(t.term.length === 1 && isHan(t.term)),
    );
    return {
      entry: index.entries[row]!,
      score,
      confidence: confidence + index.weights.conceptEvidence * evidence,
      matchedTerms: [
        ...new Set([
          ...words.flatMap((t) => [t.term, t.surface]),
          ...concepts.flatMap((id) => index.lexicon.phrases.get(id) ?? []),
        ]),
      ],
      concepts,
    };
  });
  for (const term of terms) {
    entryWeights[term.id] = 0;
    phrasingWeights[term.id] = 0;
  }
  const noGoodMatch = (results[0]?.confidence ?? 0) < NO_MATCH_THRESHOLD;
  return { results, noGoodMatch, language: queryLanguage };
}
