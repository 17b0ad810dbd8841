import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * Text the user is typing, kept apart from the stored value: a save of another field
 * re-renders the form, and a controlled input would otherwise lose what is being typed.
 * The stored value comes through only while the field does not have focus.
 */
export function useDraft(stored: string) {
  const [draft, setDraft] = useState(stored);
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (document.activeElement !== ref.current) setDraft(stored);
  }, [stored]);
  return { draft, setDraft, ref };
}
