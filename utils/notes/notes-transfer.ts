import type { AgentAssistDatabase } from '../db/database';
import type { CallNote } from './call-note';
import { noteTables, putNotes } from './note-store';
import { scanNotesBundle } from './notes-bundle';

const PAGE = 250;

/** All notes, a page at a time in id order, so an export never holds them all. */
export async function* notePages(
  db: AgentAssistDatabase,
  keep: (note: CallNote) => boolean = () => true,
): AsyncGenerator<CallNote[]> {
  let last: string | null = null;
  for (;;) {
    const page: CallNote[] = await (last === null ? db.notes.orderBy('id') : db.notes.where('id').above(last))
      .limit(PAGE)
      .toArray();
    if (page.length === 0) return;
    last = page[page.length - 1]!.id;
    yield page.filter(keep);
  }
}

/** Joins text chunks into a Blob, folding them in as it goes so the page's heap stays small. */
export async function chunksToBlob(chunks: AsyncIterable<string>, type: string): Promise<Blob> {
  let blob = new Blob([], { type });
  let parts: string[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    parts.push(chunk);
    size += chunk.length;
    if (size > 1024 * 1024) {
      blob = new Blob([blob, ...parts], { type });
      parts = [];
      size = 0;
    }
  }
  return new Blob([blob, ...parts], { type });
}

export interface ImportReport {
  total: number;
  added: number;
  updated: number;
  unchanged: number;
  /** Same revision but different content: the stored note is kept. */
  conflicts: string[];
  /** The stored note has a newer revision: it is kept. */
  older: string[];
}

const BATCH = 500;

/**
 * Imports a notes bundle: a first pass validates everything (format, every note, count,
 * checksum) and writes nothing; only then a second pass merges by id, the higher revision winning.
 */
export async function importNotesBundle(
  db: AgentAssistDatabase,
  open: () => AsyncIterable<Uint8Array>,
  totalBytes: number,
  onProgress: (share: number) => void = () => undefined,
): Promise<ImportReport> {
  await scanNotesBundle(open(), {
    totalBytes,
    onProgress: (bytes) => onProgress(Math.min(1, bytes / totalBytes) * 0.5),
  });
  const report: ImportReport = { total: 0, added: 0, updated: 0, unchanged: 0, conflicts: [], older: [] };
  let batch: CallNote[] = [];
  const flush = async () => {
    const incoming = batch;
    batch = [];
    await db.transaction('rw', noteTables(db), async () => {
      const stored = await db.notes.bulkGet(incoming.map((note) => note.id));
      const writes: CallNote[] = [];
      incoming.forEach((note, i) => {
        const current = stored[i];
        if (!current) {
          report.added++;
          writes.push(note);
        } else if (note.revision > current.revision) {
          report.updated++;
          writes.push(note);
        } else if (note.revision < current.revision) report.older.push(note.id);
        else if (JSON.stringify(note) === JSON.stringify(current)) report.unchanged++;
        else report.conflicts.push(note.id);
      });
      await putNotes(db, writes);
    });
  };
  await scanNotesBundle(open(), {
    totalBytes,
    onProgress: (bytes) => onProgress(0.5 + Math.min(1, bytes / totalBytes) * 0.5),
    onNote: async (note) => {
      report.total++;
      batch.push(note);
      if (batch.length >= BATCH) await flush();
    },
  });
  if (batch.length > 0) await flush();
  onProgress(1);
  return report;
}
