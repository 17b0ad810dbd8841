import { normalizeText } from './normalize';

export interface TextPart {
  text: string;
  marked: boolean;
}

/**
 * Splits text into marked and plain parts where any of the terms occur (case- and width-
 * insensitive). Latin terms match at word starts, so "card" marks "cards" but not "discard".
 */
export function highlightParts(text: string, terms: readonly string[]): TextPart[] {
  const normalized = normalizeText(text);
  // NFKC can change length (ligatures); only highlight when offsets still line up.
  if (normalized.length !== text.length || terms.length === 0) return [{ text, marked: false }];
  const marks = new Uint8Array(text.length);
  for (const term of new Set(terms.map((t) => normalizeText(t)).filter((t) => t.length > 0))) {
    const latin = /^[a-z0-9]/.test(term);
    if (latin && term.length < 2) continue;
    for (let at = normalized.indexOf(term); at !== -1; at = normalized.indexOf(term, at + 1)) {
      if (latin && at > 0 && /[a-z0-9]/.test(normalized[at - 1]!)) continue;
      marks.fill(1, at, at + term.length);
    }
  }
  const parts: TextPart[] = [];
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || marks[i] !== marks[start]) {
      parts.push({ text: text.slice(start, i), marked: marks[start] === 1 });
      start = i;
    }
  }
  return parts;
}
