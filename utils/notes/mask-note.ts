import { MASK_CHAR, type MaskedSpan, redact } from '../redact';

/** Runs of masked characters, with the spaces, dashes and kept last digits of a masked number. */
const MASKED_RUN = new RegExp(`${MASK_CHAR}(?:[ -]?${MASK_CHAR})*(?:[ -]?\\d){0,4}`, 'g');

/**
 * Masks new secrets in a note text and keeps track of everything masked so far: spans of
 * earlier masks follow the text as it is edited (in order), new ones carry their kind.
 */
export function maskNoteText(
  text: string,
  previous: readonly MaskedSpan[],
): { text: string; masked: MaskedSpan[]; added: MaskedSpan[] } {
  const redaction = redact(text);
  const added = redaction.masked;
  const earlier = [...previous];
  const masked: MaskedSpan[] = [];
  for (const match of redaction.text.matchAll(MASKED_RUN)) {
    const start = match.index;
    const end = start + match[0].length;
    const fresh = added.find((span) => span.start < end && span.end > start);
    const kind = fresh?.kind ?? earlier.shift()?.kind ?? 'password';
    masked.push({ kind, start, end });
  }
  return { text: redaction.text, masked, added };
}
