import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AgentAssistDatabase, type KnowledgeGapRecord } from '@/utils/db/database';
import {
  FEEDBACK_HISTORY,
  gapsToCsv,
  listGaps,
  recentFeedback,
  recordFeedback,
  recordGap,
} from '@/utils/kb/feedback-store';

describe('feedback store', () => {
  let db: AgentAssistDatabase;
  beforeEach(() => {
    db = new AgentAssistDatabase(`feedback-${Math.random()}`);
  });
  afterEach(() => db.delete());

  describe('recordGap', () => {
    it('counts the same question again whatever its case, spacing or full-width letters', async () => {
      await recordGap(db, 'search', 'Card Blocked', 1);
      await recordGap(db, 'search', '  card   BLOCKED ', 2);
      await recordGap(db, 'search', 'Ｃａｒｄ blocked', 3);
      expect(await db.knowledgeGaps.toArray()).toEqual([
        { key: 'search:card blocked', kind: 'search', text: 'Card Blocked', count: 3, firstAt: 1, lastAt: 3 },
      ]);
    });

    it('keeps each kind of gap apart', async () => {
      await recordGap(db, 'search', 'refund', 1);
      await recordGap(db, 'note', 'refund', 1);
      expect((await db.knowledgeGaps.toArray()).map((gap) => gap.key).sort()).toEqual(['note:refund', 'search:refund']);
    });

    it('masks card numbers before storing, so cards with the same last four digits count once', async () => {
      await recordGap(db, 'search', '卡号 4111 1111 1111 1111 被冻结', 1);
      await recordGap(db, 'search', '卡号 5500 0000 0008 1111 被冻结', 2);
      const gaps = await db.knowledgeGaps.toArray();
      expect(gaps).toHaveLength(1);
      expect(gaps[0]).toMatchObject({ text: '卡号 •••• •••• •••• 1111 被冻结', count: 2 });
    });

    it.each(['', '   ', '\n\t'])('stores nothing for %j', async (text) => {
      await recordGap(db, 'search', text, 1);
      expect(await db.knowledgeGaps.count()).toBe(0);
    });

    it('keeps at most 300 characters of a long text', async () => {
      await recordGap(db, 'note', `  ${'x'.repeat(400)}`, 1);
      expect((await db.knowledgeGaps.toArray())[0]?.text).toBe('x'.repeat(300));
    });
  });

  describe('recordFeedback', () => {
    it('stores a helpful vote with its masked query and counts no gap', async () => {
      await recordFeedback(
        db,
        { query: ' 验证码 482913 收不到 ', entryId: 'otp-zh', helpful: true, agentId: 'A-1' },
        5,
      );
      expect(await db.feedback.toArray()).toEqual([
        { id: 1, query: '验证码 •••••• 收不到', entryId: 'otp-zh', helpful: true, agentId: 'A-1', at: 5 },
      ]);
      expect(await db.knowledgeGaps.count()).toBe(0);
    });

    it('counts a not-helpful vote as a gap too', async () => {
      await recordFeedback(db, { query: 'refund link', entryId: 'e1', helpful: false, agentId: 'A-1' }, 5);
      expect(await db.knowledgeGaps.toArray()).toEqual([
        { key: 'not-helpful:refund link', kind: 'not-helpful', text: 'refund link', count: 1, firstAt: 5, lastAt: 5 },
      ]);
    });

    it('stores a not-helpful vote on an empty query without a gap', async () => {
      await recordFeedback(db, { query: '  ', entryId: 'e1', helpful: false, agentId: 'A-1' }, 5);
      expect(await db.feedback.count()).toBe(1);
      expect(await db.knowledgeGaps.count()).toBe(0);
    });
  });

  it(`ranks by the newest ${FEEDBACK_HISTORY} votes, newest first`, async () => {
    await db.feedback.bulkAdd(
      Array.from({ length: FEEDBACK_HISTORY + 5 }, (_, i) => ({
        query: `q${i}`,
        entryId: 'e',
        helpful: true,
        agentId: 'A-1',
        at: i,
      })),
    );
    const recent = await recentFeedback(db);
    expect(recent).toHaveLength(FEEDBACK_HISTORY);
    expect(recent[0]?.at).toBe(FEEDBACK_HISTORY + 4);
    expect(recent.at(-1)?.at).toBe(5);
  });

  it('lists the most-asked gaps first, then the most recent', async () => {
    const gap = (key: string, count: number, lastAt: number): KnowledgeGapRecord => ({
      key,
      kind: 'search',
      text: key,
      count,
      firstAt: 0,
      lastAt,
    });
    await db.knowledgeGaps.bulkAdd([gap('a', 1, 9), gap('b', 3, 1), gap('c', 1, 10), gap('d', 3, 2)]);
    expect((await listGaps(db)).map((g) => g.key)).toEqual(['d', 'b', 'c', 'a']);
  });
});

describe('gapsToCsv', () => {
  it('writes a spreadsheet-ready CSV with a BOM, quoting commas and quotes', () => {
    const gaps: KnowledgeGapRecord[] = [
      { key: 'k1', kind: 'search', text: 'card, blocked', count: 2, firstAt: 0, lastAt: 1_000 },
      { key: 'k2', kind: 'not-helpful', text: 'say "refund"', count: 1, firstAt: 86_400_000, lastAt: 86_400_000 },
    ];
    expect(gapsToCsv(gaps)).toBe(
      '\uFEFFtext,kind,count,first_seen,last_seen\r\n' +
        '"card, blocked",search,2,1970-01-01T00:00:00.000Z,1970-01-01T00:00:01.000Z\r\n' +
        '"say ""refund""",not-helpful,1,1970-01-02T00:00:00.000Z,1970-01-02T00:00:00.000Z\r\n',
    );
  });

  it('quotes a gap that a spreadsheet would run as a formula', () => {
    const gap: KnowledgeGapRecord = {
      key: 'k',
      kind: 'search',
      text: '=HYPERLINK("http://evil.example","refund")',
      count: 1,
      firstAt: 0,
      lastAt: 0,
    };
    expect(gapsToCsv([gap]).split('\r\n')[1]).toBe(
      `"'=HYPERLINK(""http://evil.example"",""refund"")",search,1,1970-01-01T00:00:00.000Z,1970-01-01T00:00:00.000Z`,
    );
  });

  it('writes only the header line when there are no gaps, with no blank line after it', () => {
    expect(gapsToCsv([])).toBe('\uFEFFtext,kind,count,first_seen,last_seen\r\n');
  });
});
