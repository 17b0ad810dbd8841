import * as v from 'valibot';
import lexiconData from './lexicon.json';
import { isHan, normalizeText } from './normalize';
import { tokenizeNormalized } from './tokenize';

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

/** Stemmed Latin words of a text, the units English phrases are matched on. */
function latinUnits(normalized: string): string[] {
  return tokenizeNormalized(normalized)
    .filter((token) => token.kind === 'word' && !isHan(token.term[0]!))
    .map((token) => token.term);
}

/** Han characters of a phrase in order, including the ones the tokenizer treats as stopwords. */
function phraseUnits(phrase: string): string[] {
  const normalized = normalizeText(phrase);
  if ([...normalized].some(isHan)) return [...normalized].filter(isHan);
  return latinUnits(normalized);
}

function textUnits(normalized: string): string[][] {
  // Han text is matched character by character, stopwords included; Latin text word by word.
  const han = [...normalized].filter(isHan);
  return [han, latinUnits(normalized.replace(/\p{Script=Han}+/gu, ' , '))];
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

/** Concept ids whose phrases occur in a normalised text, each once per occurrence. */
export function findConcepts(compiled: CompiledLexicon, normalized: string): string[] {
  const found: string[] = [];
  for (const sequence of textUnits(normalized)) {
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
