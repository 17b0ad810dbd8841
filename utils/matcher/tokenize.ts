import { stemmer } from 'stemmer';
import { isHanCode, normalizeText } from './normalize';
import { CHINESE_STOPWORDS, ENGLISH_STOPWORDS } from './stopwords';

/**
 * word: a stemmed Latin word or a segmented Chinese word; pair: two neighbouring Latin words;
 * bigram / char: Chinese character bigrams and single characters, for recall where
 * segmentation differs between query and entry.
 */
export type TokenKind = 'word' | 'pair' | 'bigram' | 'char';

export interface Token {
  term: string;
  kind: TokenKind;
  /** The text as written (normalised), for highlighting. */
  surface: string;
}

export interface TokenizeOptions {
  /** Segment Chinese into words with Intl.Segmenter (slower; bigrams cover long texts well enough). */
  chineseWords?: boolean;
  /** Emit single Chinese characters. */
  chineseChars?: boolean;
}

const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
const PIECES = /\p{Script=Han}+|[[\p{L}\p{N}\p{M}']--\p{Script=Han}]+|[^\s\p{L}\p{N}\p{M}]/gv;
/** Joiners inside codes and compounds ("TRF-4012", "top-up"): they do not end a phrase. */
const JOINERS = new Set(['-', '_', '/', '·', '@', '#']);
const CONTRACTION = /^(.+?)(n't|'s|'re|'ve|'ll|'d|'m)$/;
const MAX_TOKENS = 4000;
/** Longer texts are cut: a case description never needs more, and huge input must not stall typing. */
const MAX_TEXT_LENGTH = 10_000;
const stems = new Map<string, string>();
const segmentCache = new Map<string, string[]>();
const SEGMENT_CACHE_SIZE = 50_000;

/** Splits "haven't" into have + not and drops the other English clitics. */
function splitContraction(word: string): string[] {
  if (word === 'cannot') return ['can', 'not'];
  if (!word.includes("'")) return [word];
  const match = CONTRACTION.exec(word);
  if (!match) return [word.replace(/'/g, '')];
  const [, base = '', clitic] = match;
  if (clitic === "n't") return [base === 'ca' ? 'can' : base === 'wo' ? 'will' : base, 'not'];
  return [base];
}

/** Porter stem for Latin words; numbers and codes stay as written. */
export function stemWord(word: string): string {
  let stem = stems.get(word);
  if (stem === undefined) {
    stem = /^[a-z]+$/.test(word) ? stemmer(word) : word;
    if (stems.size > 100_000) stems.clear();
    stems.set(word, stem);
  }
  return stem;
}

/** Receives each token as it is found; avoids building token objects on hot paths. */
export type TokenSink = (term: string, kind: TokenKind, surface: string) => void;

/**
 * Receivers for the tokens that indexing sees most, so it makes no string for them: Chinese
 * characters and bigrams as UTF-16 codes (`second` is -1 for a single character), and Latin
 * word pairs as their two stems.
 */
export interface SplitSinks {
  han(first: number, second: number): void;
  pair(first: string, second: string): void;
}

/** Stopword characters, and first characters of stopword bigrams, flagged by UTF-16 code: no string per check. */
const STOP_CHAR = 1;
const STOP_BIGRAM_START = 2;
const STOP_FLAGS = new Uint8Array(0x10000);
const STOP_BIGRAM_KEYS = new Set<number>();
for (const word of CHINESE_STOPWORDS) {
  if (word.length === 1) STOP_FLAGS[word.charCodeAt(0)]! |= STOP_CHAR;
  if (word.length === 2) {
    STOP_FLAGS[word.charCodeAt(0)]! |= STOP_BIGRAM_START;
    STOP_BIGRAM_KEYS.add(word.charCodeAt(0) * 0x10000 + word.charCodeAt(1));
  }
}

function isLongWord(segment: string): boolean {
  return segment.length > 2 && !CHINESE_STOPWORDS.has(segment);
}

function cacheLongWords(run: string, words: string[]): void {
  // Knowledge bases repeat phrases ("收不到验证码"); Intl.Segmenter is the slowest step of indexing.
  if (segmentCache.size > SEGMENT_CACHE_SIZE) segmentCache.clear();
  segmentCache.set(run, words);
}

/** Chinese words of three or more characters in a run; two-character words are already bigrams. */
function longWords(run: string): readonly string[] {
  let words = segmentCache.get(run);
  if (!words) {
    words = [];
    for (const { segment } of segmenter.segment(run)) if (isLongWord(segment)) words.push(segment);
    cacheLongWords(run, words);
  }
  return words;
}

const SEGMENTED_RUNS = /\p{Script=Han}{3,}/gu;

/**
 * Segments the Chinese runs of these normalised texts that are not cached yet in one call:
 * Intl.Segmenter costs less per character on one text than on many short ones.
 */
export function segmentAhead(texts: readonly string[]): void {
  const runs = new Set<string>();
  for (const text of texts) {
    for (const run of text.match(SEGMENTED_RUNS) ?? []) if (!segmentCache.has(run)) runs.add(run);
  }
  if (runs.size < 2) return;
  const list = [...runs];
  const words: string[][] = list.map(() => []);
  let run = 0;
  let runEnd = list[0]!.length;
  // Runs are joined by line breaks, where every word ends.
  for (const { segment, index } of segmenter.segment(list.join('\n'))) {
    while (index > runEnd) runEnd += 1 + list[++run]!.length;
    if (isLongWord(segment)) words[run]!.push(segment);
  }
  for (const [i, text] of list.entries()) cacheLongWords(text, words[i]!);
}

/** Feeds the tokens of one run of Chinese characters to the sinks; returns how many it fed. */
function scanHanRun(
  run: string,
  sink: TokenSink,
  { chineseWords = true, chineseChars = true }: TokenizeOptions,
  split?: SplitSinks,
): number {
  let count = 0;
  if (chineseWords && run.length > 2) {
    for (const word of longWords(run)) {
      sink(word, 'word', word);
      count++;
    }
  }
  for (let i = 0; i < run.length; i++) {
    const code = run.charCodeAt(i);
    const flags = STOP_FLAGS[code]!;
    if (chineseChars && !(flags & STOP_CHAR)) {
      if (split) split.han(code, -1);
      else sink(run[i]!, 'char', run[i]!);
      count++;
    }
    if (i + 1 < run.length) {
      const next = run.charCodeAt(i + 1);
      if (!(flags & STOP_BIGRAM_START) || !STOP_BIGRAM_KEYS.has(code * 0x10000 + next)) {
        if (split) split.han(code, next);
        else {
          const bigram = run.slice(i, i + 2);
          sink(bigram, 'bigram', bigram);
        }
        count++;
      }
    }
  }
  return count;
}

const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;

/** Whether a one-character piece is a letter or a number: ASCII by code, the rest by Unicode class. */
function isLetterOrNumber(code: number, char: string): boolean {
  if (code < 0x80)
    return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
  return LETTER_OR_NUMBER.test(char);
}

/**
 * Feeds the tokens of a normalised text, in any mix of Chinese and Latin script, to `sink`;
 * Chinese characters and bigrams, and Latin word pairs, go to `split` instead when it is given.
 */
export function scanTokens(text: string, options: TokenizeOptions, sink: TokenSink, split?: SplitSinks): void {
  const pieces = (text.length > MAX_TEXT_LENGTH ? text.slice(0, MAX_TEXT_LENGTH) : text).match(PIECES);
  if (!pieces) return;
  let count = 0;
  let previousLatin: string | null = null;
  const word = (part: string) => {
    if (!part || ENGLISH_STOPWORDS.has(part)) return;
    const term = stemWord(part);
    sink(term, 'word', part);
    count++;
    if (previousLatin) {
      if (split) split.pair(previousLatin, term);
      else sink(`${previousLatin}_${term}`, 'pair', part);
      count++;
    }
    previousLatin = term;
  };
  for (const piece of pieces) {
    if (count > MAX_TOKENS) break;
    const first = piece.charCodeAt(0);
    if (isHanCode(first)) {
      count += scanHanRun(piece, sink, options, split);
      previousLatin = null;
    } else if (piece.length === 1 && !isLetterOrNumber(first, piece)) {
      // Punctuation ends a phrase: no word pair across it. Joiners and spaces do not.
      if (!JOINERS.has(piece)) previousLatin = null;
    } else if (piece === 'cannot' || piece.includes("'")) {
      for (const part of splitContraction(piece)) word(part);
    } else word(piece);
  }
}

/** Tokens of a text in any mix of Chinese and Latin script, already normalised. */
export function tokenizeNormalized(text: string, options: TokenizeOptions = {}): Token[] {
  const tokens: Token[] = [];
  scanTokens(text, options, (term, kind, surface) => tokens.push({ term, kind, surface }));
  return tokens;
}

/** Tokens of raw text: normalisation, segmentation, stemming, bigrams. */
export function tokenize(text: string, options?: TokenizeOptions): Token[] {
  return tokenizeNormalized(normalizeText(text), options);
}
