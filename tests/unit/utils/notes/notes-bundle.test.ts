import { describe, expect, it } from 'vitest';
import type { ChecklistDefinition } from '@/utils/checklists/checklist-definition';
import type { ChecklistRun } from '@/utils/checklists/checklist-run';
import { describeIssue } from '@/utils/file-issues';
import { createTranslator } from '@/utils/i18n';
import type { CallNote } from '@/utils/notes/call-note';
import {
  checkImportedNote,
  createChecksum,
  NOTE_CSV_COLUMNS,
  NotesBundleError,
  noteCsvRow,
  notesBundleChunks,
  scanNotesBundle,
} from '@/utils/notes/notes-bundle';
import { makeNote } from '../../../fixtures/factories';

const text = { en: 'x', 'zh-CN': '某' };
const zh = createTranslator('zh-CN');
const mini: ChecklistDefinition = {
  id: 'mini',
  version: 1,
  title: text,
  triggers: { tags: [], keywords: [] },
  steps: [
    { id: 'a', kind: 'check', required: true, text },
    { id: 'b', kind: 'check', required: true, text },
    { id: 'c', kind: 'check', required: false, text },
  ],
};

const run = (overrides: Partial<ChecklistRun>): ChecklistRun => ({
  id: 'r1',
  checklistId: 'mini',
  version: 1,
  startedAt: 0,
  completedAt: 30,
  lastAt: 30,
  steps: { a: { status: 'done', at: 10 }, b: { status: 'done', at: 20 }, c: { status: 'done', at: 30 } },
  ...overrides,
});

async function bundleOf(notes: unknown[]): Promise<string> {
  let out = '';
  for await (const chunk of notesBundleChunks(
    (async function* () {
      yield notes as CallNote[];
    })(),
    new Date(0),
  ))
    out += chunk;
  return out;
}

function chunksOf(content: string, size = 64) {
  const bytes = new TextEncoder().encode(content);
  return (async function* () {
    for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
  })();
}

async function scan(content: string, size?: number) {
  const notes: CallNote[] = [];
  const progress: number[] = [];
  const result = await scanNotesBundle(chunksOf(content, size), {
    totalBytes: new TextEncoder().encode(content).byteLength,
    onNote: (note) => void notes.push(note),
    onProgress: (bytes) => progress.push(bytes),
  });
  return { result, notes, progress };
}

