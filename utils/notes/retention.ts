import type { AgentAssistDatabase, PurgeLogRecord } from '../db/database';
import type { CallNote } from './call-note';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A note waits for its review: the agent asked for one, or a supervisor marked it for coaching. */
export function keptForReview(note: CallNote): boolean {
  return (note.review.requested && note.review.status === 'unreviewed') || note.review.status === 'needs-coaching';
}

/**
 * Deletes notes older than the retention period (ended notes by end time, abandoned drafts
 * by last change), except those waiting for a review, and logs the counts.
 */
export async function purgeExpiredNotes(
  db: AgentAssistDatabase,
  { retentionDays, now = Date.now() }: { retentionDays: number; now?: number },
): Promise<PurgeLogRecord> {
  const cutoff = now - retentionDays * DAY_MS;
  return db.transaction('rw', db.notes, db.noteSummaries, db.noteSearch, db.noteRunsByDate, db.purgeLog, async () => {
    const ended = await db.notes.where('endedAt').below(cutoff).toArray();
    const drafts = await db.notes
      .where('createdAt')
      .below(cutoff)
      .filter((note) => note.endedAt === null && note.updatedAt < cutoff)
      .toArray();
    const expired = [...ended, ...drafts];
    const doomed = expired.filter((note) => !keptForReview(note)).map((note) => note.id);
    await db.notes.bulkDelete(doomed);
    await db.noteSummaries.bulkDelete(doomed);
    await db.noteSearch.bulkDelete(doomed);
    await db.noteRunsByDate.where('id').anyOf(doomed).delete();
    const entry = { at: now, retentionDays, deleted: doomed.length, keptForReview: expired.length - doomed.length };
    const id = await db.purgeLog.add(entry as PurgeLogRecord);
    return { ...entry, id };
  });
}

export async function recentPurges(db: AgentAssistDatabase, limit = 10): Promise<PurgeLogRecord[]> {
  return db.purgeLog.orderBy('at').reverse().limit(limit).toArray();
}
