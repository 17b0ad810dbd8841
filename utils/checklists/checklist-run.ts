import { redact } from '../redact';
import type { ChecklistDefinition, ChecklistStep } from './checklist-definition';

export type StepStatus = 'pending' | 'done' | 'skipped';

export interface StepRecord {
  status: StepStatus;
  /** The typed value of an input, the option id of a choice. */
  value?: string;
  skipReason?: string;
  /** When the step last changed. */
  at: number;
}

/** One checklist worked through on a call; stored in the call note. */
export interface ChecklistRun {
  id: string;
  checklistId: string;
  /** The definition version the run started with; later versions do not change it. */
  version: number;
  startedAt: number;
  completedAt: number | null;
  /** The latest time anything happened; action times are never earlier than this. */
  lastAt: number;
  steps: Record<string, StepRecord>;
}

export type RunAction =
  | { type: 'tick'; stepId: string; at: number }
  | { type: 'untick'; stepId: string; at: number }
  | { type: 'set-value'; stepId: string; value: string; at: number }
  | { type: 'skip'; stepId: string; reason: string; at: number }
  | { type: 'reopen'; stepId: string; at: number };

/** An action as the agent takes it; the time is added when it is applied. */
export type StepAction = RunAction extends infer A ? (A extends RunAction ? Omit<A, 'at'> : never) : never;

export type RunError =
  | 'unknown-step'
  | 'not-on-path'
  | 'wrong-kind'
  | 'reason-required'
  | 'empty-value'
  | 'too-long'
  | 'bad-format'
  | 'looks-like-card'
  | 'looks-like-code'
  | 'unknown-option';

export const MAX_INPUT_LENGTH = 200;
export const MAX_REASON_LENGTH = 300;

export function startRun(definition: ChecklistDefinition, id: string, at: number): ChecklistRun {
  return {
    id,
    checklistId: definition.id,
    version: definition.version,
    startedAt: at,
    completedAt: null,
    lastAt: at,
    steps: {},
  };
}

function stepById(definition: ChecklistDefinition, id: string): ChecklistStep | undefined {
  return definition.steps.find((step) => step.id === id);
}

/** Where a step leads: the chosen option's jump, else the step's own jump, else the next step. */
function followingIndex(definition: ChecklistDefinition, index: number, record: StepRecord | undefined): number {
  const step = definition.steps[index]!;
  const chosen =
    step.kind === 'choice' && record?.status === 'done' ? step.options?.find((o) => o.id === record.value) : undefined;
  const target = chosen?.next ?? step.next;
  return target ? definition.steps.findIndex((s) => s.id === target) : index + 1;
}

/**
 * The steps on the path taken so far. An unanswered choice that branches ends the known
 * path: what comes after depends on the answer.
 */
export function pathOf(definition: ChecklistDefinition, run: ChecklistRun): { steps: ChecklistStep[]; open: boolean } {
  const steps: ChecklistStep[] = [];
  let index = 0;
  while (index >= 0 && index < definition.steps.length) {
    const step = definition.steps[index]!;
    steps.push(step);
    const record = run.steps[step.id];
    const branches = step.kind === 'choice' && step.options?.some((option) => option.next);
    if (branches && record?.status !== 'done') return { steps, open: true };
    index = followingIndex(definition, index, record);
  }
  return { steps, open: false };
}

function resolved(record: StepRecord | undefined): boolean {
  return record?.status === 'done' || record?.status === 'skipped';
}

export interface RunSummary {
  /** Steps on the path taken (known so far). */
  total: number;
  resolved: number;
  done: number;
  skipped: number;
  requiredTotal: number;
  requiredDone: number;
  /** Every step on the path is done or skipped, and the path reaches the end. */
  complete: boolean;
  /**
   * Every required step on the path taken was done, none skipped; optional steps do not count, but
   * the path must be known to its end.
   */
  compliant: boolean;
  /** Milliseconds from start to completion, when complete. */
  timeToComplete: number | null;
  skippedRequired: { stepId: string; reason: string }[];
}

