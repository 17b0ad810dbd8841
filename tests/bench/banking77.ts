import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { EvalQuery } from '../../utils/kb/eval-queries';
import type { KbEntry } from '../../utils/kb/kb-entry';

export const BANKING77_DIR = process.env.BANKING77_DIR ?? path.resolve('../shared/datasets/banking77');

interface Row {
  text: string;
  category: string;
}

export function readSplit(split: 'train' | 'test', dir = BANKING77_DIR): Row[] {
  const parsed = Papa.parse<Row>(readFileSync(path.join(dir, `${split}.csv`), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });
  return parsed.data.map((row) => ({ text: row.text.trim(), category: row.category.trim() })).filter((row) => row.text);
}

/** card_arrival -> "card arrival" */
export function intentQuestion(intent: string): string {
  return intent.replace(/_/g, ' ');
}

/** One KB entry per intent: the intent name as the question, the first `shots` training utterances as alternates. */
export function banking77Kb(train: readonly Row[], shots = Number.POSITIVE_INFINITY): KbEntry[] {
  const byIntent = new Map<string, string[]>();
  for (const row of train) {
    const list = byIntent.get(row.category) ?? [];
    if (list.length < shots) list.push(row.text);
    byIntent.set(row.category, list);
  }
  return [...byIntent].map(([intent, alternates]) => ({
    id: intent,
    locale: 'en',
    question: intentQuestion(intent),
    alternates,
    answer: '',
    tags: [],
  }));
}

export function banking77Queries(rows: readonly Row[]): EvalQuery[] {
  return rows.map((row) => ({ text: row.text, expected: [row.category], locale: 'en' }));
}
