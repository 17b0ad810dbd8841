import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILT_IN_CHECKLISTS } from '@/utils/checklists/built-in-checklists';
import { applyAction, startRun } from '@/utils/checklists/checklist-run';
import { AgentAssistDatabase } from '@/utils/db/database';
import type { CallNote } from '@/utils/notes/call-note';
import { NOTE_CSV_COLUMNS, NotesBundleError, notesBundleChunks, notesCsvChunks } from '@/utils/notes/notes-bundle';
import { chunksToBlob, importNotesBundle, notePages } from '@/utils/notes/notes-transfer';
import { makeNote } from '../../../fixtures/factories';

const transfer = BUILT_IN_CHECKLISTS.find((d) => d.id === 'transfer-failure')!;

function noteWithRun(id: string): CallNote {
  let run = startRun(transfer, `${id}-run`, 1_000);
  run = applyAction(transfer, run, { type: 'set-value', stepId: 'error-message', value: 'E1003 limit', at: 2_000 })
    .run!;
  run = applyAction(transfer, run, { type: 'skip', stepId: 'check-basics', reason: 'no time', at: 3_000 }).run!;
  return makeNote({
    id,
    text: `客户 ${id} 转账失败 "quoted", commas, 换行\n第二行`,
    caseKey: `demo:${id}`,
    endedAt: 9_000,
    checklistRuns: [run],
    tags: ['x', 'y'],
  });
}

async function text(chunks: AsyncIterable<string>): Promise<string> {
  return (await chunksToBlob(chunks, 'text/plain')).text();
}

const size = (content: string) => new TextEncoder().encode(content).length;

function bytes(content: string, chunkSize = 97) {
  const encoded = new TextEncoder().encode(content);
  return async function* () {
    for (let i = 0; i < encoded.length; i += chunkSize) yield encoded.slice(i, i + chunkSize);
  };
}

