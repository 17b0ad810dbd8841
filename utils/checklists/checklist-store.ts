import type { AgentAssistDatabase } from '../db/database';
import { isOverBytes, readTextFile } from '../download';
import { FILE, type FileIssue } from '../file-issues';
import { BUILT_IN_CHECKLISTS } from './built-in-checklists';
import {
  CHECKLIST_LIMITS,
  type ChecklistDefinition,
  ChecklistDefinitionError,
  parseChecklistDefinition,
} from './checklist-definition';

export const CHECKLISTS_FORMAT = 'agent-assist-checklists';
const MAX_REPORTED_ISSUES = 50;

export interface Checklists {
  /** The newest version of each checklist: imported ones override the built-in ones. */
  active: ChecklistDefinition[];
  /** Any version by id and version number, for showing runs started on an older one. */
  byVersion: (id: string, version: number) => ChecklistDefinition | undefined;
}

export async function loadChecklists(db: AgentAssistDatabase): Promise<Checklists> {
  const all = [...BUILT_IN_CHECKLISTS, ...(await db.checklistDefinitions.toArray()).map((record) => record.definition)];
  const newest = new Map<string, ChecklistDefinition>();
  for (const definition of all) {
    const current = newest.get(definition.id);
    if (!current || definition.version > current.version) newest.set(definition.id, definition);
  }
  const byKey = new Map(all.map((definition) => [`${definition.id}@${definition.version}`, definition]));
  return { active: [...newest.values()], byVersion: (id, version) => byKey.get(`${id}@${version}`) };
}

const tooLarge = () =>
  new ChecklistDefinitionError([
    { place: FILE, reason: 'issueFileTooLarge', args: [CHECKLIST_LIMITS.maxBytes / 1024 / 1024] },
  ]);

/** Reads and parses a checklist file, refusing one over the size limit before reading it. */
export async function readChecklistFile(file: Blob): Promise<ChecklistDefinition[]> {
  return parseChecklistFile(await readTextFile(file, CHECKLIST_LIMITS.maxBytes, tooLarge));
}

/**
 * Reads a checklist file: one definition, or `{ "format": "agent-assist-checklists",
 * "version": 1, "checklists": [...] }`. Errors name the checklist, step and field.
 */
export function parseChecklistFile(text: string): ChecklistDefinition[] {
  if (isOverBytes(text, CHECKLIST_LIMITS.maxBytes)) throw tooLarge();
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ChecklistDefinitionError([
      { place: FILE, reason: 'issueNotJsonDetail', args: [(error as Error).message] },
    ]);
  }
  const file = data as { format?: unknown; version?: unknown; checklists?: unknown };
  if (file?.format !== CHECKLISTS_FORMAT) return [parseChecklistDefinition(data)];
  if (file.version !== 1)
    throw new ChecklistDefinitionError([{ place: FILE, field: 'version', reason: 'issueOnlyVersion1' }]);
  if (!Array.isArray(file.checklists) || file.checklists.length === 0) {
    throw new ChecklistDefinitionError([{ place: FILE, field: 'checklists', reason: 'issueMustBeNonEmptyList' }]);
  }
  if (file.checklists.length > CHECKLIST_LIMITS.maxChecklists) {
    throw new ChecklistDefinitionError([
      {
        place: FILE,
        field: 'checklists',
        reason: 'issueTooManyChecklists',
        args: [file.checklists.length, CHECKLIST_LIMITS.maxChecklists],
      },
    ]);
  }
  const issues: FileIssue[] = [];
  const parsed = file.checklists.flatMap((raw, i) => {
    try {
      return [{ definition: parseChecklistDefinition(raw), position: i + 1 }];
    } catch (error) {
      const id = (raw as { id?: unknown })?.id;
      const checklist = { position: i + 1, id: typeof id === 'string' ? id : undefined };
      for (const issue of (error as ChecklistDefinitionError).issues)
        issues.push({
          ...issue,
          place: issue.place.kind === 'checklist' ? { ...issue.place, checklist } : issue.place,
        });
      return [];
    }
  });
  const seen = new Set<string>();
  for (const { definition, position } of parsed) {
    if (seen.has(definition.id))
      issues.push({
        place: { kind: 'checklist', checklist: { position, id: definition.id } },
        field: 'id',
        reason: 'issueChecklistTwice',
      });
    seen.add(definition.id);
  }
  if (issues.length > 0) throw new ChecklistDefinitionError(issues.slice(0, MAX_REPORTED_ISSUES));
  return parsed.map(({ definition }) => definition);
}

function sameContent(a: ChecklistDefinition, b: ChecklistDefinition): boolean {
  return JSON.stringify({ ...a, version: 0 }) === JSON.stringify({ ...b, version: 0 });
}

export interface ChecklistImportResult {
  added: string[];
  updated: { id: string; version: number }[];
  unchanged: string[];
}

/** Stores imported definitions; a changed checklist becomes a new version, runs keep the one they started with. */
export async function importChecklists(
  db: AgentAssistDatabase,
  definitions: readonly ChecklistDefinition[],
  now = Date.now(),
): Promise<ChecklistImportResult> {
  return db.transaction('rw', db.checklistDefinitions, async () => {
    const { active } = await loadChecklists(db);
    const result: ChecklistImportResult = { added: [], updated: [], unchanged: [] };
    for (const definition of definitions) {
      const current = active.find((d) => d.id === definition.id);
      if (current && sameContent(current, definition)) {
        result.unchanged.push(definition.id);
        continue;
      }
      const version = current ? current.version + 1 : definition.version;
      await db.checklistDefinitions.put({
        id: definition.id,
        version,
        importedAt: now,
        definition: { ...definition, version },
      });
      if (current) result.updated.push({ id: definition.id, version });
      else result.added.push(definition.id);
    }
    return result;
  });
}

export function checklistsToJson(definitions: readonly ChecklistDefinition[]): string {
  return `${JSON.stringify({ format: CHECKLISTS_FORMAT, version: 1, checklists: definitions }, null, 2)}\n`;
}
