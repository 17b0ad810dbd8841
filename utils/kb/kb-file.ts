import Papa from 'papaparse';
import { csvCellValue, csvLines } from '../csv-cell';
import { FILE, type FileIssue, FileIssueError, type IssuePlace } from '../file-issues';
import type { MessageKey } from '../i18n';
import { KB_LOCALES, type KbEntry, type KbLocale } from './kb-entry';

export const KB_FORMAT = 'agent-assist-kb';
export const KB_VERSION = 1;
export const CSV_COLUMNS = ['id', 'locale', 'question', 'alternates', 'answer', 'tags', 'checklist'] as const;

/** Documented limits; a file past any of them is refused as a whole. */
export const KB_LIMITS = {
  maxBytes: 20 * 1024 * 1024,
  maxEntries: 50_000,
  maxIdLength: 100,
  maxQuestionLength: 500,
  maxAnswerLength: 20_000,
  maxAlternates: 200,
  maxAlternateLength: 500,
  maxTags: 20,
  maxTagLength: 50,
};

const MAX_REPORTED_ISSUES = 50;
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const HTML_TAG = /<\/?[a-z][^>]*>/i;

/** A refused KB file; its issues name an entry in JSON, a line in CSV, or the file. */
export class KbFileError extends FileIssueError {
  constructor(issues: readonly FileIssue[]) {
    super(issues);
    this.name = 'KbFileError';
  }
}

export interface ParsedKb {
  entries: KbEntry[];
  /** Things imported as they are but worth knowing, such as HTML shown as text. */
  warnings: FileIssue[];
}

export interface KbParseOptions {
  /** Checklist ids an entry may link to. */
  knownChecklists: ReadonlySet<string>;
}

const fileError = (reason: MessageKey, ...args: (string | number)[]) =>
  new KbFileError([{ place: FILE, reason, args }]);
const tooLarge = () => fileError('issueFileTooLarge', KB_LIMITS.maxBytes / 1024 / 1024);

/** Decodes file bytes as UTF-8 (with or without BOM); anything else is refused. */
export function decodeKbBytes(bytes: Uint8Array): string {
  if (bytes.byteLength > KB_LIMITS.maxBytes) throw tooLarge();
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw fileError('issueKbNotUtf8');
  }
}

export function detectKbFormat(fileName: string, text: string): 'json' | 'csv' {
  if (/\.json$/i.test(fileName)) return 'json';
  if (/\.csv$/i.test(fileName)) return 'csv';
  return text.trimStart().startsWith('{') ? 'json' : 'csv';
}

class IssueList {
  readonly errors: FileIssue[] = [];
  readonly warnings: FileIssue[] = [];
  error(place: IssuePlace, field: string | undefined, reason: MessageKey, ...args: (string | number)[]) {
    if (this.errors.length < MAX_REPORTED_ISSUES) this.errors.push({ place, field, reason, args });
  }
  warn(place: IssuePlace, field: string | undefined, reason: MessageKey) {
    if (this.warnings.length < MAX_REPORTED_ISSUES) this.warnings.push({ place, field, reason });
  }
}

/** JSON gives text, numbers, booleans, lists, objects and null; null counts as empty. */
function notText(value: unknown): MessageKey {
  if (Array.isArray(value)) return 'issueTextNotList';
  if (typeof value === 'number') return 'issueTextNotNumber';
  if (typeof value === 'boolean') return 'issueTextNotBoolean';
  return 'issueTextNotObject';
}

function checkText(
  value: unknown,
  field: string,
  where: IssuePlace,
  issues: IssueList,
  { required, max }: { required: boolean; max: number },
): string | undefined {
  if (value === undefined || value === null || value === '') {
    if (required) issues.error(where, field, 'issueIsEmpty');
    return undefined;
  }
  if (typeof value !== 'string') {
    issues.error(where, field, notText(value));
    return undefined;
  }
  const text = value.trim();
  if (required && !text) issues.error(where, field, 'issueIsEmpty');
  if (text.length > max) issues.error(where, field, 'issueLongerThan', max);
  if (text.includes('\uFFFD')) issues.error(where, field, 'issueKbUndecoded');
  if (HTML_TAG.test(text)) issues.warn(where, field, 'issueKbHtml');
  return text;
}

function checkList(
  value: unknown,
  field: string,
  where: IssuePlace,
  issues: IssueList,
  maxItems: number,
  maxLength: number,
) {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    issues.error(where, field, 'issueKbListOfTexts');
    return [];
  }
  if (value.length > maxItems) issues.error(where, field, 'issueMoreItemsThan', maxItems);
  const out: string[] = [];
  value.forEach((item, i) => {
    const text = checkText(item, `${field}[${i + 1}]`, where, issues, { required: true, max: maxLength });
    if (text) out.push(text);
  });
  return out;
}

