import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_CHECKLISTS } from '@/utils/checklists/built-in-checklists';
import type { ChecklistDefinition } from '@/utils/checklists/checklist-definition';
import {
  applyAction,
  type ChecklistRun,
  pathOf,
  type RunAction,
  type StepAction,
  startRun,
  summarizeRun,
  validateInput,
} from '@/utils/checklists/checklist-run';

const transfer = BUILT_IN_CHECKLISTS.find((d) => d.id === 'transfer-failure')!;

function run(definition: ChecklistDefinition, actions: readonly StepAction[], start = 1_000): ChecklistRun {
  let current = startRun(definition, 'r1', start);
  actions.forEach((action, i) => {
    const result = applyAction(definition, current, { ...action, at: start + (i + 1) * 1_000 } as RunAction);
    if (result.error) throw new Error(`${action.type} ${action.stepId}: ${result.error}`);
    current = result.run;
  });
  return current;
}

const ids = (definition: ChecklistDefinition, r: ChecklistRun) => pathOf(definition, r).steps.map((s) => s.id);

describe('transfer-failure branches on "was the money debited?"', () => {
  const base = [
    { type: 'set-value', stepId: 'error-message', value: 'Recipient account unavailable' },
    { type: 'tick', stepId: 'check-basics' },
    { type: 'tick', stepId: 'check-recipient' },
  ] as const;

  it('stops the known path at the unanswered choice', () => {
    expect(ids(transfer, run(transfer, [...base])).at(-1)).toBe('money-debited');
    expect(pathOf(transfer, run(transfer, [...base])).open).toBe(true);
  });

  it('"no" goes to a retry and then the outcome', () => {
    const r = run(transfer, [...base, { type: 'set-value', stepId: 'money-debited', value: 'no' }]);
    expect(ids(transfer, r).slice(-2)).toEqual(['guide-retry', 'outcome']);
    expect(ids(transfer, r)).not.toContain('transaction-id');
  });

  it('"yes" records the transaction and is compliant when every required step is done', () => {
    const r = run(transfer, [
      ...base,
      { type: 'set-value', stepId: 'money-debited', value: 'yes' },
      { type: 'set-value', stepId: 'transaction-id', value: 'TX20240501000123' },
      { type: 'set-value', stepId: 'transaction-time', value: 'yesterday 14:30' },
      { type: 'set-value', stepId: 'transaction-amount', value: '¥2,000.00' },
      { type: 'tick', stepId: 'open-investigation' },
      { type: 'tick', stepId: 'state-timeframe' },
      { type: 'set-value', stepId: 'outcome', value: 'escalated' },
    ]);
    expect(ids(transfer, r)).not.toContain('guide-retry');
    expect(summarizeRun(transfer, r)).toMatchObject({ complete: true, compliant: true, timeToComplete: 10_000 });
  });

  it('a required step skipped with a reason completes the run but not compliantly', () => {
    const r = run(transfer, [
      ...base,
      { type: 'set-value', stepId: 'money-debited', value: 'no' },
      { type: 'skip', stepId: 'guide-retry', reason: 'customer had to leave' },
      { type: 'set-value', stepId: 'outcome', value: 'follow-up' },
    ]);
    expect(summarizeRun(transfer, r)).toMatchObject({
      complete: true,
      compliant: false,
      skippedRequired: [{ stepId: 'guide-retry', reason: 'customer had to leave' }],
    });
  });

  it('keeps the definition version it started with', () => {
    expect(run(transfer, []).version).toBe(transfer.version);
  });
});

describe('compliance counts only the required steps on the path taken', () => {
  const text = { en: 'x', 'zh-CN': '某' };
  const mini: ChecklistDefinition = {
    id: 'mini',
    version: 1,
    title: text,
    triggers: { tags: [], keywords: [] },
    steps: [
      { id: 'verify', kind: 'check', required: true, text },
      { id: 'tips', kind: 'check', required: false, text },
      {
        id: 'extra',
        kind: 'choice',
        required: false,
        text,
        options: [
          { id: 'more', label: text, next: 'more-help' },
          { id: 'none', label: text, next: 'outcome' },
        ],
      },
      { id: 'more-help', kind: 'check', required: true, text },
      { id: 'outcome', kind: 'check', required: true, text },
    ],
  };
  const answered = [
    { type: 'tick', stepId: 'verify' },
    { type: 'set-value', stepId: 'extra', value: 'none' },
    { type: 'tick', stepId: 'outcome' },
  ] as const;

  it.each<[string, readonly StepAction[], { complete: boolean; compliant: boolean }]>([
    ['every required step done, an optional one left open', answered, { complete: false, compliant: true }],
    [
      'every required step done, the optional one skipped without a reason',
      [...answered, { type: 'skip', stepId: 'tips', reason: '' }],
      { complete: true, compliant: true },
    ],
    ['every step done', [...answered, { type: 'tick', stepId: 'tips' }], { complete: true, compliant: true }],
    [
      'a required step left open',
      [
        { type: 'tick', stepId: 'verify' },
        { type: 'set-value', stepId: 'extra', value: 'none' },
      ],
      { complete: false, compliant: false },
    ],
    [
      'a required step skipped',
      [
        { type: 'skip', stepId: 'verify', reason: 'caller hung up' },
        { type: 'set-value', stepId: 'extra', value: 'none' },
        { type: 'tick', stepId: 'outcome' },
      ],
      { complete: false, compliant: false },
    ],
    [
      'an optional choice unanswered, so the path taken is not known',
      [
        { type: 'tick', stepId: 'verify' },
        { type: 'tick', stepId: 'tips' },
      ],
      { complete: false, compliant: false },
    ],
  ])('%s', (_name, actions, expected) => {
    expect(summarizeRun(mini, run(mini, actions))).toMatchObject(expected);
  });
});

