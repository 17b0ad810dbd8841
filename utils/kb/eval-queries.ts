import * as v from 'valibot';
import { isOverBytes, readTextFile } from '../download';
import { FILE, FileIssueError, schemaIssueReason, schemaMessage } from '../file-issues';
import type { MessageKey } from '../i18n';
import { detectLanguage } from '../matcher/normalize';
import type { KbLocale } from './kb-entry';

/** One labelled query: the text and the entry ids that count as a right answer. */
export interface EvalQuery {
  text: string;
  expected: string[];
  locale?: KbLocale;
}

/** A refused evaluation file: the one problem found first, on a line or in the whole file. */
export class EvalQueriesError extends FileIssueError {
  /** `line` is null for a problem with the whole file. */
  constructor(line: number | null, reason: MessageKey, args: (string | number)[] = []) {
    super([{ place: line === null ? FILE : { kind: 'line', line }, reason, args }]);
    this.name = 'EvalQueriesError';
  }
}

/** Enough for 100,000 queries of a usual length; a larger file is refused before it is read. */
export const MAX_EVAL_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_EVAL_QUERIES = 100_000;
/** Longer than any question an agent types; a longer line is a pasted document, not a query. */
export const MAX_EVAL_QUERY_LENGTH = 2_000;

const QuerySchema = v.object(
  {
    text: v.pipe(
      v.string(schemaMessage('issueEvalTextNotString')),
      v.trim(),
      v.nonEmpty(schemaMessage('issueEvalTextEmpty')),
      v.maxLength(MAX_EVAL_QUERY_LENGTH, schemaMessage('issueEvalTextTooLong')),
    ),
    expected: v.union(
      [
        v.pipe(v.string(), v.nonEmpty(schemaMessage('issueEvalExpectedEmpty'))),
        v.pipe(
          v.array(v.pipe(v.string(), v.nonEmpty(schemaMessage('issueEvalExpectedEmptyId')))),
          v.nonEmpty(schemaMessage('issueEvalExpectedEmptyList')),
        ),
      ],
      schemaMessage('issueEvalExpectedType'),
    ),
  },
  schemaMessage('issueEvalNotObject'),
);

const tooLarge = () => new EvalQueriesError(null, 'issueFileTooLarge', [MAX_EVAL_FILE_BYTES / 1024 / 1024]);

/** Parses evaluation queries in JSON Lines; other fields are ignored, blank lines skipped. */
export function parseEvalQueries(text: string): EvalQuery[] {
  if (isOverBytes(text, MAX_EVAL_FILE_BYTES)) throw tooLarge();
  const queries: EvalQuery[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    if (queries.length >= MAX_EVAL_QUERIES) throw new EvalQueriesError(i + 1, 'issueEvalTooMany', [MAX_EVAL_QUERIES]);
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new EvalQueriesError(i + 1, 'issueNotJson');
    }
    const parsed = v.safeParse(QuerySchema, value);
    if (!parsed.success) {
      const { reason, args } = schemaIssueReason(parsed.issues[0]);
      throw new EvalQueriesError(i + 1, reason, args);
    }
    const { text: queryText, expected } = parsed.output;
    queries.push({
      text: queryText,
      expected: Array.isArray(expected) ? expected : [expected],
      locale: detectLanguage(queryText) ?? undefined,
    });
  });
  if (queries.length === 0) throw new EvalQueriesError(null, 'issueEvalNoQueries');
  return queries;
}

/** Reads and parses an evaluation file, refusing one over 5 MB before reading it. */
export async function readEvalQueriesFile(file: Blob): Promise<EvalQuery[]> {
  return parseEvalQueries(await readTextFile(file, MAX_EVAL_FILE_BYTES, tooLarge));
}
