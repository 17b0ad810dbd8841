import { type AgentAssistDatabase, KEPT_KNOWLEDGE_BASES, type KnowledgeBaseRecord } from '../db/database';
import { DEFAULT_KB } from './default-kb';
import { type KbChange, planKbImport } from './kb-diff';
import type { KbEntry } from './kb-entry';

export interface ActiveKb {
  entries: readonly KbEntry[];
  /** The imported KB in use, or null for the bundled default. */
  record: Omit<KnowledgeBaseRecord, 'entries'> | null;
  /** True when an import can be undone (back to the KB before it, or the default). */
  canRollBack: boolean;
}

/** The knowledge base in use: the newest import, else the bundled default. */
export async function loadActiveKb(db: AgentAssistDatabase): Promise<ActiveKb> {
  const newest = await db.knowledgeBases.orderBy('id').last();
  if (!newest) return { entries: DEFAULT_KB, record: null, canRollBack: false };
  const { entries, ...record } = newest;
  return { entries, record, canRollBack: true };
}

/**
 * Imports entries in one transaction: reads the KB in use, applies the change, stores the
 * result as the new KB and keeps the previous one for rollback. Returns what changed.
 */
export async function importKb(
  db: AgentAssistDatabase,
  incoming: readonly KbEntry[],
  { fileName, mode, now = Date.now() }: { fileName: string; mode: 'replace' | 'merge'; now?: number },
): Promise<KbChange> {
  return db.transaction('rw', db.knowledgeBases, async () => {
    const current = await loadActiveKb(db);
    const change = planKbImport(current.entries, incoming, mode);
    await db.knowledgeBases.add({ fileName, importedAt: now, mode, entries: change.entries });
    const stale = await db.knowledgeBases.orderBy('id').reverse().offset(KEPT_KNOWLEDGE_BASES).primaryKeys();
    await db.knowledgeBases.bulkDelete(stale);
    return change;
  });
}

/** Goes back to the KB used before the last import (the bundled default after the first). */
export async function rollBackKb(db: AgentAssistDatabase): Promise<void> {
  await db.transaction('rw', db.knowledgeBases, async () => {
    const newest = await db.knowledgeBases.orderBy('id').last();
    if (newest) await db.knowledgeBases.delete(newest.id);
  });
}