export function summarizeRun(definition: ChecklistDefinition, run: ChecklistRun): RunSummary {
  const { steps, open } = pathOf(definition, run);
  const records = steps.map((step) => ({ step, record: run.steps[step.id] }));
  const required = records.filter(({ step }) => step.required);
  const complete = !open && records.every(({ record }) => resolved(record));
  return {
    total: steps.length,
    resolved: records.filter(({ record }) => resolved(record)).length,
    done: records.filter(({ record }) => record?.status === 'done').length,
    skipped: records.filter(({ record }) => record?.status === 'skipped').length,
    requiredTotal: required.length,
    requiredDone: required.filter(({ record }) => record?.status === 'done').length,
    complete,
    compliant: !open && required.every(({ record }) => record?.status === 'done'),
    timeToComplete: complete && run.completedAt !== null ? run.completedAt - run.startedAt : null,
    skippedRequired: required
      .filter(({ record }) => record?.status === 'skipped')
      .map(({ step, record }) => ({ stepId: step.id, reason: record?.skipReason ?? '' })),
  };
}

const FORMAT_PATTERNS: Record<string, RegExp> = {
  reference: /^[\p{L}\p{N}][\p{L}\p{N}\-_/#.: ]{1,63}$/u,
  amount: /^(?:[¥$€£]|rmb|cny|usd|hkd)?\s*\d[\d,]*(?:\.\d{1,2})?\s*(?:元|块|rmb|cny|usd|hkd|dollars?)?$/iu,
  datetime: /^.{1,60}$/u,
  text: /^[\s\S]{1,200}$/u,
};

/**
 * Checks a value typed into an input step. Card numbers and codes are refused: the
 * checklists never collect them, and a note must not store them.
 */
export function validateInput(step: ChecklistStep, value: string): RunError | null {
  const text = value.trim();
  if (!text) return 'empty-value';
  if (text.length > MAX_INPUT_LENGTH) return 'too-long';
  const masked = redact(text).masked;
  if (masked.some((span) => span.kind === 'card' || span.kind === 'bank-account')) return 'looks-like-card';
  if (masked.length > 0) return 'looks-like-code';
  // A bare 4-8 digit number in free text is how codes and PINs are said; references have letters or more digits.
  if (step.input?.format !== 'amount' && /^\d{4,8}$/.test(text)) return 'looks-like-code';
  if (!FORMAT_PATTERNS[step.input?.format ?? 'text']!.test(text)) return 'bad-format';
  return null;
}

function check(definition: ChecklistDefinition, run: ChecklistRun, action: RunAction): RunError | null {
  const step = stepById(definition, action.stepId);
  if (!step) return 'unknown-step';
  if (!pathOf(definition, run).steps.includes(step)) return 'not-on-path';
  switch (action.type) {
    case 'tick':
      return step.kind === 'check' ? null : 'wrong-kind';
    case 'set-value':
      if (step.kind === 'choice') return step.options?.some((o) => o.id === action.value) ? null : 'unknown-option';
      if (step.kind === 'input') return validateInput(step, action.value);
      return 'wrong-kind';
    case 'skip': {
      if (!step.required) return action.reason.length > MAX_REASON_LENGTH ? 'too-long' : null;
      const reason = action.reason.trim();
      if (!reason) return 'reason-required';
      return reason.length > MAX_REASON_LENGTH ? 'too-long' : null;
    }
    case 'untick':
    case 'reopen':
      return null;
  }
}

/**
 * Applies one agent action to a run: a new run, or the reason the action is refused.
 * Times never go back, and completion is recorded when the last step on the path resolves.
 */
export function applyAction(
  definition: ChecklistDefinition,
  run: ChecklistRun,
  action: RunAction,
): { run: ChecklistRun; error?: undefined } | { run?: undefined; error: RunError } {
  const error = check(definition, run, action);
  if (error) return { error };
  const at = Math.max(action.at, run.lastAt);
  let record: StepRecord;
  switch (action.type) {
    case 'tick':
      record = { status: 'done', at };
      break;
    case 'set-value':
      record = { status: 'done', value: action.value.trim(), at };
      break;
    case 'skip':
      record = { status: 'skipped', skipReason: redact(action.reason.trim()).text, at };
      break;
    case 'untick':
    case 'reopen':
      record = { status: 'pending', at };
      break;
  }
  const next: ChecklistRun = { ...run, lastAt: at, steps: { ...run.steps, [action.stepId]: record } };
  const complete = summarizeRun(definition, { ...next, completedAt: null }).complete;
  next.completedAt = complete ? (run.completedAt ?? at) : null;
  return { run: next };
}