describe('notes export and import', () => {
  let source: AgentAssistDatabase;
  let target: AgentAssistDatabase;
  beforeEach(async () => {
    source = new AgentAssistDatabase(`src-${Math.random()}`);
    target = new AgentAssistDatabase(`dst-${Math.random()}`);
    await source.notes.bulkAdd(Array.from({ length: 1_234 }, (_, i) => noteWithRun(`n${String(i).padStart(5, '0')}`)));
  });
  afterEach(async () => {
    await source.delete();
    await target.delete();
  });

  const exportJson = () => text(notesBundleChunks(notePages(source), new Date(0)));

  it('export then import into an empty database gives identical notes', async () => {
    const bundle = await exportJson();
    const progress: number[] = [];
    const report = await importNotesBundle(target, bytes(bundle, 4096), size(bundle), (share) => progress.push(share));
    expect(report).toMatchObject({ total: 1_234, added: 1_234, updated: 0, conflicts: [], older: [] });
    expect(await target.notes.orderBy('id').toArray()).toEqual(await source.notes.orderBy('id').toArray());
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('merges by id: the higher revision wins, equal revisions that differ are listed as conflicts', async () => {
    await target.notes.bulkAdd([
      { ...noteWithRun('n00000'), revision: 5, text: 'newer here' },
      { ...noteWithRun('n00001'), revision: 0, text: 'same revision, other text' },
      { ...noteWithRun('n00002'), revision: -1 },
    ]);
    const bundle = await exportJson();
    const report = await importNotesBundle(target, bytes(bundle), size(bundle));
    expect(report).toMatchObject({ added: 1_231, updated: 1, conflicts: ['n00001'], older: ['n00000'] });
    expect((await target.notes.get('n00000'))?.text).toBe('newer here');
  });

  it.each([
    ['empty', () => '', /empty/],
    ['not JSON', () => 'hello', /not valid JSON/],
    ['truncated', (b: string) => b.slice(0, Math.floor(b.length / 2)), /cut short|not valid JSON/],
    ['the wrong format', (b: string) => b.replace('"agent-assist-notes"', '"agent-assist-kb"'), /"format"/],
    ['a newer version', (b: string) => b.replace('"version":1', '"version":9'), /version 9 is not supported/],
    ['an edited note', (b: string) => b.replace('"agentName":"Lin"', '"agentName":"Eve"'), /checksum does not match/],
    [
      'a note with a bad field',
      (b: string) => b.replace('"category":null', '"category":"<script>"'),
      /note 1: category/,
    ],
    ['a missing note', (b: string) => b.replace(/\n\{[^\n]*\},/, '\n'), /says 1234 notes but holds 1233/],
    ['a bare array', () => '[1,2,3]', /"format" must be/],
  ])('refuses %s with a clear error and writes nothing', async (_name, mutate, message) => {
    const bundle = mutate(await exportJson());
    await expect(importNotesBundle(target, bytes(bundle), size(bundle))).rejects.toThrow(message);
    expect(await target.notes.count()).toBe(0);
  });

  it('refuses a bundle holding the same id twice and writes nothing, not even the notes before it', async () => {
    const pages = (async function* () {
      yield* notePages(source);
      yield [{ ...noteWithRun('n00007'), revision: 2, text: 'a second copy' }];
    })();
    const bundle = await text(notesBundleChunks(pages, new Date(0)));
    await expect(importNotesBundle(target, bytes(bundle, 4096), size(bundle))).rejects.toThrow(
      'note 1235: id: "n00007" is already used by an earlier note',
    );
    expect(await target.notes.count()).toBe(0);
  });

  it('refuses an oversized file before reading it', async () => {
    await expect(importNotesBundle(target, bytes('{}'), 600 * 1024 * 1024)).rejects.toThrow(NotesBundleError);
  });

  it('masks card numbers and codes that arrive in an imported note', async () => {
    const hostile = { ...noteWithRun('h1'), text: '卡号 4111 1111 1111 1111 验证码 482913' };
    const bundle = await text(
      notesBundleChunks(
        (async function* () {
          yield [hostile];
        })(),
        new Date(0),
      ),
    );
    await importNotesBundle(target, bytes(bundle), size(bundle));
    expect((await target.notes.get('h1'))?.text).toBe('卡号 •••• •••• •••• 1111 验证码 ••••••');
  });

  it('exports CSV with cells a spreadsheet would run as formulas quoted', async () => {
    const hostile = {
      ...noteWithRun('f1'),
      agentName: '@SUM(A1)',
      text: '=HYPERLINK("http://evil.example","refund")',
      tags: ['-1+1'],
    };
    const csv = await text(
      notesCsvChunks(
        (async function* () {
          yield [hostile];
        })(),
        (run) => BUILT_IN_CHECKLISTS.find((d) => d.id === run.checklistId),
      ),
    );
    const Papa = (await import('papaparse')).default;
    const [columns, row] = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(Object.fromEntries(columns!.map((column, i) => [column, row![i]]))).toMatchObject({
      id: 'f1',
      agent_name: "'@SUM(A1)",
      text: `'=HYPERLINK("http://evil.example","refund")`,
      tags: "'-1+1",
    });
  });

  it('exports CSV: one row per note with checklist summary columns', async () => {
    const csv = await text(
      notesCsvChunks(notePages(source), (run) => BUILT_IN_CHECKLISTS.find((d) => d.id === run.checklistId)),
    );
    const Papa = (await import('papaparse')).default;
    const rows = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual([...NOTE_CSV_COLUMNS]);
    expect(rows).toHaveLength(1_235);
    const first = Object.fromEntries(rows[0]!.map((column, i) => [column, rows[1]![i]]));
    expect(first).toMatchObject({
      id: 'n00000',
      checklists: 'transfer-failure@1',
      checklists_compliant: 'no',
      skipped_required_steps: 'transfer-failure/check-basics: no time',
      text: '客户 n00000 转账失败 "quoted", commas, 换行\n第二行',
      tags: 'x|y',
    });
  });
});
