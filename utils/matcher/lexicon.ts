import * as v from 'valibot';
import lexiconData from './lexicon.json';
import { isHan, normalizeText } from './normalize';
import { type Token, tokenizeNormalized } from './tokenize';

const HAN_CHARS = /\p{Script=Han}/gu;

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

interface TrieNode {
  next: Map<string, TrieNode>;
  concepts: string[];
}

/** A phrase matcher over two kinds of units: Chinese characters and stemmed Latin words. */
export interface CompiledLexicon {
  root: TrieNode;
  /** Each concept's phrases as written, to highlight where a concept matched. */
  phrases: Map<string, string[]>;
}

/** Stemmed Latin words of tokens: the units English phrases are matched on. */
export function latinUnits(tokens: readonly Token[]): string[] {
  return tokens.filter((token) => token.kind === 'word' && !isHan(token.term[0]!)).map((token) => token.term);
}

/** Han characters of a phrase in order, stopwords included; else its stemmed Latin words. */
function phraseUnits(phrase: string): string[] {
  const normalized = normalizeText(phrase);
  if ([...normalized].some(isHan)) return [...normalized].filter(isHan);
  return latinUnits(tokenizeNormalized(normalized));
}

export function compileLexicon(lexicon: Lexicon): CompiledLexicon {
  const root: TrieNode = { next: new Map(), concepts: [] };
  for (const concept of lexicon.concepts) {
    for (const phrase of [...concept.en, ...concept.zh]) {
      const path = phraseUnits(phrase);
      if (path.length === 0) continue;
      let node = root;
      for (const unit of path) {
        let child = node.next.get(unit);
        if (!child) {
          child = { next: new Map(), concepts: [] };
          node.next.set(unit, child);
        }
        node = child;
      }
      if (!node.concepts.includes(concept.id)) node.concepts.push(concept.id);
    }
  }
  return { root, phrases: new Map(lexicon.concepts.map((concept) => [concept.id, [...concept.en, ...concept.zh]])) };
}

/**
 * Concept ids whose phrases occur in a normalised text, once per occurrence. Han text is
 * matched character by character, Latin text word by word on its stemmed words.
 */
export function findConcepts(compiled: CompiledLexicon, normalized: string, latinStems: readonly string[]): string[] {
  const found: string[] = [];
  for (const sequence of [normalized.match(HAN_CHARS) ?? [], latinStems]) {
    for (let start = 0; start < sequence.length; start++) {
      let node: TrieNode | undefined = compiled.root;
      for (let i = start; i < sequence.length && node; i++) {
        node = node.next.get(sequence[i]!);
        if (node) found.push(...node.concepts);
      }
    }
  }
  return found;
}

export const DEFAULT_LEXICON: Lexicon = v.parse(LexiconSchema, lexiconData);
