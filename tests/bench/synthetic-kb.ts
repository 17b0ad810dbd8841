import type { KbEntry } from '../../utils/kb/kb-entry';

/** A deterministic pseudo-random source, so every run builds the same KB. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * A KB of `size` entries made from real ones: each copy gets its own id and a few words
 * borrowed from other entries, so the vocabulary and postings grow as in a real large KB.
 */
export function scaleKb(base: readonly KbEntry[], size: number, seed = 7): KbEntry[] {
  const random = seededRandom(seed);
  const words = base.flatMap((entry) => `${entry.question} ${entry.alternates.join(' ')}`.split(/\s+/)).filter(Boolean);
  const pick = () => words[Math.floor(random() * words.length)]!;
  return Array.from({ length: size }, (_, i) => {
    const source = base[i % base.length]!;
    const extra = () => `${pick()} ${pick()} ${pick()}`;
    return {
      ...source,
      id: `${source.id}-${i}`,
      question: `${source.question} ${extra()}`,
      alternates: source.alternates.map((alternate) => `${alternate} ${pick()}`),
      answer: `${source.answer} ${extra()}`,
    };
  });
}
