import { useMemo } from 'preact/hooks';
import { highlightParts } from '@/utils/matcher/highlight';

/** Text with the matched terms marked; content is always rendered as text, never as HTML. */
export function HighlightedText({ text, terms }: { text: string; terms: readonly string[] }) {
  const parts = useMemo(() => highlightParts(text, terms), [text, terms]);
  return <>{parts.map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : part.text))}</>;
}
