import { describe, expect, it } from 'vitest';
import type { ChecklistDefinition } from '@/utils/checklists/checklist-definition';
import type { ChecklistRun, StepRecord } from '@/utils/checklists/checklist-run';
import { digestRun, noteRunsOf, noteSearchRow, summarizeNote } from '@/utils/review/note-summary';
import { makeNote } from '../../../fixtures/factories';

const text = { en: 'x', 'zh-CN': '某' };
/** Was the money debited? Yes leads to the transaction details; no goes straight to the outcome. */
const transfer: ChecklistDefinition = {
  id: 'transfer',
  version: 2,
  title: text,
  triggers: { tags: [], keywords: [] },
  steps: [
    { id: 'error', kind: 'check', required: true, text },
    { id: 'tips', kind: 'check', required: false, text },
    {
      id: 'debited',
      kind: 'choice',
      required: true,
      text,
      options: [
        { id: 'yes', label: text, next: 'details' },
        { id: 'no', label: text, next: 'outcome' },
      ],
    },
    { id: 'details', kind: 'check', required: true, text },
    { id: 'outcome', kind: 'check', required: true, text },
  ],
};

const done = (at: number, value?: string): StepRecord => ({ status: 'done', at, ...(value ? { value } : {}) });
const run = (steps: Record<string, StepRecord>, completedAt: number | null = null): ChecklistRun => ({
  id: 'r1',
  checklistId: 'transfer',
  version: 2,
  startedAt: 1_000,
  completedAt,
  lastAt: completedAt ?? 1_000,
  steps,
});

describe('digestRun', () => {
  it.each<[string, ChecklistRun, object]>([
    [
      'a run just started: the path stops at the unanswered choice',
      run({}),
      { complete: false, compliant: false, timeToComplete: null, skipped: [], missed: ['error', 'debited'] },
    ],
    [
      'a run on the "no" branch with the optional step left open: not complete, but compliant',
      run({ error: done(1_100), debited: done(1_200, 'no'), outcome: done(1_300) }, 1_300),
      { complete: false, compliant: true, timeToComplete: null, skipped: [], missed: [] },
    ],
    [
      'the same run with the optional step ticked too',
      run({ error: done(1_100), tips: done(1_150), debited: done(1_200, 'no'), outcome: done(1_300) }, 1_300),
      { complete: true, compliant: true, timeToComplete: 300, skipped: [], missed: [] },
    ],
    [
      'a run on the "yes" branch with a required step skipped',
      run(
        {
          error: done(1_100),
          tips: { status: 'skipped', at: 1_150 },
          debited: done(1_200, 'yes'),
          details: { status: 'skipped', skipReason: 'caller hung up', at: 1_250 },
          outcome: done(1_300),
        },
        1_300,
      ),
      {
        complete: true,
        compliant: false,
        timeToComplete: 300,
        skipped: [{ stepId: 'details', reason: 'caller hung up' }],
        missed: [],
      },
    ],
    [
      'a run on the "yes" branch with the details left pending',
      run({ error: done(1_100), debited: done(1_200, 'yes') }),
      { complete: false, compliant: false, skipped: [], missed: ['details', 'outcome'] },
    ],
  ])('%s', (_name, r, expected) => {
    expect(digestRun(transfer, r)).toMatchObject({
      checklistId: 'transfer',
      version: 2,
      startedAt: 1_000,
      ...expected,
    });
  });

  it('counts a run whose definition is gone as neither complete nor compliant', () => {
    expect(digestRun(undefined, run({ error: done(1_100) }, 2_000))).toEqual({
      checklistId: 'transfer',
      version: 2,
      startedAt: 1_000,
      complete: false,
      compliant: false,
      timeToComplete: null,
      skipped: [],
      missed: [],
    });
  });
});

