import { describe, expect, it } from 'vitest';
import { complianceCsvRows, complianceReport, median } from '@/utils/compliance/compliance-report';
import type { NoteSummary, RunDigest } from '@/utils/review/note-summary';
import { dayStart } from '@/utils/review/review-filter';

const at = (day: string, hour = 10) => dayStart(day) + hour * 3_600_000;
const run = (checklistId: string, overrides: Partial<RunDigest> = {}): RunDigest => ({
  checklistId,
  version: 1,
  startedAt: 0,
  complete: true,
  compliant: true,
  timeToComplete: 60_000,
  skipped: [],
  missed: [],
  ...overrides,
});
const note = (id: string, agentId: string, day: string, runs: RunDigest[]): NoteSummary => ({
  id,
  createdAt: at(day),
  endedAt: at(day, 11),
  agentId,
  agentName: agentId === 'a1' ? 'Lin' : 'Wang',
  site: 'demo',
  caseId: id,
  category: null,
  outcome: 'resolved',
  reviewStatus: 'unreviewed',
  reviewRequested: false,
  compliant: runs.length ? runs.every((r) => r.compliant) : null,
  runs,
  excerpt: '',
});

/**
 * Worked by hand: 6 calls, 6 runs (lockout 4, fraud 2).
 * lockout: n1 ok 60s, n2 skipped verify-identity "no time" 120s, n3 ok 30s, n5 open (missed outcome) -> 2/4 compliant, median of 60,120,30 = 60s.
 * fraud:   n4 skipped stop-contact "customer refused" 300s, n6 ok 90s -> 1/2.
 * a1 (Lin): n1, n2, n4 -> 1/3.  a2 (Wang): n3, n5, n6 -> 2/3.  Days: 11-01 n1 n2; 11-02 n3 n4; 11-03 n5 n6.
 */
const summaries = [
  note('n1', 'a1', '2026-11-01', [run('lockout')]),
  note('n2', 'a1', '2026-11-01', [
    run('lockout', {
      compliant: false,
      timeToComplete: 120_000,
      skipped: [{ stepId: 'verify-identity', reason: 'no time' }],
    }),
  ]),
  note('n3', 'a2', '2026-11-02', [run('lockout', { timeToComplete: 30_000 })]),
  note('n4', 'a1', '2026-11-02', [
    run('fraud', {
      compliant: false,
      timeToComplete: 300_000,
      skipped: [{ stepId: 'stop-contact', reason: 'customer refused' }],
    }),
  ]),
  note('n5', 'a2', '2026-11-03', [
    run('lockout', { complete: false, compliant: false, timeToComplete: null, missed: ['outcome'] }),
  ]),
  note('n6', 'a2', '2026-11-03', [run('fraud', { timeToComplete: 90_000 })]),
  note('n7', 'a2', '2026-11-03', []),
];
const all = { from: null, to: null, checklistId: null, agentId: null };

describe('complianceReport (hand-worked fixture)', () => {
  const report = complianceReport(summaries, all);

  it('per checklist: runs, compliance rate, median time', () => {
    expect(
      report.byChecklist.map((c) => [
        c.checklistId,
        c.figures.runs,
        c.figures.compliant,
        c.figures.rate,
        c.figures.medianTime,
      ]),
    ).toEqual([
      ['fraud', 2, 1, 0.5, 195_000],
      ['lockout', 4, 2, 0.5, 60_000],
    ]);
  });

  it('per agent', () => {
    expect(report.byAgent.map((a) => [a.agentName, a.figures.runs, a.figures.compliant])).toEqual([
      ['Lin', 3, 1],
      ['Wang', 3, 2],
    ]);
  });

  it('skipped steps with their reasons, and the most-missed required steps', () => {
    const lockout = report.byChecklist.find((c) => c.checklistId === 'lockout')!.figures;
    expect(lockout.skipped).toEqual([
      { stepId: 'verify-identity', count: 1, reasons: [{ reason: 'no time', count: 1 }] },
    ]);
    expect(lockout.mostMissed).toEqual([
      { stepId: 'outcome', count: 1 },
      { stepId: 'verify-identity', count: 1 },
    ]);
    expect(report.overall.mostMissed.map((s) => s.stepId)).toEqual([
      'fraud/stop-contact',
      'lockout/outcome',
      'lockout/verify-identity',
    ]);
  });

  it('daily trend', () => {
    expect(report.daily).toEqual([
      { day: '2026-11-01', runs: 2, compliant: 1, rate: 0.5 },
      { day: '2026-11-02', runs: 2, compliant: 1, rate: 0.5 },
      { day: '2026-11-03', runs: 2, compliant: 1, rate: 0.5 },
    ]);
  });

  it('narrows by date range, checklist and agent', () => {
    expect(complianceReport(summaries, { ...all, from: '2026-11-02', to: '2026-11-02' }).overall).toMatchObject({
      runs: 2,
      compliant: 1,
    });
    expect(complianceReport(summaries, { ...all, checklistId: 'fraud', agentId: 'a2' }).overall).toMatchObject({
      runs: 1,
      compliant: 1,
      rate: 1,
    });
    expect(complianceReport(summaries, { ...all, from: '2027-01-01' }).overall).toMatchObject({
      runs: 0,
      rate: null,
      medianTime: null,
    });
  });

  it('exports the figures as CSV rows', () => {
    const rows = complianceCsvRows(report);
    expect(rows[0]).toEqual([
      'group',
      'name',
      'runs',
      'compliant',
      'rate',
      'median_seconds',
      'most_missed_steps',
      'skip_reasons',
    ]);
    expect(rows.find((r) => r[1] === 'lockout')).toEqual([
      'checklist',
      'lockout',
      '4',
      '2',
      '0.5000',
      '60',
      'outcome (1)|verify-identity (1)',
      'verify-identity: no time (1)',
    ]);
  });
});

describe('median', () => {
  it.each([
    [[], null],
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
  ])('%j -> %j', (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});
