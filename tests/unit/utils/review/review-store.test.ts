import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AgentAssistDatabase } from '@/utils/db/database';
import { saveNote } from '@/utils/notes/note-store';
import { loadSummaries, notesByIds, reviewNote, searchNoteIds } from '@/utils/review/review-store';
import { makeNote } from '../../../fixtures/factories';

describe('review store', () => {
  let db: AgentAssistDatabase;
  beforeEach(async () => {
    db = new AgentAssistDatabase(`review-${Math.random()}`);
    await saveNote(db, makeNote({ id: 'a', text: '客户被骗,对方要求转到安全账户', createdAt: 1 }), 0);
    await saveNote(db, makeNote({ id: 'b', text: 'Customer locked out after wrong passwords', createdAt: 2 }), 0);
    await saveNote(db, makeNote({ id: 'c', text: 'Locked card, refund pending', createdAt: 3 }), 0);
  });
  afterEach(() => db.delete());

  it('keeps a summary for every saved note, newest first', async () => {
    expect((await loadSummaries(db)).map((s) => s.id)).toEqual(['c', 'b', 'a']);
  });

  it.each([
    ['安全账户', ['a']],
    ['locked', ['b', 'c']],
    ['locked refund', ['c']],
    ['LOCKED-OUT', ['b']],
    ['nothing like this', []],
  ])('text search %j finds %j', async (query, ids) => {
    expect([...((await searchNoteIds(db, query)) ?? [])].sort()).toEqual(ids);
  });

  it('an empty search is no search', async () => {
    expect(await searchNoteIds(db, '  ')).toBeNull();
  });

  it('records a review as history with a new revision, and updates the summary', async () => {
    await reviewNote(db, 'b', {
      status: 'needs-coaching',
      comment: 'Verify identity first',
      reviewer: 'sup-1',
      now: 50,
    });
    const note = await reviewNote(db, 'b', {
      comment: 'Card 4111 1111 1111 1111 mentioned',
      reviewer: 'sup-2',
      now: 60,
    });
    expect(note.review).toMatchObject({ status: 'needs-coaching', reviewer: 'sup-2', reviewedAt: 60 });
    expect(note.review.comments).toEqual([
      { by: 'sup-1', at: 50, text: 'Verify identity first', status: 'needs-coaching' },
      { by: 'sup-2', at: 60, text: 'Card •••• •••• •••• 1111 mentioned' },
    ]);
    expect(note.revision).toBe(3);
    expect((await db.noteSummaries.get('b'))?.reviewStatus).toBe('needs-coaching');
  });

  it('reads notes by id in pages, in the order asked', async () => {
    const pages = [];
    for await (const page of notesByIds(db, ['c', 'x', 'a'], 2)) pages.push(page.map((n) => n.id));
    expect(pages).toEqual([['c'], ['a']]);
  });
});
