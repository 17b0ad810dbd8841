import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AgentAssistDatabase } from '@/utils/db/database';
import { purgeExpiredNotes, recentPurges } from '@/utils/notes/retention';
import { makeNote } from '../../../fixtures/factories';

const DAY = 86_400_000;
const NOW = 1_000 * DAY;

describe('purgeExpiredNotes', () => {
  let db: AgentAssistDatabase;
  beforeEach(async () => {
    db = new AgentAssistDatabase(`retention-${Math.random()}`);
    const review = makeNote().review;
    await db.notes.bulkAdd([
      makeNote({ id: 'old', createdAt: NOW - 200 * DAY, endedAt: NOW - 190 * DAY }),
      makeNote({ id: 'recent', createdAt: NOW - 10 * DAY, endedAt: NOW - 10 * DAY }),
      makeNote({
        id: 'old-asked-review',
        createdAt: NOW - 200 * DAY,
        endedAt: NOW - 190 * DAY,
        review: { ...review, requested: true },
      }),
      makeNote({
        id: 'old-coaching',
        createdAt: NOW - 200 * DAY,
        endedAt: NOW - 190 * DAY,
        review: { ...review, status: 'needs-coaching' },
      }),
      makeNote({
        id: 'old-reviewed',
        createdAt: NOW - 200 * DAY,
        endedAt: NOW - 190 * DAY,
        review: { ...review, requested: true, status: 'reviewed' },
      }),
      makeNote({ id: 'abandoned-draft', createdAt: NOW - 300 * DAY, updatedAt: NOW - 300 * DAY, endedAt: null }),
      makeNote({ id: 'old-draft-still-edited', createdAt: NOW - 300 * DAY, updatedAt: NOW - DAY, endedAt: null }),
    ]);
  });
  afterEach(() => db.delete());

  it('deletes what is past the period, keeps what waits for review, and logs the counts', async () => {
    const log = await purgeExpiredNotes(db, { retentionDays: 180, now: NOW });
    expect((await db.notes.toCollection().primaryKeys()).sort()).toEqual([
      'old-asked-review',
      'old-coaching',
      'old-draft-still-edited',
      'recent',
    ]);
    expect(log).toMatchObject({ deleted: 3, keptForReview: 2, retentionDays: 180, at: NOW });
    expect(await recentPurges(db)).toEqual([log]);
  });

  it('deletes nothing when nothing is old enough', async () => {
    const log = await purgeExpiredNotes(db, { retentionDays: 3650, now: NOW });
    expect(log.deleted).toBe(0);
    expect(await db.notes.count()).toBe(7);
  });
});
