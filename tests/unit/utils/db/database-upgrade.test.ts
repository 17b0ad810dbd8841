import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_CHECKLISTS } from '@/utils/checklists/built-in-checklists';
import { applyAction, startRun } from '@/utils/checklists/checklist-run';
import { AgentAssistDatabase } from '@/utils/db/database';
import { makeNote } from '../../../fixtures/factories';

const V1 = { knowledgeBases: '++id', feedback: '++id, at', knowledgeGaps: '&key, lastAt' };
const V2 = {
  notes: 'id, createdAt, endedAt, caseKey, [agentId+createdAt], [caseKey+endedAt]',
  purgeLog: '++id, at',
  checklistDefinitions: '[id+version], id',
};

/** The schema as each version shipped, to seed data the way an older extension wrote it. */
function openAt(name: string, version: 1 | 2) {
  const db = new Dexie(name);
  db.version(1).stores(V1);
  if (version >= 2) db.version(2).stores(V2);
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
    expect(db.verno).toBe(3);
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
});
