import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { AgentAssistDatabase } from '@/utils/db/database';
import { makeNote } from '../../../fixtures/factories';

/** Version 1 of the schema, as it shipped: knowledge bases, feedback and gaps. */
function openVersion1(name: string) {
  const db = new Dexie(name);
  db.version(1).stores({ knowledgeBases: '++id', feedback: '++id, at', knowledgeGaps: '&key, lastAt' });
  return db;
}

describe('database upgrades', () => {
  it('v1 -> latest keeps every KB, vote and gap, and adds the notes tables', async () => {
    const name = `upgrade-${Math.random()}`;
    const old = openVersion1(name);
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
    await db.notes.add(makeNote());
    expect(await db.notes.where('[agentId+createdAt]').between(['A-1', 0], ['A-1', Infinity]).count()).toBe(1);
    expect(db.verno).toBe(2);
    await db.delete();
  });
});
