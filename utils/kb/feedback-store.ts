import { csvLines } from '../csv-cell';
import type { AgentAssistDatabase, FeedbackRecord, GapKind, KnowledgeGapRecord } from '../db/database';
import { normalizeText } from '../matcher/normalize';
import { redact } from '../redact';

const MAX_GAP_TEXT = 300;
/** Enough history to rank by without slowing every keystroke. */
export const FEEDBACK_HISTORY = 2000;

function gapKey(kind: GapKind, maskedText: string): string {
  return `${kind}:${normalizeText(maskedText).replace(/\s+/g, ' ').trim()}`;
}

/** Counts a question the KB could not answer; the text is masked before it is stored. */
export async function recordGap(db: AgentAssistDatabase, kind: GapKind, text: string, now = Date.now()): Promise<void> {
  const masked = redact(text.trim().slice(0, MAX_GAP_TEXT)).text;
  if (!masked) return;
  const key = gapKey(kind, masked);
  await db.transaction('rw', db.knowledgeGaps, async () => {
    const existing = await db.knowledgeGaps.get(key);
    if (existing) await db.knowledgeGaps.update(key, { count: existing.count + 1, lastAt: now });
    else await db.knowledgeGaps.add({ key, kind, text: masked, count: 1, firstAt: now, lastAt: now });
  });
}

/** Stores an agent's helpful / not-helpful vote; a not-helpful vote also counts as a gap. */
export async function recordFeedback(
  db: AgentAssistDatabase,
  vote: { query: string; entryId: string; helpful: boolean; agentId: string },
  now = Date.now(),
): Promise<void> {
  const query = redact(vote.query.trim().slice(0, MAX_GAP_TEXT)).text;
  await db.feedback.add({ query, entryId: vote.entryId, helpful: vote.helpful, agentId: vote.agentId, at: now });
  if (!vote.helpful && query) await recordGap(db, 'not-helpful', query, now);
}

export async function recentFeedback(db: AgentAssistDatabase): Promise<FeedbackRecord[]> {
  return db.feedback.orderBy('at').reverse().limit(FEEDBACK_HISTORY).toArray();
}

/** Gaps with the most-asked first. */
export async function listGaps(db: AgentAssistDatabase): Promise<KnowledgeGapRecord[]> {
  const gaps = await db.knowledgeGaps.toArray();
  return gaps.sort((a, b) => b.count - a.count || b.lastAt - a.lastAt);
}

/** The gaps as a spreadsheet: a header line, then one line per gap (none when there are no gaps). */
export function gapsToCsv(gaps: readonly KnowledgeGapRecord[]): string {
  return `\uFEFF${csvLines([
    ['text', 'kind', 'count', 'first_seen', 'last_seen'],
    ...gaps.map((gap) => [
      gap.text,
      gap.kind,
      String(gap.count),
      new Date(gap.firstAt).toISOString(),
      new Date(gap.lastAt).toISOString(),
    ]),
  ])}`;
}
