import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { BUILT_IN_CHECKLIST_IDS } from '../checklists/checklist-ids';
import { describeIssue } from '../file-issues';
import { createTranslator } from '../i18n';
import { DEFAULT_KB } from '../kb/default-kb';
import { EvalQueriesError, MAX_EVAL_FILE_BYTES, parseEvalQueries } from '../kb/eval-queries';
import type { KbEntry } from '../kb/kb-entry';
import { decodeKbBytes, KB_LIMITS, KbFileError, parseKbFile } from '../kb/kb-file';
import { type EvalScores, evaluate } from '../matcher/evaluate';
import { buildIndex, search } from '../matcher/matcher';

const USAGE = `npm run kb -- <command>

  check <file.json|file.csv>                        validate a knowledge-base file
  search [--kb <file>] "<text>"                     top answers for a query
  eval [--kb <file>] --queries <file.jsonl> [--json]
                                                    top-1, top-3, MRR and latency over labelled queries

Without --kb the bundled default knowledge base is used.
Exit status: 0 ok, 1 wrong usage, 2 a bad file (the message names the file, the place and the reason).`;

const english = createTranslator('en');

class UsageError extends Error {}

/** A bad input file: reported as "file: place: reason" lines, exit status 2. */
class BadFileError extends Error {}

function readBytes(file: string, maxBytes: number): Uint8Array {
  try {
    if (statSync(file).size > maxBytes)
      throw new BadFileError(`${file}: file: larger than ${maxBytes / 1024 / 1024} MB`);
    return readFileSync(file);
  } catch (error) {
    if (error instanceof BadFileError) throw error;
    throw new BadFileError(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

function loadKb(file: string | undefined): { entries: readonly KbEntry[]; warnings: string[] } {
  if (!file) return { entries: DEFAULT_KB, warnings: [] };
  try {
    const parsed = parseKbFile(file, decodeKbBytes(readBytes(file, KB_LIMITS.maxBytes)), {
      knownChecklists: new Set(BUILT_IN_CHECKLIST_IDS),
    });
    return {
      entries: parsed.entries,
      warnings: parsed.warnings.map((issue) => `${file}: ${describeIssue(issue, english)}`),
    };
  } catch (error) {
    if (error instanceof KbFileError) {
      throw new BadFileError(error.issues.map((issue) => `${file}: ${describeIssue(issue, english)}`).join('\n'));
    }
    throw error;
  }
}

function check(file: string | undefined, out: (line: string) => void): void {
  if (!file) throw new UsageError('check needs a file');
  const { entries, warnings } = loadKb(file);
  for (const warning of warnings) out(`warning: ${warning}`);
  const counts = new Map<string, number>();
  for (const entry of entries) counts.set(entry.locale, (counts.get(entry.locale) ?? 0) + 1);
  const byLocale = [...counts].map(([locale, count]) => `${count} ${locale}`).join(', ');
  out(`${file}: OK, ${entries.length} entries (${byLocale})`);
}

function searchCommand(kbFile: string | undefined, text: string | undefined, out: (line: string) => void): void {
  if (!text?.trim()) throw new UsageError('search needs a query text');
  const { entries } = loadKb(kbFile);
  const outcome = search(buildIndex(entries), text, { limit: 5 });
  if (outcome.noGoodMatch) out('No good match.');
  outcome.results.forEach((result, i) => {
    out(`${i + 1}. ${result.entry.id}  score ${result.score.toFixed(3)}  confidence ${result.confidence.toFixed(3)}`);
    out(`   ${result.entry.question}`);
    if (result.matchedTerms.length) out(`   matched: ${result.matchedTerms.slice(0, 12).join(', ')}`);
  });
}

function formatRow(label: string, scores: EvalScores): string {
  return [
    label.padEnd(8),
    String(scores.n).padStart(6),
    scores.top1.toFixed(3).padStart(7),
    scores.top3.toFixed(3).padStart(7),
    scores.mrr.toFixed(3).padStart(7),
    scores.p50_ms.toFixed(3).padStart(8),
    scores.p95_ms.toFixed(3).padStart(8),
  ].join(' ');
}

function evalCommand(
  kbFile: string | undefined,
  queriesFile: string | undefined,
  json: boolean,
  out: (line: string) => void,
) {
  if (!queriesFile) throw new UsageError('eval needs --queries <file.jsonl>');
  const { entries } = loadKb(kbFile);
  let queries: ReturnType<typeof parseEvalQueries>;
  try {
    queries = parseEvalQueries(
      new TextDecoder('utf-8', { fatal: true }).decode(readBytes(queriesFile, MAX_EVAL_FILE_BYTES)),
    );
  } catch (error) {
    if (error instanceof EvalQueriesError) throw new BadFileError(`${queriesFile}: ${error.message}`);
    if (error instanceof TypeError) throw new BadFileError(`${queriesFile}: not valid UTF-8 text`);
    throw error;
  }
  const index = buildIndex(entries);
  const report = evaluate(
    (text) => search(index, text, { limit: 10 }).results.map((result) => result.entry.id),
    queries,
  );
  out(
    `${'set'.padEnd(8)} ${'n'.padStart(6)} ${'top1'.padStart(7)} ${'top3'.padStart(7)} ${'mrr'.padStart(7)} ${'p50_ms'.padStart(8)} ${'p95_ms'.padStart(8)}`,
  );
  out(formatRow('all', report));
  for (const [locale, scores] of Object.entries(report.byLocale)) out(formatRow(locale, scores));
  if (json) out(JSON.stringify(report));
}

/** Runs the command line; returns the exit status. */
export function runKbCli(argv: string[], out = console.log, err = console.error): number {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        kb: { type: 'string' },
        queries: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean' },
      },
    });
    const [command, ...rest] = positionals;
    if (values.help || !command) {
      out(USAGE);
      return command || values.help ? 0 : 1;
    }
    if (command === 'check') check(rest[0], out);
    else if (command === 'search') searchCommand(values.kb, rest.join(' '), out);
    else if (command === 'eval') evalCommand(values.kb, values.queries, values.json ?? false, out);
    else throw new UsageError(`unknown command "${command}"`);
    return 0;
  } catch (error) {
    if (error instanceof BadFileError) {
      err(error.message);
      return 2;
    }
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      err(`${(error as Error).message}\n\n${USAGE}`);
      return 1;
    }
    throw error;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = runKbCli(process.argv.slice(2));