describe('createChecksum', () => {
  it.each([
    ['no notes', [], 'fnv1a32:811c9dc5'],
    ['one', ['a'], 'fnv1a32:91ba3da0'],
    ['two in order', ['a', 'b'], 'fnv1a32:163648a0'],
    ['the same two the other way round', ['b', 'a'], 'fnv1a32:40db9a08'],
    ['a Chinese text, hashed as its UTF-8 bytes', ['转'], 'fnv1a32:c9b761a2'],
    ['Chinese and a character outside the BMP', ['账户被锁定😀'], 'fnv1a32:f65c71e5'],
  ])('hashes the JSON of each note and a newline: %s', (_name, notes, digest) => {
    const checksum = createChecksum();
    for (const note of notes) checksum.add(note as unknown as CallNote);
    expect(checksum.digest()).toBe(digest);
  });

  it("matches FNV-1a over the file's own UTF-8 bytes, each note line with a newline", async () => {
    const bundle = await bundleOf([
      makeNote({ id: 'a', text: '客户说转账失败 😀' }),
      makeNote({ id: 'b', text: '转'.repeat(30_000) }),
      makeNote({ id: 'c' }),
    ]);
    const noteLines = bundle
      .split('\n')
      .slice(1, -2)
      .map((line) => `${line.replace(/,$/, '')}\n`);
    let hash = 0x811c9dc5;
    for (const byte of new TextEncoder().encode(noteLines.join(''))) {
      hash ^= byte;
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    expect(bundle).toContain(`"checksum":"fnv1a32:${hash.toString(16).padStart(8, '0')}"`);
  });
});

describe('noteCsvRow', () => {
  it('writes one row in the documented columns, with a summary of the runs it knows', () => {
    const note = makeNote({
      id: 'n1',
      revision: 3,
      createdAt: Date.UTC(2024, 4, 7, 9, 12, 44),
      endedAt: null,
      crm: { site: 'zendesk', url: 'https://x.zendesk.com/agent/tickets/42', caseId: '42', customerRef: null },
      category: 'fraud',
      tags: ['scam', 'urgent'],
      outcome: 'escalated',
      followUpDate: '2024-05-08',
      text: 'Caller said "safe account", twice',
      faqUsed: [
        { entryId: 'e1', question: 'q', action: 'copied', at: 1, helpful: true },
        { entryId: 'e2', question: 'q', action: 'inserted', at: 2, helpful: false },
        { entryId: 'e3', question: 'q', action: 'copied', at: 3 },
      ],
      checklistRuns: [
        run({ steps: { ...run({}).steps, b: { status: 'skipped', skipReason: 'caller hung up', at: 20 } } }),
        run({ id: 'r2', version: 2 }),
        run({ id: 'r3', checklistId: 'retired' }),
      ],
      review: { status: 'needs-coaching', requested: true, reviewer: 'Wang', reviewedAt: 5, comments: [] },
    });
    const row = noteCsvRow(note, (r) => (r.checklistId === 'mini' ? { ...mini, version: r.version } : undefined));
    expect(Object.fromEntries(NOTE_CSV_COLUMNS.map((column, i) => [column, row[i]]))).toEqual({
      id: 'n1',
      created_at: '2024-05-07T09:12:44.000Z',
      ended_at: '',
      agent_id: 'A-1',
      agent_name: 'Lin',
      crm_site: 'zendesk',
      case_id: '42',
      customer_ref: '',
      url: 'https://x.zendesk.com/agent/tickets/42',
      category: 'fraud',
      tags: 'scam|urgent',
      outcome: 'escalated',
      follow_up_date: '2024-05-08',
      text: 'Caller said "safe account", twice',
      faq_used: 'e1:copied:helpful|e2:inserted:not-helpful|e3:copied',
      checklists: 'mini@1|mini@2',
      checklists_compliant: 'no|yes',
      required_steps_done: '3',
      required_steps_total: '4',
      skipped_required_steps: 'mini/b: caller hung up',
      review_status: 'needs-coaching',
      reviewer: 'Wang',
      revision: '3',
    });
  });

  it('leaves empty cells for a note without case, category or checklists', () => {
    const row = noteCsvRow(makeNote(), () => undefined);
    expect(row).toHaveLength(NOTE_CSV_COLUMNS.length);
    expect(row.slice(5, 13)).toEqual(['', '', '', '', '', '', '', '']);
    expect(row.slice(15, 20)).toEqual(['', '', '0', '0', '']);
  });
});

describe('checkImportedNote', () => {
  it('accepts an exported note as it is', () => {
    const note = makeNote({ text: 'Reset done', tags: ['lockout'] });
    expect(checkImportedNote(JSON.parse(JSON.stringify(note)), 1)).toEqual(note);
  });

  it.each<[string, unknown, RegExp]>([
    ['not an object', 'note', /^note 4: Invalid type: Expected Object but received "note"$/],
    ['null', null, /^note 4: Invalid type: Expected Object but received null$/],
    ['a missing review', { ...makeNote(), review: undefined }, /^note 4: review: /],
    ['an unknown category', { ...makeNote(), category: '<script>' }, /^note 4: category: /],
    [
      'an over-long URL',
      { ...makeNote(), crm: { site: 's', url: 'x'.repeat(2001), caseId: null, customerRef: null } },
      /^note 4: crm\.url: /,
    ],
    ['a text over 50,000 characters', { ...makeNote(), text: 'x'.repeat(50_001) }, /^note 4: text: /],
    ['a negative time', { ...makeNote(), createdAt: -1 }, /^note 4: createdAt: /],
    [
      'a bad step status',
      { ...makeNote(), checklistRuns: [run({ steps: { a: { status: 'ok', at: 1 } } as never })] },
      /^note 4: checklistRuns\.0\.steps\.a\.status: /,
    ],
    ['a follow-up date that is not a date', { ...makeNote(), followUpDate: 'tomorrow' }, /^note 4: followUpDate: /],
  ])('names the note and field of %s', (_name, raw, message) => {
    expect(() => checkImportedNote(raw, 4)).toThrow(NotesBundleError);
    expect(() => checkImportedNote(raw, 4)).toThrow(message);
  });

  it.each<[string, unknown, string]>([
    [
      'a missing review',
      JSON.parse(JSON.stringify({ ...makeNote(), review: undefined })),
      '第 4 条记录，review：缺少 "review"（实际为 undefined）',
    ],
    [
      'an unknown category',
      { ...makeNote(), category: 'x' },
      '第 4 条记录，category：类型不对，应为 ("lockout" | "fraud" | "transfer" | "payment" | "card" | "account" | "app" | "other")，实际为 "x"',
    ],
    [
      'a text over 50,000 characters',
      { ...makeNote(), text: 'x'.repeat(50_001) },
      '第 4 条记录，text：长度不对，应为 <=50000，实际为 50001',
    ],
    ['a negative time', { ...makeNote(), createdAt: -1 }, '第 4 条记录，createdAt：取值不对，应为 >=0，实际为 -1'],
    ['a fraction of a revision', { ...makeNote(), revision: 1.5 }, '第 4 条记录，revision：应为整数，实际为 1.5'],
    [
      'a follow-up date that is not a date',
      { ...makeNote(), followUpDate: 'tomorrow' },
      '第 4 条记录，followUpDate：格式不对，应为 /^\\d{4}-\\d{2}-\\d{2}$/，实际为 "tomorrow"',
    ],
    ['not an object', null, '第 4 条记录：类型不对，应为 Object，实际为 null'],
  ])('says what is wrong with %s in Chinese', (_name, raw, line) => {
    let error: unknown;
    try {
      checkImportedNote(raw, 4);
    } catch (caught) {
      error = caught;
    }
    expect((error as NotesBundleError).issues.map((issue) => describeIssue(issue, zh))).toEqual([line]);
  });

  it('keeps HTML as plain text and drops unknown fields and "__proto__"', () => {
    const raw = JSON.parse(
      JSON.stringify({ ...makeNote({ text: '<img src=x onerror=alert(1)>' }), extra: 1 }).replace(
        '{"id"',
        '{"__proto__":{"polluted":true},"id"',
      ),
    );
    expect(Object.keys(raw)).toContain('__proto__');
    const note = checkImportedNote(raw, 1);
    expect(note.text).toBe('<img src=x onerror=alert(1)>');
    expect(Object.keys(note)).not.toContain('__proto__');
    expect(Object.keys(note)).not.toContain('extra');
    expect(Object.getPrototypeOf(note)).toBe(Object.prototype);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

describe('scanNotesBundle', () => {
  const notes = [makeNote({ id: 'a', text: '客户说转账失败' }), makeNote({ id: 'b', text: 'second' })];

  it('gives every note in order with the byte count read so far', async () => {
    const bundle = await bundleOf(notes);
    const { result, notes: read, progress } = await scan(bundle);
    expect(result).toEqual({ count: 2, exportedAt: '1970-01-01T00:00:00.000Z' });
    expect(read).toEqual(notes);
    expect(progress.at(-1)).toBe(new TextEncoder().encode(bundle).byteLength);
  });

  it('reads a bundle in one-byte chunks, Chinese characters split across them', async () => {
    expect((await scan(await bundleOf(notes), 1)).notes).toEqual(notes);
  });

  it('reads a bundle that starts with a byte order mark', async () => {
    expect((await scan(`\uFEFF${await bundleOf(notes)}`)).result.count).toBe(2);
  });

  it.each<[string, (bundle: string) => string, RegExp]>([
    ['only white space', () => ' \n ', /^file: "format" must be "agent-assist-notes"$/],
    ['null', () => 'null', /^file: "format" must be/],
    ['a bundle without a version', () => '{"format":"agent-assist-notes","notes":[]}', /^file: "version" is missing$/],
    ['a bundle cut after its header', (b) => b.slice(0, b.indexOf('[') + 1), /^file: not valid JSON or cut short/],
    ['a bundle cut after a note', (b) => b.slice(0, b.indexOf('\n', b.indexOf('\n') + 1)), /cut short/],
    ['a bundle cut before its count', (b) => b.slice(0, b.indexOf('],') + 1), /cut short/],
    ['a bundle without its last brace', (b) => b.trimEnd().slice(0, -1), /cut short/],
    ['text after the bundle', (b) => `${b}garbage`, /^file: not valid JSON/],
    ['two bundles end to end', (b) => b + b, /^file: not valid JSON/],
  ])('refuses %s', async (_name, mutate, message) => {
    await expect(scan(mutate(await bundleOf(notes)))).rejects.toThrow(message);
  });

  it.each<[string, (bundle: string) => string, string]>([
    [
      'a second note with the same id',
      (b) => b.replace('"id":"b"', '"id":"a"'),
      '第 2 条记录，id："a" 已被前面的记录使用',
    ],
    ['a wrong count', (b) => b.replace('"count":2', '"count":5'), '文件：文件标明有 5 条记录，实际有 2 条，可能不完整'],
    ['an edited note', (b) => b.replace('second', 'changed'), '文件：校验和不一致，文件已被修改或损坏'],
    [
      'another format',
      (b) => b.replace('"agent-assist-notes"', '"agent-assist-kb"'),
      '文件："format" 不是 "agent-assist-notes"',
    ],
    ['a newer version', (b) => b.replace('"version":1', '"version":2'), '文件：不支持版本 2'],
    ['a bundle cut short', (b) => b.slice(0, b.indexOf('],')), '文件：不是有效的 JSON，或在第'],
  ])('says what is wrong with %s in Chinese', async (_name, mutate, line) => {
    const error = await scan(mutate(await bundleOf(notes))).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotesBundleError);
    expect(describeIssue((error as NotesBundleError).issues[0]!, zh)).toContain(line);
    expect((error as NotesBundleError).issues).toHaveLength(1);
  });

  it('refuses two notes with the same id, naming the second one and the id', async () => {
    const later = { ...notes[0]!, revision: 4, text: 'the later copy' };
    const bundle = await bundleOf([...notes, later]);
    await expect(scan(bundle)).rejects.toThrow(/^note 3: id: "a" is already used by an earlier note$/);
  });

  const byteOf = (content: string, index: number) => new TextEncoder().encode(content.slice(0, index)).byteLength;

  it.each<[string, (bundle: string) => [string, number]]>([
    ['text after the bundle', (b) => [`${b}garbage`, byteOf(b, b.length)]],
    ['a second bundle after the first', (b) => [b + b, byteOf(b, b.length)]],
    ['text after a bundle with a byte order mark', (b) => [`\uFEFF${b}garbage`, byteOf(`\uFEFF${b}`, b.length + 1)]],
    [
      'a comma before the closing bracket',
      (b) => {
        const bad = b.replace('\n],', ',\n],');
        return [bad, byteOf(bad, bad.lastIndexOf('],'))];
      },
    ],
    [
      'a comma before the closing bracket, after a byte order mark',
      (b) => {
        const bad = `\uFEFF${b.replace('\n],', ',\n],')}`;
        return [bad, byteOf(bad, bad.lastIndexOf('],'))];
      },
    ],
  ])('names the byte where the JSON goes wrong, read in one chunk or many: %s', async (_name, mutate) => {
    const [content, byte] = mutate(await bundleOf(notes));
    for (const size of [1 << 20, 64, 1]) {
      await expect(scan(content, size)).rejects.toThrow(`near byte ${byte} (`);
    }
  });

  it('passes on a failure of the note handler as it is, not as bad JSON', async () => {
    const bundle = await bundleOf(notes);
    const failing = scanNotesBundle(chunksOf(bundle), {
      totalBytes: bundle.length,
      onNote: () => Promise.reject(new Error('QuotaExceededError')),
    });
    await expect(failing).rejects.toThrow(/^QuotaExceededError$/);
  });

  it('refuses an empty file before reading it', async () => {
    await expect(scanNotesBundle(chunksOf('{}'), { totalBytes: 0 })).rejects.toThrow('file: empty');
  });

  it('passes on hostile notes only as checked, plain data', async () => {
    const hostile = JSON.parse(
      JSON.stringify(makeNote({ id: 'h', text: '<script>alert(1)</script>' })).replace(
        '{"id"',
        '{"__proto__":{"polluted":true},"id"',
      ),
    );
    const bundle = await bundleOf([hostile]);
    expect(bundle).toContain('{"__proto__":{"polluted":true},"id":"h"');
    const { notes: read } = await scan(bundle);
    expect(read[0]?.text).toBe('<script>alert(1)</script>');
    expect(Object.keys(read[0]!)).not.toContain('__proto__');
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
});
