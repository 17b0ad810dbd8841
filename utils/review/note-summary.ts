import type { ChecklistDefinition } from '../checklists/checklist-definition';
import { type ChecklistRun, pathOf, summarizeRun } from '../checklists/checklist-run';
import { tokenize } from '../matcher/tokenize';
import type { CallNote, Category, Outcome, ReviewStatus } from '../notes/call-note';

/** What QA needs of one checklist run, without the run itself. */
export interface RunDigest {
  checklistId: string;
  version: number;
  startedAt: number;
  complete: boolean;
  compliant: boolean;
  timeToComplete: number | null;
  /** Required steps on the path that were skipped, with the agent's reason. */
  skipped: { stepId: string; reason: string }[];
  /** Required steps on the path that were neither done nor skipped. */
  missed: string[];
}

/**
 * A small row per note, kept beside it, so the Review and Compliance pages can filter and
 * count 100,000 calls without loading every note.
 */
export interface NoteSummary {
  id: string;
  createdAt: number;
  endedAt: number | null;
  agentId: string;
  agentName: string;
  site: string | null;
  caseId: string | null;
  category: Category | null;
  outcome: Outcome | null;
  reviewStatus: ReviewStatus;
  reviewRequested: boolean;
  /** Every run compliant: true; any not: false; no checklist: null. */
  compliant: boolean | null;
  runs: RunDigest[];
  excerpt: string;
}

/** The checklist runs of one call, all the Compliance page reads; notes without runs have none. */
export type NoteRuns = Pick<NoteSummary, 'id' | 'createdAt' | 'agentId' | 'agentName' | 'runs'>;

export function noteRunsOf(summary: NoteSummary): NoteRuns | null {
  if (summary.runs.length === 0) return null;
  const { id, createdAt, agentId, agentName, runs } = summary;
  return { id, createdAt, agentId, agentName, runs };
}

/** The words of a note for text search, with the same tokenizer as the FAQ matcher. */
export interface NoteSearchRow {
  id: string;
  terms: string[];
}

const EXCERPT_LENGTH = 140;
const MAX_TERMS = 400;

export function digestRun(definition: ChecklistDefinition | undefined, run: ChecklistRun): RunDigest {
  const base = { checklistId: run.checklistId, version: run.version, startedAt: run.startedAt };
  if (!definition) return { ...base, complete: false, compliant: false, timeToComplete: null, skipped: [], missed: [] };
  const summary = summarizeRun(definition, run);
  return {
    ...base,
    complete: summary.complete,
    compliant: summary.compliant,
    timeToComplete: summary.timeToComplete,
    skipped: summary.skippedRequired,
    missed: pathOf(definition, run)
      .steps.filter((step) => step.required && (run.steps[step.id]?.status ?? 'pending') === 'pending')
      .map((step) => step.id),
  };
}

export function summarizeNote(
  note: CallNote,
  definitionOf: (run: ChecklistRun) => ChecklistDefinition | undefined,
): NoteSummary {
  const runs = note.checklistRuns.map((run) => digestRun(definitionOf(run), run));
  return {
    id: note.id,
    createdAt: note.createdAt,
    endedAt: note.endedAt,
    agentId: note.agentId,
    agentName: note.agentName,
    site: note.crm?.site ?? null,
    caseId: note.crm?.caseId ?? null,
    category: note.category,
    outcome: note.outcome,
    reviewStatus: note.review.status,
    reviewRequested: note.review.requested,
    compliant: runs.length === 0 ? null : runs.every((run) => run.compliant),
    runs,
    excerpt: note.text.replace(/\s+/g, ' ').trim().slice(0, EXCERPT_LENGTH),
  };
}

/** Search terms: note text, tags, case id and the questions of FAQ answers used. */
export function noteSearchRow(note: CallNote): NoteSearchRow {
  const text = [
    note.text,
    note.tags.join(' '),
    note.crm?.caseId ?? '',
    ...note.faqUsed.map((use) => use.question),
  ].join('\n');
  const terms = new Set<string>();
  for (const token of tokenize(text, { chineseWords: true, chineseChars: false })) {
    if (token.kind === 'pair') continue;
    terms.add(token.term);
    if (terms.size >= MAX_TERMS) break;
  }
  return { id: note.id, terms: [...terms] };
}
