import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_CHECKLISTS } from '@/utils/checklists/built-in-checklists';
import { applyAction, startRun } from '@/utils/checklists/checklist-run';
import { AgentAssistDatabase } from '@/utils/db/database';
import { noteRunsOf, summarizeNote } from '@/utils/review/note-summary';
import { makeNote } from '../../../fixtures/factories';

const V1 = { knowledgeBases: '++id', feedback: '++id, at', knowledgeGaps: '&key, lastAt' };
const V2 = {
  notes: 'id, createdAt, endedAt, caseKey, [agentId+createdAt], [caseKey+endedAt]',
  purgeLog: '++id, at',
  checklistDefinitions: '[id+version], id',
};

const V3 = {
  noteSummaries: 'id, createdAt, [agentId+createdAt]',
  noteSearch: 'id, *terms',
  noteRuns: 'id, createdAt',
};

/** The schema as each version shipped, to seed data the way an older extension wrote it. */
function openAt(name: string, version: 1 | 2 | 3) {
  const db = new Dexie(name);
  db.version(1).stores(V1);
  if (version >= 2) db.version(2).stores(V2);
  if (version >= 3) db.version(3).stores(V3);
  return db;
}

describe('database upgrades', () => {
  it('v1 -> latest keeps every KB, vote and gap', async () => {
    const name = `upgrade1-${Math.random()}`;
    const old = openAt(name, 1);
    await old.table('knowledgeBases').add({ fileName: 'kb.json', importedAt: 1, mode: 'replace', entries: [] });
    await old.table('feedback').add({ query: 'q', entryId: 'e', helpful: true, at: 2, agentId: 'A' });
    await old
      .table('knowledgeGaps')
      .add({ key: 'search:x', kind: 'search', text: 'x', count: 3, firstAt: 1, lastAt: 2 });
    old.close();

    const db = new AgentAssistDatabase(name);
    expect(await db.knowledgeBases.count()).toBe(1);
    expect(await db.feedback.toArray()).toMatchObject([{ entryId: 'e', helpful: true }]);
    expect((await db.knowledgeGaps.get('search:x'))?.count).toBe(3);
    expect(db.verno).toBe(4);
    await db.delete();
  });

  it('v2 -> v3 builds the summary and search rows of every stored note', async () => {
    const name = `upgrade2-${Math.random()}`;
    const fraud = BUILT_IN_CHECKLISTS.find((d) => d.id === 'fraud')!;
    let run = startRun(fraud, 'run-1', 1_000);
    run = applyAction(fraud, run, { type: 'skip', stepId: 'stop-contact', reason: 'caller hung up', at: 2_000 }).run!;
    const old = openAt(name, 2);
    await old
      .table('notes')
      .bulkAdd([
        makeNote({ id: 'a', text: '客户被骗,转账到安全账户', checklistRuns: [run], agentId: 'A-7' }),
        makeNote({ id: 'b', text: 'Card frozen, refund requested', category: 'card' }),
      ]);
    old.close();

    const db = new AgentAssistDatabase(name);
    const summaries = await db.noteSummaries.orderBy('id').toArray();
    expect(summaries).toMatchObject([
      {
        id: 'a',
        agentId: 'A-7',
        compliant: false,
        runs: [{ checklistId: 'fraud', skipped: [{ stepId: 'stop-contact', reason: 'caller hung up' }] }],
      },
      { id: 'b', compliant: null, category: 'card', excerpt: 'Card frozen, refund requested' },
    ]);
    expect(await db.noteSearch.where('terms').equals('安全').primaryKeys()).toEqual(['a']);
    expect(await db.noteSearch.where('terms').equals('refund').primaryKeys()).toEqual(['b']);
    await db.delete();
  });

  it('v3 -> v4 keys the checklist runs of every note by date, and drops the old runs table', async () => {
    const name = `upgrade3-${Math.random()}`;
    const lockout = BUILT_IN_CHECKLISTS.find((d) => d.id === 'lockout')!;
    const notes = [
      makeNote({ id: 'a', createdAt: 3_000, checklistRuns: [startRun(lockout, 'run-a', 3_000)] }),
      makeNote({ id: 'b', createdAt: 1_000, checklistRuns: [startRun(lockout, 'run-b', 1_000)] }),
      makeNote({ id: 'c', createdAt: 2_000 }),
    ];
    const summaries = notes.map((note) => summarizeNote(note, () => lockout));
    const old = openAt(name, 3);
    await old.table('notes').bulkAdd(notes);
    await old.table('noteSummaries').bulkAdd(summaries);
    await old.table('noteRuns').bulkAdd(summaries.flatMap((s) => noteRunsOf(s) ?? []));
    old.close();

    const db = new AgentAssistDatabase(name);
    const rows = await db.noteRunsByDate.toArray();
    expect(rows.map((row) => [row.createdAt, row.id])).toEqual([
      [1_000, 'b'],
      [3_000, 'a'],
    ]);
    expect(rows[0]).toEqual(noteRunsOf(summaries[1]!));
    expect(db.tables.map((table) => table.name)).not.toContain('noteRuns');
    await db.delete();
  });
});
