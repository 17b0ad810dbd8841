import * as v from 'valibot';

const LocalizedText = v.object({
  en: v.pipe(v.string(), v.trim(), v.nonEmpty('English text is empty'), v.maxLength(500)),
  'zh-CN': v.pipe(v.string(), v.trim(), v.nonEmpty('Chinese text is empty'), v.maxLength(500)),
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
  v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case kebab-case'),
  v.maxLength(60),
  v.check((id) => !RESERVED_IDS.has(id), 'is a reserved name'),
);

const Triggers = v.pipe(
  v.array(
    v.pipe(
      v.string(),
      v.nonEmpty('is empty'),
      v.maxLength(CHECKLIST_LIMITS.maxTriggerLength, `is longer than ${CHECKLIST_LIMITS.maxTriggerLength} characters`),
    ),
  ),
  v.maxLength(CHECKLIST_LIMITS.maxTriggers, `has more than ${CHECKLIST_LIMITS.maxTriggers} items`),
);

export const INPUT_FORMATS = ['text', 'reference', 'amount', 'datetime'] as const;

const StepSchema = v.object({
  id: Id,
  kind: v.picklist(['check', 'input', 'choice'], 'must be "check", "input" or "choice"'),
  required: v.boolean('must be true or false'),
  text: LocalizedText,
  help: v.optional(LocalizedText),
  next: v.optional(Id),
  options: v.optional(
    v.pipe(
      v.array(v.object({ id: Id, label: LocalizedText, next: v.optional(Id) })),
      v.nonEmpty('a choice needs at least one option'),
    ),
  ),
  input: v.optional(
    v.object({
      format: v.picklist(INPUT_FORMATS, `must be one of ${INPUT_FORMATS.join(', ')}`),
      placeholder: v.optional(LocalizedText),
    }),
  ),
});

export const ChecklistDefinitionSchema = v.object({
  id: Id,
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  title: LocalizedText,
  triggers: v.object({ tags: Triggers, keywords: Triggers }),
  steps: v.pipe(v.array(StepSchema), v.nonEmpty('a checklist needs at least one step'), v.maxLength(100)),
});

export type ChecklistDefinition = v.InferOutput<typeof ChecklistDefinitionSchema>;
export type ChecklistStep = ChecklistDefinition['steps'][number];
export type InputFormat = (typeof INPUT_FORMATS)[number];

export interface ChecklistIssue {
  /** "checklist", or "step 3 (verify-identity)". */
  where: string;
  field?: string;
  reason: string;
}

export class ChecklistDefinitionError extends Error {
  constructor(readonly issues: ChecklistIssue[]) {
    super(issues.map((issue) => `${issue.where}${issue.field ? `, ${issue.field}` : ''}: ${issue.reason}`).join('\n'));
    this.name = 'ChecklistDefinitionError';
  }
}

function placeOf(path: readonly { key?: unknown }[] | undefined, raw: unknown): ChecklistIssue {
  const keys = (path ?? []).map((item) => item.key);
  if (keys[0] === 'steps' && typeof keys[1] === 'number') {
    const step = (raw as { steps?: { id?: unknown }[] }).steps?.[keys[1]];
    const id = typeof step?.id === 'string' ? ` (${step.id})` : '';
    return { where: `step ${keys[1] + 1}${id}`, field: keys.slice(2).join('.') || undefined, reason: '' };
  }
  return { where: 'checklist', field: keys.join('.') || undefined, reason: '' };
}

/** Rules the schema cannot say: unique step ids, jumps that go forward to a real step, kinds with their parts. */
function checkStructure(definition: ChecklistDefinition): ChecklistIssue[] {
  const issues: ChecklistIssue[] = [];
  const positions = new Map<string, number>();
  definition.steps.forEach((step, i) => {
    const where = `step ${i + 1} (${step.id})`;
    if (positions.has(step.id)) issues.push({ where, field: 'id', reason: `duplicate step id "${step.id}"` });
    positions.set(step.id, i);
    if (step.kind === 'choice' && !step.options)
      issues.push({ where, field: 'options', reason: 'a choice needs options' });
    if (step.kind !== 'choice' && step.options)
      issues.push({ where, field: 'options', reason: `only a choice has options` });
    if (step.kind === 'input' && !step.input)
      issues.push({ where, field: 'input', reason: 'an input needs "input.format"' });
  });
  definition.steps.forEach((step, i) => {
    const where = `step ${i + 1} (${step.id})`;
    const jumps = [
      ...(step.next ? [{ field: 'next', target: step.next }] : []),
      ...(step.options ?? []).flatMap((option, o) =>
        option.next ? [{ field: `options.${o}.next`, target: option.next }] : [],
      ),
    ];
    for (const { field, target } of jumps) {
      const to = positions.get(target);
      if (to === undefined) issues.push({ where, field, reason: `no step "${target}"` });
      else if (to <= i) issues.push({ where, field, reason: `jumps back to "${target}"; jumps go forward only` });
    }
  });
  return issues;
}

/** Validates a checklist definition; errors name the step and field. */
export function parseChecklistDefinition(raw: unknown): ChecklistDefinition {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ChecklistDefinitionError([{ where: 'checklist', reason: 'must be an object' }]);
  }
  const result = v.safeParse(ChecklistDefinitionSchema, raw);
  if (!result.success) {
    throw new ChecklistDefinitionError(
      result.issues.slice(0, 50).map((issue) => ({ ...placeOf(issue.path, raw), reason: issue.message })),
    );
  }
  const structural = checkStructure(result.output);
  if (structural.length > 0) throw new ChecklistDefinitionError(structural);
  return result.output;
}