describe('summarizeNote', () => {
  const compliantRun = run(
    { error: done(1_100), tips: done(1_150), debited: done(1_200, 'no'), outcome: done(1_300) },
    1_300,
  );

  it('keeps what Review filters on and a short excerpt', () => {
    const note = makeNote({
      id: 'n7',
      createdAt: 10,
      endedAt: 20,
      agentId: 'A-7',
      agentName: 'Wang',
      crm: { site: 'zendesk', url: 'https://x.zendesk.com/agent/tickets/42', caseId: '42', customerRef: 'C-1' },
      category: 'transfer',
      outcome: 'resolved',
      text: `  Transfer\n\nfailed   twice. ${'x'.repeat(200)}`,
      review: { status: 'reviewed', requested: true, reviewer: 'Li', reviewedAt: 30, comments: [] },
    });
    const summary = summarizeNote(note, () => transfer);
    expect(summary).toEqual({
      id: 'n7',
      createdAt: 10,
      endedAt: 20,
      agentId: 'A-7',
      agentName: 'Wang',
      site: 'zendesk',
      caseId: '42',
      category: 'transfer',
      outcome: 'resolved',
      reviewStatus: 'reviewed',
      reviewRequested: true,
      compliant: null,
      runs: [],
      excerpt: `Transfer failed twice. ${'x'.repeat(117)}`,
    });
    expect(summary.excerpt).toHaveLength(140);
  });

  it.each<[string, ChecklistRun[], boolean | null]>([
    ['no checklist', [], null],
    ['every run compliant', [compliantRun, { ...compliantRun, id: 'r2' }], true],
    ['one run not compliant', [compliantRun, run({ error: done(1_100) })], false],
  ])('is compliant for %s: %j', (_name, runs, compliant) => {
    expect(summarizeNote(makeNote({ checklistRuns: runs }), () => transfer).compliant).toBe(compliant);
  });

  it('asks for the definition of each run by its own id and version', () => {
    const asked: string[] = [];
    summarizeNote(
      makeNote({ checklistRuns: [compliantRun, { ...compliantRun, checklistId: 'fraud', version: 1 }] }),
      (r) => {
        asked.push(`${r.checklistId}@${r.version}`);
        return undefined;
      },
    );
    expect(asked).toEqual(['transfer@2', 'fraud@1']);
  });

  it('has no site or case for a note taken without a CRM page', () => {
    expect(summarizeNote(makeNote({ crm: null }), () => undefined)).toMatchObject({ site: null, caseId: null });
  });
});

describe('noteRunsOf', () => {
  it('is null for a note without checklist runs', () => {
    expect(noteRunsOf(summarizeNote(makeNote(), () => transfer))).toBeNull();
  });

  it('keeps only what Compliance reads', () => {
    const summary = summarizeNote(makeNote({ id: 'n1', createdAt: 5, checklistRuns: [run({})] }), () => transfer);
    expect(noteRunsOf(summary)).toEqual({
      id: 'n1',
      createdAt: 5,
      agentId: 'A-1',
      agentName: 'Lin',
      runs: summary.runs,
    });
  });
});

describe('noteSearchRow', () => {
  it('holds the words of the text, tags, case id and FAQ questions used, each once', () => {
    const row = noteSearchRow(
      makeNote({
        id: 'n1',
        text: 'Wallet card refund, card again',
        tags: ['fraud'],
        crm: { site: 'demo', url: 'https://crm.example.com/', caseId: 'WLT-1042', customerRef: null },
        faqUsed: [{ entryId: 'e1', question: 'How to unlock account', action: 'copied', at: 1 }],
      }),
    );
    expect(row.id).toBe('n1');
    expect(row.terms).toEqual(
      expect.arrayContaining(['wallet', 'card', 'refund', 'fraud', '1042', 'unlock', 'account']),
    );
    expect(new Set(row.terms).size).toBe(row.terms.length);
  });

  it('keeps at most 400 terms, the first ones in the note', () => {
    const words = Array.from({ length: 1_000 }, (_, i) => `z${i}q`);
    const { terms } = noteSearchRow(makeNote({ text: words.join(' ') }));
    expect(terms).toHaveLength(400);
    expect(terms.slice(0, 3)).toEqual(['z0q', 'z1q', 'z2q']);
  });

  it('holds nothing for an empty note', () => {
    expect(noteSearchRow(makeNote()).terms).toEqual([]);
  });
});
