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

const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
const CONTRACTION = /^(.+?)(n't|'s|'re|'ve|'ll|'d|'m)$/;
const LATIN_OR_DIGIT = /[\p{Script=Latin}\p{Nd}]/u;
const MAX_TOKENS = 4000;
/** Longer texts are cut: a case description never needs more, and huge input must not stall typing. */
const MAX_TEXT_LENGTH = 10_000;

/** Splits "haven't" into have + not and drops the other English clitics. */
function splitContraction(word: string): string[] {
  if (word === 'cannot') return ['can', 'not'];
  const match = CONTRACTION.exec(word);
  if (!match) return [word.replace(/'/g, '')];
  const [, base = '', clitic] = match;
  if (clitic === "n't") return [base === 'ca' ? 'can' : base === 'wo' ? 'will' : base, 'not'];
  return [base];
}

/** Porter stem for Latin words; numbers and codes stay as written. */
export function stemWord(word: string): string {
  return /^[a-z]+$/.test(word) ? stemmer(word) : word;
}

function pushHanRun(run: string, tokens: Token[]): void {
  const chars = [...run];
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    if (!CHINESE_STOPWORDS.has(char)) tokens.push({ term: char, kind: 'char', surface: char });
    const next = chars[i + 1];
    if (next && !CHINESE_STOPWORDS.has(char + next))
      tokens.push({ term: char + next, kind: 'bigram', surface: char + next });
  }
}

/** Tokens of a text in any mix of Chinese and Latin script, already normalised. */
export function tokenizeNormalized(text: string): Token[] {
  const tokens: Token[] = [];
  let previousLatin: string | null = null;
  let hanRun = '';
  const flushHan = () => {
    if (hanRun) pushHanRun(hanRun, tokens);
    hanRun = '';
  };
  for (const { segment, isWordLike } of segmenter.segment(text.slice(0, MAX_TEXT_LENGTH))) {
    if (tokens.length > MAX_TOKENS) break;
    if (!isWordLike) {
      flushHan();
      // Punctuation ends a phrase: no word pair across it. Spaces do not.
      if (segment.trim()) previousLatin = null;
      continue;
    }
    if (isHan(segment[0]!)) {
      hanRun += segment;
      if (segment.length > 1 && !CHINESE_STOPWORDS.has(segment))
        tokens.push({ term: segment, kind: 'word', surface: segment });
      previousLatin = null;
      continue;
    }
    flushHan();
    if (!LATIN_OR_DIGIT.test(segment)) continue;
    for (const part of splitContraction(segment)) {
      if (!part || ENGLISH_STOPWORDS.has(part)) continue;
      const term = stemWord(part);
      tokens.push({ term, kind: 'word', surface: part });
      if (previousLatin) tokens.push({ term: `${previousLatin}_${term}`, kind: 'pair', surface: part });
      previousLatin = term;
    }
  }
  flushHan();
  return tokens;
}

/** Tokens of raw text: normalisation, segmentation, stemming, bigrams. */
export function tokenize(text: string): Token[] {
  return tokenizeNormalized(normalizeText(text));
}
