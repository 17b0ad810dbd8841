// Runs inside a Chromium page: our Dexie code and plain IndexedDB doing the same work.
import { AgentAssistDatabase } from '../../../utils/db/database';
import type { CallNote } from '../../../utils/notes/call-note';
import { noteTables, putNotes, saveNote } from '../../../utils/notes/note-store';
import { notesBundleChunks } from '../../../utils/notes/notes-bundle';
import { chunksToBlob, notePages } from '../../../utils/notes/notes-transfer';
import { generateNotes } from './generate-notes';

let notes: CallNote[] = [];
const ours = new AgentAssistDatabase('bench-ours');
let plain: IDBDatabase;

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function prepare(count: number): Promise<void> {
  notes = generateNotes(count);
  await ours.delete();
  await ours.open();
  const open = indexedDB.open('bench-plain', 1);
  open.onupgradeneeded = () => {
    const store = open.result.createObjectStore('notes', { keyPath: 'id' });
    store.createIndex('createdAt', 'createdAt');
    store.createIndex('agentCreated', ['agentId', 'createdAt']);
    store.createIndex('caseKey', 'caseKey');
  };
  plain = await request(open);
  const clear = plain.transaction('notes', 'readwrite');
  clear.objectStore('notes').clear();
  await done(clear);
}

/** Bulk insert in batches of 1,000: ours also writes each note's summary and search rows. */
export async function bulkInsertOurs(): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < notes.length; i += 1000) {
    const batch = notes.slice(i, i + 1000);
    await ours.transaction('rw', noteTables(ours), () => putNotes(ours, batch));
  }
  return performance.now() - started;
}

export async function bulkInsertPlain(): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < notes.length; i += 1000) {
    const tx = plain.transaction('notes', 'readwrite');
    const store = tx.objectStore('notes');
    for (const note of notes.slice(i, i + 1000)) store.put(note);
    await done(tx);
  }
  return performance.now() - started;
}

/** Autosave: the same note saved again and again, as an agent types. */
export async function autosaveOurs(times: number): Promise<number> {
  let note = { ...notes[0]!, id: 'autosave' };
  let revision = 0;
  const durations: number[] = [];
  for (let i = 0; i < times; i++) {
    note = { ...note, text: `${note.text} ${i}` };
    const started = performance.now();
    const result = await saveNote(ours, note, revision);
    durations.push(performance.now() - started);
    if (result.ok) revision = result.note.revision;
  }
  return percentile(durations, 95);
}

export async function autosavePlain(times: number): Promise<number> {
  let note = { ...notes[0]!, id: 'autosave' };
  const durations: number[] = [];
  for (let i = 0; i < times; i++) {
    note = { ...note, text: `${note.text} ${i}`, revision: note.revision + 1 };
    const started = performance.now();
    const tx = plain.transaction('notes', 'readwrite');
    tx.objectStore('notes').put(note);
    await done(tx);
    durations.push(performance.now() - started);
  }
  return percentile(durations, 95);
}

function queryCases(times: number) {
  return Array.from({ length: times }, (_, i) => notes[(i * 7919) % notes.length]!);
}

/** A page of 50 notes of one agent in a 30-day range, and 50 of one case; p95 over `times` queries. */
export async function pageQueriesOurs(times: number): Promise<{ byAgent: number; byCase: number }> {
  const byAgent: number[] = [];
  const byCase: number[] = [];
  for (const sample of queryCases(times)) {
    let started = performance.now();
    await ours.notes
      .where('[agentId+createdAt]')
      .between([sample.agentId, sample.createdAt - 30 * 86_400_000], [sample.agentId, sample.createdAt])
      .reverse()
      .limit(50)
      .toArray();
    byAgent.push(performance.now() - started);
    started = performance.now();
    await ours.notes.where('caseKey').equals(sample.caseKey!).limit(50).toArray();
    byCase.push(performance.now() - started);
  }
  return { byAgent: percentile(byAgent, 95), byCase: percentile(byCase, 95) };
}

export async function pageQueriesPlain(times: number): Promise<{ byAgent: number; byCase: number }> {
  const byAgent: number[] = [];
  const byCase: number[] = [];
  for (const sample of queryCases(times)) {
    let started = performance.now();
    const store = plain.transaction('notes').objectStore('notes');
    const range = IDBKeyRange.bound(
      [sample.agentId, sample.createdAt - 30 * 86_400_000],
      [sample.agentId, sample.createdAt],
    );
    await new Promise<void>((resolve) => {
      const rows: unknown[] = [];
      const cursor = store.index('agentCreated').openCursor(range, 'prev');
      cursor.onsuccess = () => {
        const c = cursor.result;
        if (!c || rows.length >= 50) return resolve();
        rows.push(c.value);
        c.continue();
      };
    });
    byAgent.push(performance.now() - started);
    started = performance.now();
    await request(plain.transaction('notes').objectStore('notes').index('caseKey').getAll(sample.caseKey!, 50));
    byCase.push(performance.now() - started);
  }
  return { byAgent: percentile(byAgent, 95), byCase: percentile(byCase, 95) };
}

/** Export every note: ours streams pages into a Blob; the plain way reads all and stringifies at once. */
export async function exportOurs(): Promise<number> {
  const blob = await chunksToBlob(notesBundleChunks(notePages(ours)), 'application/json');
  return blob.size;
}

export async function exportPlain(): Promise<number> {
  const all = await request(plain.transaction('notes').objectStore('notes').getAll());
  const blob = new Blob([JSON.stringify({ format: 'agent-assist-notes', version: 1, notes: all })], {
    type: 'application/json',
  });
  return blob.size;
}

export async function cleanUp(): Promise<void> {
  notes = [];
  ours.close();
  plain.close();
  await ours.delete();
  await request(indexedDB.deleteDatabase('bench-plain'));
}
