import * as v from 'valibot';
import lexiconData from './lexicon.json';
import { isHan, isHanCode, normalizeText } from './normalize';
import { type Token, tokenizeNormalized } from './tokenize';

const ConceptSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are lower-case kebab-case')),
  en: v.array(v.pipe(v.string(), v.nonEmpty())),
  zh: v.array(v.pipe(v.string(), v.nonEmpty())),
  note: v.optional(v.string()),
});

export const LexiconSchema = v.object({
  format: v.literal('agent-assist-lexicon'),
  version: v.literal(1),
  concepts: v.array(ConceptSchema),
});

export type Lexicon = v.InferOutput<typeof LexiconSchema>;

interface TrieNode<K> {
  next: Map<K, TrieNode<K>>;
  concepts: string[];
}

/**
 * Phrase matchers over two kinds of units: Chinese characters (by code, so no strings are
 * made per character) and stemmed Latin words.
 */
export interface CompiledLexicon {
  han: TrieNode<number>;
  /** The Han trie's first level by character code: most characters start no phrase, and this says so at once. */
  hanStarts: (TrieNode<number> | undefined)[];
  latin: TrieNode<string>;
  /** Each concept's phrases as written, to highlight where a concept matched. */
  phrases: Map<string, string[]>;
}

/** Stemmed Latin words of tokens: the units English phrases are matched on. */
export function latinUnits(tokens: readonly Token[]): string[] {
  return tokens.filter((token) => token.kind === 'word' && !isHan(token.term[0]!)).map((token) => token.term);
}

function insert<K>(root: TrieNode<K>, path: readonly K[], concept: string): void {
  let node = root;
  for (const unit of path) {
    let child = node.next.get(unit);
    if (!child) {
      child = { next: new Map(), concepts: [] };
      node.next.set(unit, child);
    }
    node = child;
  }
  if (!node.concepts.includes(concept)) node.concepts.push(concept);
}

export function compileLexicon(lexicon: Lexicon): CompiledLexicon {
  const han: TrieNode<number> = { next: new Map(), concepts: [] };
  const latin: TrieNode<string> = { next: new Map(), concepts: [] };
  for (const concept of lexicon.concepts) {
    for (const phrase of [...concept.en, ...concept.zh]) {
      const normalized = normalizeText(phrase);
      const chars = [...normalized].filter(isHan);
      // Han characters in order, stopwords included; a phrase without any is matched word by word.
      if (chars.length > 0)
        insert(
          han,
          chars.map((char) => char.charCodeAt(0)),
          concept.id,
        );
      else {
        const words = latinUnits(tokenizeNormalized(normalized));
        if (words.length > 0) insert(latin, words, concept.id);
      }
    }
  }
  const hanStarts: (TrieNode<number> | undefined)[] = new Array(0x10000).fill(undefined);
  for (const [code, node] of han.next) hanStarts[code] = node;
  return {
    han,
    hanStarts,
    latin,
    phrases: new Map(lexicon.concepts.map((concept) => [concept.id, [...concept.en, ...concept.zh]])),
  };
}

function walk(root: TrieNode<string>, sequence: readonly string[], found: string[]): void {
  for (let start = 0; start < sequence.length; start++) {
    let node = root.next.get(sequence[start]!);
    for (let i = start + 1; node; i++) {
      for (const concept of node.concepts) found.push(concept);
      if (i >= sequence.length) break;
      node = node.next.get(sequence[i]!);
    }
  }
}

/**
 * Concept ids whose phrases occur in a normalised text, once per occurrence. Han text is
 * matched character by character (other characters between them ignored), Latin text word
 * by word on its stemmed words.
 */
export function findConcepts(compiled: CompiledLexicon, normalized: string, latinStems: readonly string[]): string[] {
  const found: string[] = [];
  const { hanStarts } = compiled;
  for (let start = 0; start < normalized.length; start++) {
    let node = hanStarts[normalized.charCodeAt(start)];
    for (let i = start + 1; node; i++) {
      for (const concept of node.concepts) found.push(concept);
      while (i < normalized.length && !isHanCode(normalized.charCodeAt(i))) i++;
      if (i >= normalized.length) break;
      node = node.next.get(normalized.charCodeAt(i));
    }
  }
  walk(compiled.latin, latinStems, found);
  return found;
}

export const DEFAULT_LEXICON: Lexicon = v.parse(LexiconSchema, lexiconData);
