import type { KbEntry } from './kb-entry';

export interface KbChange {
  added: string[];
  changed: string[];
  removed: string[];
  /** The knowledge base after the change. */
  entries: KbEntry[];
}

function sameEntry(a: KbEntry, b: KbEntry): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** What importing `incoming` does to `current`: replace it, or merge into it by id (incoming wins). */
export function planKbImport(
  current: readonly KbEntry[],
  incoming: readonly KbEntry[],
  mode: 'replace' | 'merge',
): KbChange {
  const before = new Map(current.map((entry) => [entry.id, entry]));
  const after = new Map(mode === 'merge' ? before : []);
  for (const entry of incoming) after.set(entry.id, entry);
  const added: string[] = [];
  const changed: string[] = [];
  for (const [id, entry] of after) {
    const old = before.get(id);
    if (!old) added.push(id);
    else if (!sameEntry(old, entry)) changed.push(id);
  }
  const removed = [...before.keys()].filter((id) => !after.has(id));
  return { added, changed, removed, entries: [...after.values()] };
}
