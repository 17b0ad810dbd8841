import Dexie from 'dexie';
import type { ChecklistRun } from '../checklists/checklist-run';
import { loadChecklists } from '../checklists/checklist-store';
import type { AgentAssistDatabase } from '../db/database';
import { noteRunsOf, noteSearchRow, summarizeNote } from '../review/note-summary';
import type { CallNote } from './call-note';

export type SaveResult = { ok: true; note: CallNote } | { ok: false; conflict: CallNote };

/**
 * Stores a note if nobody else saved it since `basedOn` (its revision when this writer
 * loaded it). Otherwise nothing is written and the newer stored note is returned.
 */
export async function saveNote(
  db: AgentAssistDatabase,
  note: CallNote,
  basedOn: number,
  now = Date.now(),
): Promise<SaveResult> {
  return db.transaction('rw', noteTables(db), async () => {
    const stored = await db.notes.get(note.id);
    if ((stored?.revision ?? 0) !== basedOn) return { ok: false, conflict: stored! };
    const saved: CallNote = { ...note, revision: basedOn + 1, updatedAt: Math.max(now, note.createdAt) };
    await putNotes(db, [saved]);
    return { ok: true, note: saved };
  });
}

/** The open draft for a case, so a reload or a restart returns to the same note. */
export async function findDraft(
  db: AgentAssistDatabase,
  caseKey: string,
  agentId: string,
): Promise<CallNote | undefined> {
  // A null endedAt is not indexed, so open drafts are found by case and filtered.
  const notes = await db.notes.where('caseKey').equals(caseKey).toArray();
  return notes
    .filter((note) => note.endedAt === null && note.agentId === agentId)
    .sort((a, b) => b.updatedAt - a.updatedAt)[0];
}

/** Earlier, ended notes of the same case, newest first: the customer's history. */
export async function caseHistory(db: AgentAssistDatabase, caseKey: string, limit = 20): Promise<CallNote[]> {
  return db.notes
    .where('[caseKey+endedAt]')
    .between([caseKey, Dexie.minKey], [caseKey, Dexie.maxKey])
    .reverse()
    .limit(limit)
    .toArray();
}

/** The agent's open draft that has no case, most recent first. */
export async function findLooseDraft(db: AgentAssistDatabase, agentId: string): Promise<CallNote | undefined> {
  return db.notes
    .orderBy('createdAt')
    .reverse()
    .filter((note) => note.endedAt === null && note.caseKey === null && note.agentId === agentId)
    .first();
}

/**
 * Writes notes with their summary and search rows. Call inside a transaction that covers
 * notes, noteSummaries, noteSearch and checklistDefinitions.
 */
export async function putNotes(db: AgentAssistDatabase, notes: readonly CallNote[]): Promise<void> {
  if (notes.length === 0) return;
  const { byVersion } = await loadChecklists(db);
  const definitionOf = (run: ChecklistRun) => byVersion(run.checklistId, run.version);
  await db.notes.bulkPut(notes as CallNote[]);
  const summaries = notes.map((note) => summarizeNote(note, definitionOf));
  await db.noteSummaries.bulkPut(summaries);
  // By id: a note's runs row is keyed by its start time, which an imported revision may change.
  await db.noteRunsByDate
    .where('id')
    .anyOf(notes.map((note) => note.id))
    .delete();
  await db.noteRunsByDate.bulkPut(summaries.flatMap((s) => noteRunsOf(s) ?? []));
  await db.noteSearch.bulkPut(notes.map(noteSearchRow));
}

/** The tables a note write touches, for transactions. */
export function noteTables(db: AgentAssistDatabase) {
  return [db.notes, db.noteSummaries, db.noteSearch, db.noteRunsByDate, db.checklistDefinitions] as const;
}
