import Dexie, { type EntityTable } from 'dexie';
import { BUILT_IN_CHECKLISTS } from '../checklists/built-in-checklists';
import type { ChecklistDefinition } from '../checklists/checklist-definition';
import type { KbEntry } from '../kb/kb-entry';
import type { CallNote } from '../notes/call-note';
import {
  type NoteRuns,
  type NoteSearchRow,
  type NoteSummary,
  noteRunsOf,
  noteSearchRow,
  summarizeNote,
} from '../review/note-summary';

/** A knowledge base the KB owner imported. The newest row is the one in use; none means the bundled default. */
export interface KnowledgeBaseRecord {
  id: number;
  fileName: string;
  importedAt: number;
  /** How it was imported: replacing the previous KB, or merged into it. */
  mode: 'replace' | 'merge';
  entries: KbEntry[];
}

/** An agent's verdict on a suggestion for a query; similar later queries rank by it. */
export interface FeedbackRecord {
  id: number;
  /** The query as searched, masked. */
  query: string;
  entryId: string;
  helpful: boolean;
  at: number;
  agentId: string;
}

export type GapKind = 'search' | 'note' | 'not-helpful';

/** A question the KB could not answer, counted for the KB owner. */
export interface KnowledgeGapRecord {
  /** Normalised masked text plus kind: the same question counts once more, not as a new row. */
  key: string;
  kind: GapKind;
  text: string;
  count: number;
  firstAt: number;
  lastAt: number;
}

/** One run of the retention purge, kept so supervisors can see what was removed and why. */
export interface PurgeLogRecord {
  id: number;
  at: number;
  retentionDays: number;
  deleted: number;
  /** Old enough to go, but kept because a review was asked for or is open. */
  keptForReview: number;
}

/** A checklist definition imported by the KB owner; every change is stored as a new version. */
export interface ChecklistDefinitionRecord {
  id: string;
  version: number;
  importedAt: number;
  definition: ChecklistDefinition;
}

export const DATABASE_NAME = 'agent-assist';

/** How many imported knowledge bases are kept: the one in use and one to roll back to. */
export const KEPT_KNOWLEDGE_BASES = 2;

export class AgentAssistDatabase extends Dexie {
  knowledgeBases!: EntityTable<KnowledgeBaseRecord, 'id'>;
  feedback!: EntityTable<FeedbackRecord, 'id'>;
  knowledgeGaps!: EntityTable<KnowledgeGapRecord, 'key'>;
  notes!: EntityTable<CallNote, 'id'>;
  purgeLog!: EntityTable<PurgeLogRecord, 'id'>;
  checklistDefinitions!: Dexie.Table<ChecklistDefinitionRecord, [string, number]>;
  noteSummaries!: EntityTable<NoteSummary, 'id'>;
  noteSearch!: EntityTable<NoteSearchRow, 'id'>;
  noteRunsByDate!: Dexie.Table<NoteRuns, [number, string]>;

  constructor(name = DATABASE_NAME) {
    super(name);
    this.version(1).stores({
      knowledgeBases: '++id',
      feedback: '++id, at',
      knowledgeGaps: '&key, lastAt',
    });
    // Call notes: by date (review, retention), by agent and date, by case (customer history).
    // Checklist definitions: every version kept, so old runs still show their own steps.
    this.version(2).stores({
      notes: 'id, createdAt, endedAt, caseKey, [agentId+createdAt], [caseKey+endedAt]',
      purgeLog: '++id, at',
      checklistDefinitions: '[id+version], id',
    });
    // Small rows beside each note: its summary (Review), search terms, checklist runs (Compliance).
    this.version(3)
      .stores({
        noteSummaries: 'id, createdAt, [agentId+createdAt]',
        noteSearch: 'id, *terms',
        noteRuns: 'id, createdAt',
      })
      .upgrade(async (tx) => {
        const imported = (await tx.table<ChecklistDefinitionRecord>('checklistDefinitions').toArray()).map(
          (r) => r.definition,
        );
        const definitions = [...BUILT_IN_CHECKLISTS, ...imported];
        const definitionOf = (id: string, version: number) =>
          definitions.find((d) => d.id === id && d.version === version);
        await tx.table<CallNote>('notes').each((note) => {
          const summary = summarizeNote(note, (run) => definitionOf(run.checklistId, run.version));
          void tx.table('noteSummaries').put(summary);
          const runs = noteRunsOf(summary);
          if (runs) void tx.table('noteRuns').put(runs);
          void tx.table('noteSearch').put(noteSearchRow(note));
        });
      });
    // Checklist runs keyed by date: the Compliance page reads a date range from the table itself,
    // with no index lookup per row (about twice as fast at 15,000 rows in Chromium).
    this.version(4)
      .stores({ noteRuns: null, noteRunsByDate: '[createdAt+id], id' })
      .upgrade(async (tx) => {
        await tx.table<NoteSummary>('noteSummaries').each((summary) => {
          const runs = noteRunsOf(summary);
          if (runs) void tx.table('noteRunsByDate').put(runs);
        });
      });
  }
}

let shared: AgentAssistDatabase | undefined;

/** The extension's database, opened on first use in extension pages (never in content scripts). */
export function getDatabase(): AgentAssistDatabase {
  shared ??= new AgentAssistDatabase();
  return shared;
}
