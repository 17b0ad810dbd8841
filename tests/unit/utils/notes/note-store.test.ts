import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AgentAssistDatabase } from '@/utils/db/database';
import { caseHistory, findDraft, findLooseDraft, saveNote } from '@/utils/notes/note-store';
import { makeNote } from '../../../fixtures/factories';

describe('note store', () => {
  let db: AgentAssistDatabase;
  beforeEach(() => {
    db = new AgentAssistDatabase(`notes-${Math.random()}`);
  });
  afterEach(() => db.delete());

  it('saves a new note as revision 1 and the next save as revision 2', async () => {
    const first = await saveNote(db, makeNote({ text: 'a' }), 0, 5_000);
    expect(first).toMatchObject({ ok: true, note: { revision: 1, updatedAt: 5_000 } });
    const second = await saveNote(db, makeNote({ text: 'b' }), 1, 6_000);
    expect(second).toMatchObject({ ok: true, note: { revision: 2, text: 'b' } });
  });

  it('refuses a save based on an older revision and returns the newer note (no lost update)', async () => {
    await saveNote(db, makeNote({ text: 'window A' }), 0);
    await saveNote(db, makeNote({ text: 'window A again' }), 1);
    const late = await saveNote(db, makeNote({ text: 'window B' }), 1);
    expect(late).toMatchObject({ ok: false, conflict: { revision: 2, text: 'window A again' } });
    expect((await db.notes.get('note-1'))?.text).toBe('window A again');
  });

  it('finds the open draft of a case for the agent, not ended notes or other agents', async () => {
    await saveNote(db, makeNote({ id: 'ended', caseKey: 'demo:CS-1', endedAt: 9 }), 0);
    await saveNote(db, makeNote({ id: 'other-agent', caseKey: 'demo:CS-1', agentId: 'B' }), 0);
    await saveNote(db, makeNote({ id: 'draft', caseKey: 'demo:CS-1' }), 0);
    expect((await findDraft(db, 'demo:CS-1', 'A-1'))?.id).toBe('draft');
    expect(await findDraft(db, 'demo:CS-2', 'A-1')).toBeUndefined();
  });

  it('finds a draft without a case', async () => {
    await saveNote(db, makeNote({ id: 'loose', caseKey: null }), 0);
    expect((await findLooseDraft(db, 'A-1'))?.id).toBe('loose');
  });

  it('lists a case’s ended notes newest first', async () => {
    for (const [id, endedAt] of [
      ['n1', 100],
      ['n2', 300],
      ['n3', 200],
    ] as const) {
      await saveNote(db, makeNote({ id, caseKey: 'demo:CS-9', endedAt }), 0);
    }
    await saveNote(db, makeNote({ id: 'open', caseKey: 'demo:CS-9' }), 0);
    expect((await caseHistory(db, 'demo:CS-9')).map((n) => n.id)).toEqual(['n2', 'n3', 'n1']);
  });
});
