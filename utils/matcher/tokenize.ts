import { stemmer } from 'stemmer';
import { isHan, normalizeText } from './normalize';
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

/** Chinese words of three or more characters in a run; two-character words are already bigrams. */
function longWords(run: string): readonly string[] {
  let words = segmentCache.get(run);
  if (!words) {
    words = [];
    for (const { segment } of segmenter.segment(run)) {
      if (segment.length > 2 && !CHINESE_STOPWORDS.has(segment)) words.push(segment);
    }
    // Knowledge bases repeat phrases ("收不到验证码"); Intl.Segmenter is the slowest step of indexing.
    if (segmentCache.size > SEGMENT_CACHE_SIZE) segmentCache.clear();
    segmentCache.set(run, words);
  }
  return words;
}

function scanHanRun(run: string, sink: TokenSink, { chineseWords = true, chineseChars = true }: TokenizeOptions): void {
  if (chineseWords && run.length > 2) for (const word of longWords(run)) sink(word, 'word', word);
  for (let i = 0; i < run.length; i++) {
    const char = run[i]!;
    if (chineseChars && !CHINESE_STOPWORDS.has(char)) sink(char, 'char', char);
    if (i + 1 < run.length) {
      const bigram = char + run[i + 1];
      if (!CHINESE_STOPWORDS.has(bigram)) sink(bigram, 'bigram', bigram);
    }
  }
}

/** Feeds the tokens of a normalised text, in any mix of Chinese and Latin script, to `sink`. */
export function scanTokens(text: string, options: TokenizeOptions, sink: TokenSink): void {
  let count = 0;
  const counted: TokenSink = (term, kind, surface) => {
    count++;
    sink(term, kind, surface);
  };
  let previousLatin: string | null = null;
  for (const [piece] of text.slice(0, MAX_TEXT_LENGTH).matchAll(PIECES)) {
    if (count > MAX_TOKENS) break;
    if (isHan(piece[0]!)) {
      scanHanRun(piece, counted, options);
      previousLatin = null;
      continue;
    }
    if (piece.length === 1 && !/[\p{L}\p{N}]/u.test(piece)) {
      // Punctuation ends a phrase: no word pair across it. Joiners and spaces do not.
      if (!JOINERS.has(piece)) previousLatin = null;
      continue;
    }
    for (const part of splitContraction(piece)) {
      if (!part || ENGLISH_STOPWORDS.has(part)) continue;
      const term = stemWord(part);
      counted(term, 'word', part);
      if (previousLatin) counted(`${previousLatin}_${term}`, 'pair', part);
      previousLatin = term;
    }
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
