import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILT_IN_CHECKLISTS } from '@/utils/checklists/built-in-checklists';
import { startRun } from '@/utils/checklists/checklist-run';
import { AgentAssistDatabase } from '@/utils/db/database';
import { caseHistory, findDraft, findLooseDraft, saveNote } from '@/utils/notes/note-store';
import { loadRunsBetween } from '@/utils/review/review-store';
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

  it('keeps one checklist-runs row per note, dated by its start, however often it is saved', async () => {
    const lockout = BUILT_IN_CHECKLISTS.find((d) => d.id === 'lockout')!;
    const withRun = makeNote({ createdAt: 1_000, checklistRuns: [startRun(lockout, 'run-1', 1_000)] });
    await saveNote(db, withRun, 0);
    await saveNote(db, { ...withRun, text: 'more' }, 1);
    // An imported revision may carry another start time: the row moves, it is not copied.
    await saveNote(db, { ...withRun, createdAt: 2_000 }, 2);
    expect((await db.noteRunsByDate.toArray()).map((row) => [row.createdAt, row.id])).toEqual([[2_000, 'note-1']]);
    expect((await loadRunsBetween(db, null, null)).map((row) => row.id)).toEqual(['note-1']);
    await saveNote(db, { ...withRun, createdAt: 2_000, checklistRuns: [] }, 3);
    expect(await db.noteRunsByDate.count()).toBe(0);
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
