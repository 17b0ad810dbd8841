/** Corrects misspelt Latin words in a query to words the knowledge base uses. */
export interface TypoCorrector {
  correct: (normalizedText: string) => string;
}

const MIN_LENGTH = 4;

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** Optimal string alignment distance (Damerau-Levenshtein with adjacent swaps), stopping early past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, previous2[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Symmetric-delete lookup (as in SymSpell): every known word is indexed under its one-letter
 * deletions, so a candidate within two edits is found without scanning the vocabulary.
 */
export function createTypoCorrector(vocabulary: ReadonlyMap<string, number>): TypoCorrector {
  const byDeletion = new Map<string, string[]>();
  const index = (key: string, word: string) => {
    const list = byDeletion.get(key);
    if (list) {
      if (list[list.length - 1] !== word) list.push(word);
    } else byDeletion.set(key, [word]);
  };
  for (const word of vocabulary.keys()) {
    if (word.length < MIN_LENGTH) continue;
    index(word, word);
    for (const deletion of deletions(word)) index(deletion, word);
  }
  const cache = new Map<string, string>();

  function correctWord(word: string): string {
    if (word.length < MIN_LENGTH || vocabulary.has(word) || !/^[a-z]+$/.test(word)) return word;
    const cached = cache.get(word);
    if (cached !== undefined) return cached;
    const maxDistance = word.length >= 8 ? 2 : 1;
    const keys = new Set([word, ...deletions(word)]);
    if (maxDistance === 2) for (const key of [...keys]) for (const deeper of deletions(key)) keys.add(deeper);
    let best = word;
    let bestDistance = maxDistance + 1;
    let bestFrequency = 0;
    for (const key of keys) {
      for (const candidate of byDeletion.get(key) ?? []) {
        const distance = editDistance(word, candidate, maxDistance);
        const frequency = vocabulary.get(candidate) ?? 0;
        if (distance < bestDistance || (distance === bestDistance && frequency > bestFrequency)) {
          best = candidate;
          bestDistance = distance;
          bestFrequency = frequency;
        }
      }
    }
    if (cache.size > 10_000) cache.clear();
    cache.set(word, best);
    return best;
  }

  return {
    correct: (text) => text.replace(/[a-z]+/g, correctWord),
  };
}
