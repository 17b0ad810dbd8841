import { JSONParser } from '@streamparser/json';
import * as v from 'valibot';
import type { ChecklistDefinition } from '../checklists/checklist-definition';
import { type ChecklistRun, summarizeRun } from '../checklists/checklist-run';
import { csvLines } from '../csv-cell';
import { FILE, type FileIssue, FileIssueError, schemaIssueReason } from '../file-issues';
import type { MessageKey } from '../i18n';
import { CATEGORIES, type CallNote, OUTCOMES, REVIEW_STATUSES } from './call-note';
import { maskNoteText } from './mask-note';

export const NOTES_FORMAT = 'agent-assist-notes';
export const NOTES_VERSION = 1;
/** Documented limits for a notes bundle; larger files are refused before anything is read into the database. */
export const NOTES_LIMITS = { maxBytes: 512 * 1024 * 1024, maxNotes: 500_000, maxTextLength: 50_000 };

/**
 * FNV-1a over the UTF-8 bytes of each note's JSON and a newline, in file order, as any tool reading the
 * file would hash them; fits a stream, catches truncation and edits.
 */
export function createChecksum() {
  const encoder = new TextEncoder();
  let bytes = new Uint8Array(64 * 1024);
  let hash = 0x811c9dc5;
  return {
    add(note: CallNote) {
      const text = `${JSON.stringify(note)}\n`;
      // One UTF-16 code unit never takes more than three UTF-8 bytes, so the buffer is reused as it is.
      if (bytes.length < text.length * 3) bytes = new Uint8Array(text.length * 3);
      const { written } = encoder.encodeInto(text, bytes);
      for (let i = 0; i < written; i++) {
        hash ^= bytes[i]!;
        hash = Math.imul(hash, 0x01000193) >>> 0;
      }
    },
    digest: () => `fnv1a32:${hash.toString(16).padStart(8, '0')}`,
  };
}

/** The JSON bundle in pieces, one note a line, checksum and count last: it never needs all notes in memory. */
export async function* notesBundleChunks(
  pages: AsyncIterable<CallNote[]>,
  exportedAt = new Date(),
): AsyncGenerator<string> {
  const checksum = createChecksum();
  let count = 0;
  yield `{"format":"${NOTES_FORMAT}","version":${NOTES_VERSION},"exportedAt":"${exportedAt.toISOString()}","notes":[`;
  for await (const page of pages) {
    for (const note of page) {
      checksum.add(note);
      yield `${count === 0 ? '\n' : ',\n'}${JSON.stringify(note)}`;
      count++;
    }
  }
  yield `\n],"count":${count},"checksum":"${checksum.digest()}"}\n`;
}

export const NOTE_CSV_COLUMNS = [
  'id',
  'created_at',
  'ended_at',
  'agent_id',
  'agent_name',
  'crm_site',
  'case_id',
  'customer_ref',
  'url',
  'category',
  'tags',
  'outcome',
  'follow_up_date',
  'text',
  'faq_used',
  'checklists',
  'checklists_compliant',
  'required_steps_done',
  'required_steps_total',
  'skipped_required_steps',
  'review_status',
  'reviewer',
  'revision',
] as const;

const iso = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());

/** One spreadsheet row per note, with a summary of its checklist runs. */
export function noteCsvRow(
  note: CallNote,
  definitionOf: (run: ChecklistRun) => ChecklistDefinition | undefined,
): string[] {
  const summaries = note.checklistRuns.flatMap((run) => {
    const definition = definitionOf(run);
    return definition ? [{ run, summary: summarizeRun(definition, run) }] : [];
  });
  return [
    note.id,
    iso(note.createdAt),
    iso(note.endedAt),
    note.agentId,
    note.agentName,
    note.crm?.site ?? '',
    note.crm?.caseId ?? '',
    note.crm?.customerRef ?? '',
    note.crm?.url ?? '',
    note.category ?? '',
    note.tags.join('|'),
    note.outcome ?? '',
    note.followUpDate ?? '',
    note.text,
    note.faqUsed
      .map(
        (use) =>
          `${use.entryId}:${use.action}${use.helpful === undefined ? '' : use.helpful ? ':helpful' : ':not-helpful'}`,
      )
      .join('|'),
    summaries.map(({ run }) => `${run.checklistId}@${run.version}`).join('|'),
    summaries.map(({ summary }) => (summary.compliant ? 'yes' : 'no')).join('|'),
    String(summaries.reduce((sum, { summary }) => sum + summary.requiredDone, 0)),
    String(summaries.reduce((sum, { summary }) => sum + summary.requiredTotal, 0)),
    summaries
      .flatMap(({ run, summary }) => summary.skippedRequired.map((s) => `${run.checklistId}/${s.stepId}: ${s.reason}`))
      .join('|'),
    note.review.status,
    note.review.reviewer ?? '',
    String(note.revision),
  ];
}