/** Validates one raw entry; returns it with unknown fields kept, or undefined when it has errors. */
function checkEntry(
  raw: unknown,
  where: IssuePlace,
  issues: IssueList,
  seenIds: Map<string, IssuePlace>,
  options: KbParseOptions,
): KbEntry | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    issues.error(where, undefined, 'issueMustBeObject');
    return undefined;
  }
  const record = raw as Record<string, unknown>;
  const before = issues.errors.length;
  const id = checkText(record.id, 'id', where, issues, { required: true, max: KB_LIMITS.maxIdLength });
  if (id && !ID_PATTERN.test(id)) issues.error(where, 'id', 'issueKbIdCharacters');
  if (id) {
    const first = seenIds.get(id);
    if (first?.kind === 'entry') issues.error(where, 'id', 'issueKbDuplicateIdEntry', id, first.position);
    else if (first?.kind === 'line') issues.error(where, 'id', 'issueKbDuplicateIdLine', id, first.line);
    else seenIds.set(id, where);
  }
  const locale = record.locale;
  if (!KB_LOCALES.includes(locale as KbLocale)) {
    issues.error(where, 'locale', 'issueKbUnknownLocale', String(JSON.stringify(locale ?? '')));
  }
  const question = checkText(record.question, 'question', where, issues, {
    required: true,
    max: KB_LIMITS.maxQuestionLength,
  });
  const answer = checkText(record.answer, 'answer', where, issues, { required: true, max: KB_LIMITS.maxAnswerLength });
  const alternates = checkList(
    record.alternates,
    'alternates',
    where,
    issues,
    KB_LIMITS.maxAlternates,
    KB_LIMITS.maxAlternateLength,
  );
  const tags = checkList(record.tags, 'tags', where, issues, KB_LIMITS.maxTags, KB_LIMITS.maxTagLength);
  const checklist = checkText(record.checklist, 'checklist', where, issues, {
    required: false,
    max: KB_LIMITS.maxIdLength,
  });
  if (checklist && !options.knownChecklists.has(checklist)) {
    issues.error(where, 'checklist', 'issueKbUnknownChecklist', checklist, [...options.knownChecklists].join(', '));
  }
  if (issues.errors.length > before) return undefined;

  const entry: KbEntry = {
    id: id!,
    locale: locale as KbLocale,
    question: question!,
    alternates,
    answer: answer!,
    tags,
  };
  if (checklist) entry.checklist = checklist;
  for (const [key, value] of Object.entries(record)) {
    if (key in entry || key === 'checklist' || FORBIDDEN_KEYS.has(key)) continue;
    Object.defineProperty(entry, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return entry;
}

function finish(entries: KbEntry[], issues: IssueList): ParsedKb {
  if (issues.errors.length > 0) throw new KbFileError(issues.errors);
  if (entries.length === 0) throw fileError('issueKbNoEntries');
  return { entries, warnings: issues.warnings };
}

function tooMany(count: number): never {
  throw fileError('issueTooManyEntries', count, KB_LIMITS.maxEntries);
}

export function parseKbJson(text: string, options: KbParseOptions): ParsedKb {
  if (text.length > KB_LIMITS.maxBytes) throw tooLarge();
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw fileError('issueNotJsonDetail', (error as Error).message);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw fileError('issueKbNotObject', KB_FORMAT);
  }
  const file = data as Record<string, unknown>;
  if (file.format !== KB_FORMAT) {
    throw new KbFileError([{ place: FILE, field: 'format', reason: 'issueMustBeValue', args: [KB_FORMAT] }]);
  }
  if (file.version !== KB_VERSION) {
    const version = String(JSON.stringify(file.version));
    throw new KbFileError([
      { place: FILE, field: 'version', reason: 'issueVersionNotSupportedReads', args: [version, KB_VERSION] },
    ]);
  }
  if (!Array.isArray(file.entries))
    throw new KbFileError([{ place: FILE, field: 'entries', reason: 'issueMustBeList' }]);
  if (file.entries.length > KB_LIMITS.maxEntries) tooMany(file.entries.length);
  const issues = new IssueList();
  const seen = new Map<string, IssuePlace>();
  const entries: KbEntry[] = [];
  file.entries.forEach((raw, i) => {
    const entry = checkEntry(raw, { kind: 'entry', position: i + 1 }, issues, seen, options);
    if (entry) entries.push(entry);
  });
  return finish(entries, issues);
}

