import Dexie from 'dexie';
import type { AgentAssistDatabase } from '../db/database';
import type { CallNote, ReviewStatus } from '../notes/call-note';
import { noteTables, putNotes } from '../notes/note-store';
import { redact } from '../redact';
import type { NoteRuns, NoteSummary } from './note-summary';
import { dayStart, searchTerms } from './review-filter';

/** Every note's summary, newest first; the first page arrives first so the table can show at once. */
export async function loadSummaries(
  db: AgentAssistDatabase,
  onFirstPage?: (rows: NoteSummary[]) => void,
): Promise<NoteSummary[]> {
  const first = await db.noteSummaries.orderBy('createdAt').reverse().limit(200).toArray();
  onFirstPage?.(first);
  if (first.length < 200) return first;
  return db.noteSummaries.orderBy('createdAt').reverse().toArray();
}

/** Checklist runs of the calls started in a day range (inclusive, local days), through the date index. */
export async function loadRunsBetween(
  db: AgentAssistDatabase,
  from: string | null,
  to: string | null,
): Promise<NoteRuns[]> {
  const lower = from ? dayStart(from) : Dexie.minKey;
  const upper = to ? dayStart(to) + 86_400_000 : Dexie.maxKey;
  return db.noteRunsByDate.where('[createdAt+id]').between([lower, Dexie.minKey], [upper, Dexie.minKey]).toArray();
}

/** Ids of notes containing every term of the query (note text, tags, case id, FAQ questions). */
export async function searchNoteIds(db: AgentAssistDatabase, text: string): Promise<Set<string> | null> {
  const terms = searchTerms(text);
  if (terms.length === 0) return null;
  // Rarest term first: the intersection then shrinks fastest.
  const lists = await Promise.all(terms.map((term) => db.noteSearch.where('terms').equals(term).primaryKeys()));
  lists.sort((a, b) => a.length - b.length);
  let ids = new Set(lists[0]);
  for (const list of lists.slice(1)) {
    const next = new Set(list);
    ids = new Set([...ids].filter((id) => next.has(id)));
    if (ids.size === 0) break;
  }
  return ids;
}

/**
 * A supervisor's review: a new status and/or a comment, kept as history with who and when.
 * Saved as a new revision of the note, with its summary, in one transaction.
 */
export async function reviewNote(
  db: AgentAssistDatabase,
  noteId: string,
  {
    status,
    comment,
    reviewer,
    now = Date.now(),
  }: { status?: ReviewStatus; comment?: string; reviewer: string; now?: number },
): Promise<CallNote> {
  return db.transaction('rw', noteTables(db), async () => {
    const note = await db.notes.get(noteId);
    if (!note) throw new Error(`No note ${noteId}`);
    const text = comment ? redact(comment.trim()).text : '';
    const changed = status !== undefined && status !== note.review.status;
    if (!text && !changed) return note;
    const review = {
      ...note.review,
      status: status ?? note.review.status,
      reviewer,
      reviewedAt: now,
      comments: [...note.review.comments, { by: reviewer, at: now, text, ...(changed ? { status } : {}) }],
    };
    const updated: CallNote = { ...note, review, revision: note.revision + 1, updatedAt: now };
    await putNotes(db, [updated]);
    return updated;
  });
}

/** Notes by id in the order given, a page at a time, for exporting a filtered set. */
export async function* notesByIds(
  db: AgentAssistDatabase,
  ids: readonly string[],
  pageSize = 500,
): AsyncGenerator<CallNote[]> {
  for (let i = 0; i < ids.length; i += pageSize) {
    const page = await db.notes.bulkGet(ids.slice(i, i + pageSize) as string[]);
    yield page.filter((note): note is CallNote => note !== undefined);
  }
}
