// Runs inside the extension's own page, so it fills the extension's database.
import { getDatabase } from '../../../utils/db/database';
import { noteTables, putNotes } from '../../../utils/notes/note-store';
import { generateNotes } from './generate-notes';

/**
 * Fills the database with generated notes (with their summary and search rows), in big batches.
 * They end today, so the Compliance page's first 30 days hold a third of them whenever it runs.
 */
export async function seed(count: number): Promise<void> {
  const db = getDatabase();
  const notes = generateNotes(count, { now: Date.now() });
  for (let i = 0; i < notes.length; i += 5000) {
    await db.transaction('rw', noteTables(db), () => putNotes(db, notes.slice(i, i + 5000)));
  }
}

/** The naive way to filter: read every full note, then test each one. */
export async function naiveFilter(agentId: string): Promise<{ ms: number; count: number }> {
  const started = performance.now();
  const all = await getDatabase().notes.toArray();
  const count = all.filter((note) => note.agentId === agentId).length;
  return { ms: performance.now() - started, count };
}

/** The naive way to search text: read every full note and look for the words in it. */
export async function naiveSearch(text: string): Promise<{ ms: number; count: number }> {
  const started = performance.now();
  const words = text.toLowerCase().split(/\s+/);
  const all = await getDatabase().notes.toArray();
  const count = all.filter((note) => words.every((word) => note.text.toLowerCase().includes(word))).length;
  return { ms: performance.now() - started, count };
}
