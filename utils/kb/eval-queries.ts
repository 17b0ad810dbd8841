import * as v from 'valibot';
import { isOverBytes, readTextFile } from '../download';
import { detectLanguage } from '../matcher/normalize';
import type { KbLocale } from './kb-entry';

/** One labelled query: the text and the entry ids that count as a right answer. */
export interface EvalQuery {
  text: string;
  expected: string[];
  locale?: KbLocale;
}

export class EvalQueriesError extends Error {
  /** `line` is null for a problem with the whole file. */
  constructor(
    readonly line: number | null,
    reason: string,
  ) {
    super(`${line === null ? 'file' : `line ${line}`}: ${reason}`);
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
      v.string('"text" must be a string'),
      v.trim(),
      v.nonEmpty('"text" is empty'),
      v.maxLength(MAX_EVAL_QUERY_LENGTH, `"text" is longer than ${MAX_EVAL_QUERY_LENGTH} characters`),
    ),
    expected: v.union(
      [
        v.pipe(v.string(), v.nonEmpty('"expected" is empty')),
        v.pipe(
          v.array(v.pipe(v.string(), v.nonEmpty('"expected" holds an empty id'))),
          v.nonEmpty('"expected" is an empty list'),
        ),
      ],
      '"expected" must be an entry id or a list of ids',
    ),
  },
  'must be an object with "text" and "expected"',
);

const tooLarge = () => new EvalQueriesError(null, `larger than ${MAX_EVAL_FILE_BYTES / 1024 / 1024} MB`);

/** Parses evaluation queries in JSON Lines; other fields are ignored, blank lines skipped. */
export function parseEvalQueries(text: string): EvalQuery[] {
  if (isOverBytes(text, MAX_EVAL_FILE_BYTES)) throw tooLarge();
  const queries: EvalQuery[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    if (queries.length >= MAX_EVAL_QUERIES) throw new EvalQueriesError(i + 1, `more than ${MAX_EVAL_QUERIES} queries`);
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new EvalQueriesError(i + 1, 'not valid JSON');
    }
    const parsed = v.safeParse(QuerySchema, value);
    if (!parsed.success) throw new EvalQueriesError(i + 1, parsed.issues[0].message);
    const { text: queryText, expected } = parsed.output;
    queries.push({
      text: queryText,
      expected: Array.isArray(expected) ? expected : [expected],
      locale: detectLanguage(queryText) ?? undefined,
    });
  });
  if (queries.length === 0) throw new EvalQueriesError(0, 'no queries in the file');
  return queries;
}

/** Reads and parses an evaluation file, refusing one over 5 MB before reading it. */
export async function readEvalQueriesFile(file: Blob): Promise<EvalQuery[]> {
  return parseEvalQueries(await readTextFile(file, MAX_EVAL_FILE_BYTES, tooLarge));
}