export async function* notesCsvChunks(
  pages: AsyncIterable<CallNote[]>,
  definitionOf: (run: ChecklistRun) => ChecklistDefinition | undefined,
): AsyncGenerator<string> {
  yield `\uFEFF${csvLines([NOTE_CSV_COLUMNS])}`;
  for await (const page of pages) yield csvLines(page.map((note) => noteCsvRow(note, definitionOf)));
}

const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const Time = v.pipe(v.number(), v.integer(), v.minValue(0));
const StepRecordSchema = v.object({
  status: v.picklist(['pending', 'done', 'skipped']),
  value: v.optional(Text(500)),
  skipReason: v.optional(Text(500)),
  at: Time,
});
const RunSchema = v.object({
  id: Text(100),
  checklistId: Text(100),
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  startedAt: Time,
  completedAt: v.nullable(Time),
  lastAt: Time,
  steps: v.record(Text(100), StepRecordSchema),
});
const NoteSchema = v.object({
  id: v.pipe(v.string(), v.nonEmpty(), v.maxLength(100)),
  revision: v.pipe(v.number(), v.integer(), v.minValue(0)),
  createdAt: Time,
  updatedAt: Time,
  endedAt: v.nullable(Time),
  agentId: Text(100),
  agentName: Text(200),
  crm: v.nullable(
    v.object({ site: Text(100), url: Text(2000), caseId: v.nullable(Text(200)), customerRef: v.nullable(Text(200)) }),
  ),
  caseKey: v.nullable(Text(400)),
  category: v.nullable(v.picklist(CATEGORIES)),
  tags: v.pipe(v.array(Text(100)), v.maxLength(50)),
  text: Text(NOTES_LIMITS.maxTextLength),
  masked: v.array(
    v.object({
      kind: v.picklist(['card', 'cvv', 'otp', 'password', 'national-id', 'bank-account']),
      start: Time,
      end: Time,
    }),
  ),
  faqUsed: v.array(
    v.object({
      entryId: Text(200),
      question: Text(1000),
      action: v.picklist(['copied', 'inserted']),
      at: Time,
      helpful: v.optional(v.boolean()),
    }),
  ),
  checklistRuns: v.array(RunSchema),
  outcome: v.nullable(v.picklist(OUTCOMES)),
  followUpDate: v.nullable(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/))),
  review: v.object({
    status: v.picklist(REVIEW_STATUSES),
    requested: v.boolean(),
    reviewer: v.nullable(Text(200)),
    reviewedAt: v.nullable(Time),
    comments: v.array(
      v.object({ by: Text(200), at: Time, text: Text(5000), status: v.optional(v.picklist(REVIEW_STATUSES)) }),
    ),
  }),
});

/** A refused notes bundle: the one problem found first, in a note or in the whole file. */
export class NotesBundleError extends FileIssueError {
  constructor(issue: FileIssue) {
    super([issue]);
    this.name = 'NotesBundleError';
  }
}

const fileError = (reason: MessageKey, ...args: (string | number)[]) =>
  new NotesBundleError({ place: FILE, reason, args });

/** A note from a file, validated, with its text masked again (files may come from anywhere). */
export function checkImportedNote(raw: unknown, position: number): CallNote {
  const result = v.safeParse(NoteSchema, raw);
  if (!result.success) {
    const issue = result.issues[0];
    const field = issue.path?.map((item) => item.key).join('.') || undefined;
    throw new NotesBundleError({ place: { kind: 'note', position }, field, ...schemaIssueReason(issue) });
  }
  const note = result.output as CallNote;
  const masked = maskNoteText(note.text, note.masked);
  return { ...note, text: masked.text, masked: masked.masked };
}

const notJson = (error: unknown, byte: number) => fileError('issueNotesNotJson', byte, (error as Error).message);