/**
 * The errors Papa reports without its header option. Its field-count errors come only with that option,
 * and the cells of every row are counted against the header below anyway.
 */
const CSV_ERRORS: Partial<Record<Papa.ParseError['code'], MessageKey>> = {
  MissingQuotes: 'issueCsvMissingQuotes',
  InvalidQuotes: 'issueCsvInvalidQuotes',
  UndetectableDelimiter: 'issueCsvUndetectableDelimiter',
};

function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split('|')
    .map((item) => item.trim())
    .filter(Boolean);
}

export function parseKbCsv(text: string, options: KbParseOptions): ParsedKb {
  if (text.length > KB_LIMITS.maxBytes) throw tooLarge();
  const source = text.replace(/^\uFEFF/, '');
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') lineStarts.push(i + 1);
  const lineAt = (offset: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };

  const issues = new IssueList();
  const seen = new Map<string, IssuePlace>();
  const entries: KbEntry[] = [];
  let header: string[] | undefined;
  let rowStart = 0;
  let rows = 0;
  Papa.parse<string[]>(source, {
    skipEmptyLines: 'greedy',
    step: (result, parser) => {
      const line = lineAt(rowStart);
      rowStart = result.meta.cursor;
      for (const error of result.errors) {
        const reason = CSV_ERRORS[error.code];
        if (reason) issues.error({ kind: 'line', line }, undefined, reason);
      }
      if (!header) {
        const cells = result.data;
        header = cells.map((cell) => cell.trim());
        const missing = CSV_COLUMNS.filter((column) => !header!.includes(column));
        if (missing.length > 0) {
          issues.error(
            { kind: 'line', line: 1 },
            undefined,
            'issueCsvMissingColumns',
            missing.join(', '),
            CSV_COLUMNS.join(','),
          );
          parser.abort();
        }
        return;
      }
      const cells = result.data.map(csvCellValue);
      if (++rows > KB_LIMITS.maxEntries) {
        parser.abort();
        return;
      }
      if (cells.length !== header.length) {
        issues.error({ kind: 'line', line }, undefined, 'issueCsvCellCount', cells.length, header.length);
        return;
      }
      const record: Record<string, unknown> = {};
      header.forEach((column, i) => {
        // An empty cell in an extra column means the entry has no such field.
        const known = (CSV_COLUMNS as readonly string[]).includes(column);
        if (!FORBIDDEN_KEYS.has(column) && (known || cells[i] !== '')) record[column] = cells[i];
      });
      record.alternates = splitList(cells[header.indexOf('alternates')]);
      record.tags = splitList(cells[header.indexOf('tags')]);
      const entry = checkEntry(record, { kind: 'line', line }, issues, seen, options);
      if (entry) entries.push(entry);
    },
  });
  if (rows > KB_LIMITS.maxEntries) tooMany(rows);
  return finish(entries, issues);
}

/** Parses a KB file in either format; throws KbFileError naming every place that is wrong. */
export function parseKbFile(fileName: string, text: string, options: KbParseOptions): ParsedKb {
  return detectKbFormat(fileName, text) === 'json' ? parseKbJson(text, options) : parseKbCsv(text, options);
}

/** Reads and parses a KB file, refusing one over the size limit before reading it. */
export async function readKbFile(file: File, options: KbParseOptions): Promise<ParsedKb> {
  if (file.size > KB_LIMITS.maxBytes) throw tooLarge();
  return parseKbFile(file.name, decodeKbBytes(new Uint8Array(await file.arrayBuffer())), options);
}

export function kbToJson(entries: readonly KbEntry[]): string {
  return `${JSON.stringify({ format: KB_FORMAT, version: KB_VERSION, entries }, null, 2)}\n`;
}

/** CSV in the documented columns, then any extra fields the entries carry; formula-like cells quoted. */
export function kbToCsv(entries: readonly KbEntry[]): string {
  const extra = [...new Set(entries.flatMap((entry) => Object.keys(entry)))].filter(
    (key) => !(CSV_COLUMNS as readonly string[]).includes(key),
  );
  const rows = entries.map((entry) => [
    entry.id,
    entry.locale,
    entry.question,
    entry.alternates.join('|'),
    entry.answer,
    entry.tags.join('|'),
    entry.checklist ?? '',
    ...extra.map((key) => {
      const value = entry[key];
      return value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
    }),
  ]);
  return `\uFEFF${csvLines([[...CSV_COLUMNS, ...extra], ...rows])}`;
}
