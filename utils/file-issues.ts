import type * as v from 'valibot';
import { createTranslator, isMessageKey, type MessageKey, type Translate } from './i18n';
import { storageErrorName, storageErrorReason } from './storage-error';

/** A numbered thing in a file (1-based), with its id when it has one. */
export interface Numbered {
  position: number;
  id?: string;
}

/**
 * Where in an imported file a problem is. A checklist place without either part is a definition as a
 * whole; `checklist` is its place in a checklists file and `step` one of its steps.
 */
export type IssuePlace =
  | { kind: 'file' }
  | { kind: 'line'; line: number }
  | { kind: 'entry'; position: number }
  | { kind: 'note'; position: number }
  | { kind: 'checklist'; checklist?: Numbered; step?: Numbered }
  | { kind: 'settings' }
  | { kind: 'site'; position: number };

/** One problem of an imported file: its place, the format field (as written in the file) and why. */
export interface FileIssue {
  place: IssuePlace;
  field?: string;
  reason: MessageKey;
  args?: (string | number)[];
}

export const FILE: IssuePlace = { kind: 'file' };

const ENGLISH = createTranslator('en');

function numbered(item: Numbered, plain: MessageKey, withId: MessageKey, t: Translate): string {
  return item.id === undefined ? t(plain, item.position) : t(withId, item.position, item.id);
}

export function describePlace(place: IssuePlace, t: Translate): string {
  switch (place.kind) {
    case 'file':
      return t('issuePlaceFile');
    case 'line':
      return t('issuePlaceLine', place.line);
    case 'entry':
      return t('issuePlaceEntry', place.position);
    case 'note':
      return t('issuePlaceNote', place.position);
    case 'settings':
      return t('issuePlaceSettings');
    case 'site':
      return t('issuePlaceSite', place.position);
    case 'checklist': {
      const parts = [
        ...(place.checklist
          ? [numbered(place.checklist, 'issuePlaceChecklistNumber', 'issuePlaceChecklistNumberId', t)]
          : []),
        ...(place.step ? [numbered(place.step, 'issuePlaceStep', 'issuePlaceStepId', t)] : []),
      ];
      return parts.length === 0
        ? t('issuePlaceChecklist')
        : parts.reduce((outer, inner) => t('issueJoin', outer, inner));
    }
  }
}

/** "entry 3, answer: is empty", "第 3 条，answer：不能为空": the place, the field and the reason in one locale. */
export function describeIssue(issue: FileIssue, t: Translate): string {
  const place = describePlace(issue.place, t);
  const where = issue.field
    ? t(issue.place.kind === 'note' ? 'issueNoteField' : 'issueJoin', place, issue.field)
    : place;
  return t('issueLine', where, t(issue.reason, ...(issue.args ?? [])));
}

/** A refused file; `message` is the English text, for the command line and logs. */
export class FileIssueError extends Error {
  constructor(readonly issues: readonly FileIssue[]) {
    super(issues.map((issue) => describeIssue(issue, ENGLISH)).join('\n'));
    this.name = 'FileIssueError';
  }
}

/** Lines saying why an import failed, in one locale: each issue of a refused file, or why storing it failed. */
export function describeError(error: unknown, t: Translate): string[] {
  if (error instanceof FileIssueError) return error.issues.map((issue) => describeIssue(issue, t));
  const reason = storageErrorReason(storageErrorName(error));
  if (reason) return [t(reason)];
  return [error instanceof Error ? error.message || error.name : String(error)];
}

/** A message key given to a schema as its message, so that its issues say which reason they are. */
export const schemaMessage = (key: MessageKey): string => key;

const LENGTH_CHECKS = new Set(['length', 'min_length', 'max_length', 'non_empty', 'not_length']);
const VALUE_CHECKS = new Set(['value', 'min_value', 'max_value', 'not_value', 'gt_value', 'lt_value']);

/**
 * The reason of a valibot issue: the schema's message key, whose $1 is the check's number (the limit
 * of a maxLength); otherwise a general one saying what was expected and received, in valibot's words.
 */
export function schemaIssueReason(issue: v.BaseIssue<unknown>): Pick<FileIssue, 'reason' | 'args'> {
  if (isMessageKey(issue.message)) {
    return { reason: issue.message, args: typeof issue.requirement === 'number' ? [issue.requirement] : [] };
  }
  const { expected, received } = issue;
  if (expected !== null) {
    const args = [expected, received];
    if (issue.kind === 'schema') {
      return { reason: issue.path?.at(-1)?.origin === 'key' ? 'issueMissingKey' : 'issueWrongType', args };
    }
    if (LENGTH_CHECKS.has(issue.type)) return { reason: 'issueWrongLength', args };
    if (VALUE_CHECKS.has(issue.type)) return { reason: 'issueWrongValue', args };
    if (issue.type === 'regex') return { reason: 'issueWrongFormat', args };
  }
  if (issue.type === 'integer') return { reason: 'issueNotInteger', args: [received] };
  return { reason: 'issueInvalidInput', args: [received] };
}
