import * as v from 'valibot';
import { type FileIssue, FileIssueError, type IssuePlace, schemaIssueReason, schemaMessage } from '../file-issues';

const LocalizedText = v.object({
  en: v.pipe(v.string(), v.trim(), v.nonEmpty(schemaMessage('issueChecklistEnglishEmpty')), v.maxLength(500)),
  'zh-CN': v.pipe(v.string(), v.trim(), v.nonEmpty(schemaMessage('issueChecklistChineseEmpty')), v.maxLength(500)),
});

/** Documented limits; a file past any of them is refused as a whole. */
export const CHECKLIST_LIMITS = {
  maxBytes: 1024 * 1024,
  maxChecklists: 50,
  maxTriggers: 100,
  maxTriggerLength: 100,
};

// Step ids become keys of a run's step records; these names would read the object's prototype.
const RESERVED_IDS = new Set(['constructor', 'prototype']);

const Id = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, schemaMessage('issueChecklistIdKebab')),
  v.maxLength(60),
  v.check((id) => !RESERVED_IDS.has(id), schemaMessage('issueChecklistReservedId')),
);

const Triggers = v.pipe(
  v.array(
    v.pipe(
      v.string(),
      v.nonEmpty(schemaMessage('issueIsEmpty')),
      v.maxLength(CHECKLIST_LIMITS.maxTriggerLength, schemaMessage('issueLongerThan')),
    ),
  ),
  v.maxLength(CHECKLIST_LIMITS.maxTriggers, schemaMessage('issueMoreItemsThan')),
);

export const INPUT_FORMATS = ['text', 'reference', 'amount', 'datetime'] as const;

const StepSchema = v.object({
  id: Id,
  kind: v.picklist(['check', 'input', 'choice'], schemaMessage('issueChecklistKind')),
  required: v.boolean(schemaMessage('issueTrueOrFalse')),
  text: LocalizedText,
  help: v.optional(LocalizedText),
  next: v.optional(Id),
  options: v.optional(
    v.pipe(
      v.array(v.object({ id: Id, label: LocalizedText, next: v.optional(Id) })),
      v.nonEmpty(schemaMessage('issueChecklistNeedsOption')),
    ),
  ),
  input: v.optional(
    v.object({
      format: v.picklist(INPUT_FORMATS, schemaMessage('issueChecklistInputFormat')),
      placeholder: v.optional(LocalizedText),
    }),
  ),
});

export const ChecklistDefinitionSchema = v.object({
  id: Id,
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  title: LocalizedText,
  triggers: v.object({ tags: Triggers, keywords: Triggers }),
  steps: v.pipe(v.array(StepSchema), v.nonEmpty(schemaMessage('issueChecklistNeedsStep')), v.maxLength(100)),
});

export type ChecklistDefinition = v.InferOutput<typeof ChecklistDefinitionSchema>;
export type ChecklistStep = ChecklistDefinition['steps'][number];
export type InputFormat = (typeof INPUT_FORMATS)[number];

/** A refused checklist definition; its issues name the checklist, the step and the field. */
export class ChecklistDefinitionError extends FileIssueError {
  constructor(issues: readonly FileIssue[]) {
    super(issues);
    this.name = 'ChecklistDefinitionError';
  }
}

const CHECKLIST: IssuePlace = { kind: 'checklist' };

function placeOf(path: readonly { key?: unknown }[] | undefined, raw: unknown): Pick<FileIssue, 'place' | 'field'> {
  const keys = (path ?? []).map((item) => item.key);
  if (keys[0] === 'steps' && typeof keys[1] === 'number') {
    const step = (raw as { steps?: { id?: unknown }[] }).steps?.[keys[1]];
    const id = typeof step?.id === 'string' ? step.id : undefined;
    return {
      place: { kind: 'checklist', step: { position: keys[1] + 1, id } },
      field: keys.slice(2).join('.') || undefined,
    };
  }
  return { place: CHECKLIST, field: keys.join('.') || undefined };
}

/** Rules the schema cannot say: unique step ids, jumps that go forward to a real step, kinds with their parts. */
function checkStructure(definition: ChecklistDefinition): FileIssue[] {
  const issues: FileIssue[] = [];
  const positions = new Map<string, number>();
  const stepPlace = (step: ChecklistStep, i: number): IssuePlace => ({
    kind: 'checklist',
    step: { position: i + 1, id: step.id },
  });
  definition.steps.forEach((step, i) => {
    const place = stepPlace(step, i);
    if (positions.has(step.id))
      issues.push({ place, field: 'id', reason: 'issueChecklistDuplicateStep', args: [step.id] });
    positions.set(step.id, i);
    if (step.kind === 'choice' && !step.options)
      issues.push({ place, field: 'options', reason: 'issueChecklistChoiceNeedsOptions' });
    if (step.kind !== 'choice' && step.options)
      issues.push({ place, field: 'options', reason: 'issueChecklistOnlyChoiceOptions' });
    if (step.kind === 'input' && !step.input)
      issues.push({ place, field: 'input', reason: 'issueChecklistInputNeedsFormat' });
  });
  definition.steps.forEach((step, i) => {
    const place = stepPlace(step, i);
    const jumps = [
      ...(step.next ? [{ field: 'next', target: step.next }] : []),
      ...(step.options ?? []).flatMap((option, o) =>
        option.next ? [{ field: `options.${o}.next`, target: option.next }] : [],
      ),
    ];
    for (const { field, target } of jumps) {
      const to = positions.get(target);
      if (to === undefined) issues.push({ place, field, reason: 'issueChecklistNoStep', args: [target] });
      else if (to <= i) issues.push({ place, field, reason: 'issueChecklistJumpsBack', args: [target] });
    }
  });
  return issues;
}

/** Validates a checklist definition; errors name the step and field. */
export function parseChecklistDefinition(raw: unknown): ChecklistDefinition {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ChecklistDefinitionError([{ place: CHECKLIST, reason: 'issueMustBeObject' }]);
  }
  const result = v.safeParse(ChecklistDefinitionSchema, raw);
  if (!result.success) {
    throw new ChecklistDefinitionError(
      result.issues.slice(0, 50).map((issue) => ({ ...placeOf(issue.path, raw), ...schemaIssueReason(issue) })),
    );
  }
  const structural = checkStructure(result.output);
  if (structural.length > 0) throw new ChecklistDefinitionError(structural);
  return result.output;
}