/** The file byte a parser error points at: the tokenizer names it, else it is the token just read. */
function failingByte(error: unknown, lastToken: number): number {
  const named = /absolute position "(\d+)"/.exec((error as Error).message);
  return named ? Number(named[1]) : lastToken;
}

export interface BundleScan {
  count: number;
  exportedAt: string | null;
}

/**
 * Reads a notes bundle as a stream: validates the header, every note (ids unique), the count and
 * the checksum, calling `onNote` for each. Throws NotesBundleError naming the place on any problem.
 */
export async function scanNotesBundle(
  chunks: AsyncIterable<Uint8Array>,
  {
    totalBytes,
    onNote,
    onProgress,
  }: { totalBytes: number; onNote?: (note: CallNote) => void | Promise<void>; onProgress?: (bytes: number) => void },
): Promise<BundleScan> {
  if (totalBytes > NOTES_LIMITS.maxBytes) throw fileError('issueFileTooLarge', NOTES_LIMITS.maxBytes / 1024 / 1024);
  if (totalBytes === 0) throw fileError('issueNotesEmpty');
  // Only the header fields and single notes are emitted, so the notes array is never held whole.
  const parser = new JSONParser({
    paths: ['$.format', '$.version', '$.exportedAt', '$.count', '$.checksum', '$.notes.*'],
    keepStack: false,
  });
  const header: Record<string, unknown> = {};
  const checksum = createChecksum();
  const pending: CallNote[] = [];
  // Ids only, so a file of 500,000 notes stays small in memory while repeats are caught before any write.
  const ids = new Set<string>();
  let count = 0;
  let problem: Error | null = null;
  parser.onValue = ({ value, key, stack }) => {
    if (problem) return;
    try {
      if (stack.length === 2 && typeof key === 'number') {
        if (++count > NOTES_LIMITS.maxNotes) throw fileError('issueNotesTooMany', NOTES_LIMITS.maxNotes);
        checksum.add(value as unknown as CallNote);
        const note = checkImportedNote(value, count);
        if (ids.has(note.id))
          throw new NotesBundleError({
            place: { kind: 'note', position: count },
            field: 'id',
            reason: 'issueNotesIdUsed',
            args: [JSON.stringify(note.id)],
          });
        ids.add(note.id);
        pending.push(note);
      } else if (stack.length === 1 && typeof key === 'string') {
        header[key] = value;
        if (key === 'format' && value !== NOTES_FORMAT) throw fileError('issueFormatIsNot', NOTES_FORMAT);
        if (key === 'version' && value !== NOTES_VERSION)
          throw fileError('issueVersionNotSupported', String(JSON.stringify(value)));
      }
    } catch (error) {
      problem = error as Error;
    }
  };
  // A refused token is reported by the token parser without a place, so the last token's offset is
  // kept; token offsets leave out a byte order mark, the tokenizer's own positions do not.
  let lastToken = 0;
  parser.onToken = ({ offset }) => {
    lastToken = offset;
  };
  let bomBytes = 0;
  let read = 0;
  for await (const chunk of chunks) {
    if (read === 0 && chunk[0] === 0xef) bomBytes = 3;
    try {
      parser.write(chunk);
    } catch (error) {
      throw notJson(error, failingByte(error, lastToken + bomBytes));
    }
    if (problem) throw problem;
    read += chunk.byteLength;
    onProgress?.(read);
    for (const note of pending.splice(0)) await onNote?.(note);
  }
  // The parser ends by itself when the root object closes; otherwise the file was cut short.
  try {
    if (!parser.isEnded) parser.end();
  } catch (error) {
    throw notJson(error, read);
  }
  if (problem) throw problem;
  for (const note of pending.splice(0)) await onNote?.(note);
  if (header.format !== NOTES_FORMAT) throw fileError('issueFormatMustBe', NOTES_FORMAT);
  if (header.version === undefined) throw fileError('issueNotesVersionMissing');
  if (header.count !== undefined && header.count !== count) {
    throw fileError('issueNotesCountMismatch', String(header.count), count);
  }
  if (header.checksum !== undefined && header.checksum !== checksum.digest()) throw fileError('issueNotesChecksum');
  return { count, exportedAt: typeof header.exportedAt === 'string' ? header.exportedAt : null };
}