describe('refused actions', () => {
  const fresh = startRun(transfer, 'r', 0);
  it.each([
    [{ type: 'skip', stepId: 'check-basics', reason: '  ' }, 'reason-required'],
    [{ type: 'tick', stepId: 'nope' }, 'unknown-step'],
    [{ type: 'tick', stepId: 'error-message' }, 'wrong-kind'],
    [{ type: 'set-value', stepId: 'transaction-id', value: 'TX1' }, 'not-on-path'],
    [{ type: 'set-value', stepId: 'error-message', value: '' }, 'empty-value'],
    [{ type: 'set-value', stepId: 'error-message', value: '4111 1111 1111 1111' }, 'looks-like-card'],
    [{ type: 'set-value', stepId: 'error-message', value: '482913' }, 'looks-like-code'],
    [{ type: 'set-value', stepId: 'error-message', value: 'the code is 482913' }, 'looks-like-code'],
    [{ type: 'set-value', stepId: 'money-debited', value: 'maybe' }, 'unknown-option'],
  ] as const)('%j -> %s', (action, error) => {
    expect(applyAction(transfer, fresh, { ...action, at: 1 } as RunAction)).toEqual({ error });
  });
});

describe('validateInput', () => {
  const step = (format: 'text' | 'reference' | 'amount' | 'datetime') => ({
    id: 's',
    kind: 'input' as const,
    required: true,
    text: { en: 'x', 'zh-CN': 'x' },
    input: { format },
  });
  it.each([
    ['reference', 'TX20240501000123', null],
    ['reference', '<script>', 'bad-format'],
    ['amount', '¥2,000.50', null],
    ['amount', '2000元', null],
    ['amount', 'two thousand', 'bad-format'],
    ['amount', '5000', null],
    ['datetime', '昨天下午三点', null],
    ['text', 'x'.repeat(201), 'too-long'],
    ['text', 'PIN 1234', 'looks-like-code'],
    ['text', '身份证 11010519491231002X', 'looks-like-code'],
  ] as const)('%s %j -> %s', (format, value, expected) => {
    expect(validateInput(step(format), value)).toBe(expected);
  });
});

describe('runner properties (random action sequences)', () => {
  const actionFor = (definition: ChecklistDefinition) =>
    fc.record({
      step: fc.constantFrom(...definition.steps),
      kind: fc.constantFrom('tick', 'untick', 'skip', 'reopen', 'value'),
      value: fc.oneof(
        fc.constant(''),
        fc.string({ maxLength: 30 }),
        fc.constantFrom('TX123456789', '¥100', '4111111111111111'),
      ),
      reason: fc.oneof(fc.constant(''), fc.string({ maxLength: 20 })),
      dt: fc.integer({ min: -5_000, max: 60_000 }),
    });

  it.each(BUILT_IN_CHECKLISTS.map((d) => [d.id, d] as const))(
    '%s: state stays valid, time never goes back, completion only when resolved',
    (_id, definition) => {
      fc.assert(
        fc.property(fc.array(actionFor(definition), { maxLength: 60 }), (steps) => {
          let current = startRun(definition, 'r', 1_000_000);
          let clock = 1_000_000;
          for (const step of steps) {
            clock += step.dt;
            const option = step.step.options?.[Math.abs(step.dt) % step.step.options.length]?.id;
            const action = {
              tick: { type: 'tick', stepId: step.step.id, at: clock },
              untick: { type: 'untick', stepId: step.step.id, at: clock },
              reopen: { type: 'reopen', stepId: step.step.id, at: clock },
              skip: { type: 'skip', stepId: step.step.id, reason: step.reason, at: clock },
              value: { type: 'set-value', stepId: step.step.id, value: option ?? step.value, at: clock },
            }[step.kind] as RunAction;
            const before = current;
            const result = applyAction(definition, current, action);
            if (result.error) {
              expect(current).toBe(before);
              continue;
            }
            current = result.run;
            expect(current.lastAt).toBeGreaterThanOrEqual(before.lastAt);
            for (const record of Object.values(current.steps)) {
              expect(['pending', 'done', 'skipped']).toContain(record.status);
              expect(record.at).toBeLessThanOrEqual(current.lastAt);
              if (record.status === 'skipped') expect(typeof record.skipReason).toBe('string');
            }
            const summary = summarizeRun(definition, current);
            const { steps: path, open } = pathOf(definition, current);
            const allResolved =
              !open && path.every((s) => ['done', 'skipped'].includes(current.steps[s.id]?.status ?? 'pending'));
            expect(summary.complete).toBe(allResolved);
            expect(current.completedAt !== null).toBe(allResolved);
            if (current.completedAt !== null) expect(current.completedAt).toBeGreaterThanOrEqual(current.startedAt);
            expect(summary.compliant).toBe(
              !open && path.filter((s) => s.required).every((s) => current.steps[s.id]?.status === 'done'),
            );
            // Card numbers and codes never reach a stored value.
            for (const record of Object.values(current.steps))
              expect(record.value ?? '').not.toMatch(/4111111111111111/);
          }
        }),
        { numRuns: 300 },
      );
    },
  );
});
