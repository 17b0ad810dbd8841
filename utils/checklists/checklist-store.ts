import type { AgentAssistDatabase } from '../db/database';
import { isOverBytes, readTextFile } from '../download';
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
    { where: 'file', reason: `larger than ${CHECKLIST_LIMITS.maxBytes / 1024 / 1024} MB` },
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
    throw new ChecklistDefinitionError([{ where: 'file', reason: `not valid JSON (${(error as Error).message})` }]);
  }
  const file = data as { format?: unknown; version?: unknown; checklists?: unknown };
  if (file?.format !== CHECKLISTS_FORMAT) return [parseChecklistDefinition(data)];
  if (file.version !== 1)
    throw new ChecklistDefinitionError([{ where: 'file', field: 'version', reason: 'only version 1 is supported' }]);
  if (!Array.isArray(file.checklists) || file.checklists.length === 0) {
    throw new ChecklistDefinitionError([{ where: 'file', field: 'checklists', reason: 'must be a non-empty list' }]);
  }
  if (file.checklists.length > CHECKLIST_LIMITS.maxChecklists) {
    throw new ChecklistDefinitionError([
      {
        where: 'file',
        field: 'checklists',
        reason: `has ${file.checklists.length} checklists; at most ${CHECKLIST_LIMITS.maxChecklists} are allowed`,
      },
    ]);
  }
  const issues: ChecklistDefinitionError['issues'] = [];
  const definitions = file.checklists.flatMap((raw, i) => {
    try {
      return [parseChecklistDefinition(raw)];
    } catch (error) {
      const id = typeof (raw as { id?: unknown })?.id === 'string' ? ` (${(raw as { id: string }).id})` : '';
      for (const issue of (error as ChecklistDefinitionError).issues)
        issues.push({ ...issue, where: `checklist ${i + 1}${id}, ${issue.where}` });
      return [];
    }
  });
  const seen = new Set<string>();
  definitions.forEach((definition, i) => {
    if (seen.has(definition.id))
      issues.push({ where: `checklist ${i + 1} (${definition.id})`, field: 'id', reason: 'appears twice in the file' });
    seen.add(definition.id);
  });
  if (issues.length > 0) throw new ChecklistDefinitionError(issues.slice(0, MAX_REPORTED_ISSUES));
  return definitions;
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
