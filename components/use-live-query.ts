import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/** The result of a Dexie query, re-run whenever the tables it read change; undefined until first result. */
export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  // The caller lists what the query depends on, as with useEffect.
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: setValue,
      error: (error: unknown) => console.error('Live query failed', error),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return value;
}
