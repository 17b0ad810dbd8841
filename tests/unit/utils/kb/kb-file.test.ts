import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it, vi } from 'vitest';
import { BUILT_IN_CHECKLIST_IDS } from '@/utils/checklists/checklist-ids';
import { describeIssue, describePlace } from '@/utils/file-issues';
import { createTranslator } from '@/utils/i18n';
import { DEFAULT_KB } from '@/utils/kb/default-kb';
import type { KbEntry } from '@/utils/kb/kb-entry';
import {
  CSV_COLUMNS,
  decodeKbBytes,
  detectKbFormat,
  KB_LIMITS,
  KbFileError,
  kbToCsv,
  kbToJson,
  parseKbCsv,
  parseKbFile,
  parseKbJson,
  readKbFile,
} from '@/utils/kb/kb-file';

const options = { knownChecklists: new Set<string>(BUILT_IN_CHECKLIST_IDS) };
const en = createTranslator('en');
const zh = createTranslator('zh-CN');
const entry = (overrides: Record<string, unknown> = {}) => ({
  id: 'a-1',
  locale: 'en',
  question: 'Q?',
  alternates: ['q'],
  answer: 'A.',
  tags: ['t'],
  ...overrides,
});
const json = (entries: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'agent-assist-kb', version: 1, entries, ...extra });

function issuesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof KbFileError)
      return error.issues.map(
        (issue) => `${describePlace(issue.place, en)}|${issue.field ?? ''}|${en(issue.reason, ...(issue.args ?? []))}`,
      );
    throw error;
  }
  throw new Error('expected a KbFileError');
}

describe('the bundled default KB', () => {
  it('passes the same validation as an imported file, with both locales for every topic', () => {
    const parsed = parseKbJson(readFileSync('utils/kb/default-kb.json', 'utf8'), options);
    expect(parsed.entries).toHaveLength(DEFAULT_KB.length);
    expect(parsed.entries.length).toBeGreaterThanOrEqual(80);
    const topics = new Set(parsed.entries.map((e) => e.id.replace(/-(zh|en)$/, '')));
    for (const topic of topics) {
      expect(
        parsed.entries.some((e) => e.id === `${topic}-zh` && e.locale === 'zh-CN'),
        topic,
      ).toBe(true);
      expect(
        parsed.entries.some((e) => e.id === `${topic}-en` && e.locale === 'en'),
        topic,
      ).toBe(true);
    }
    expect(topics.size).toBeGreaterThanOrEqual(40);
    for (const e of parsed.entries) expect(e.alternates.length, e.id).toBeGreaterThanOrEqual(3);
  });
});

describe('parseKbJson', () => {
  it('reads the fixture and keeps unknown fields', () => {
    const parsed = parseKbJson(readFileSync('tests/fixtures/kb/small-kb.json', 'utf8'), options);
    expect(parsed.entries.map((e) => e.id)).toEqual(['card-lost-en', 'transfer-failed-zh']);
    expect(parsed.entries[0]?.reviewedBy).toBe('lin');
    expect(parsed.entries[1]?.checklist).toBe('transfer-failure');
  });

  it.each([
    ['not JSON', '{"format":', 'file||not valid JSON'],
    ['an array', '[]', 'file||must be an object'],
    [
      'a wrong format',
      JSON.stringify({ format: 'other', version: 1, entries: [] }),
      'file|format|must be "agent-assist-kb"',
    ],
    [
      'a newer version',
      JSON.stringify({ format: 'agent-assist-kb', version: 2, entries: [] }),
      'file|version|version 2 is not supported',
    ],
    [
      'entries that are not a list',
      JSON.stringify({ format: 'agent-assist-kb', version: 1, entries: {} }),
      'file|entries|must be a list',
    ],
    ['no entries', json([]), 'file||has no entries'],
  ])('refuses %s', (_name, text, expected) => {
    expect(issuesOf(() => parseKbJson(text, options))[0]).toContain(expected);
  });

  it('names the entry and field of every problem', () => {
    const issues = issuesOf(() =>
      parseKbJson(
        json([
          entry(),
          entry({ id: 'a-1' }),
          entry({ id: 'b', question: '  ' }),
          entry({ id: 'c', answer: '' }),
          entry({ id: 'd', locale: 'fr' }),
          entry({ id: 'e', checklist: 'nope' }),
          entry({ id: 'f', alternates: 'x' }),
          entry({ id: 'g', tags: [1] }),
          entry({ id: 'h h' }),
          'text',
        ]),
        options,
      ),
    );
    expect(issues).toEqual([
      'entry 2|id|duplicate id "a-1" (first at entry 1)',
      'entry 3|question|is empty',
      'entry 4|answer|is empty',
      'entry 5|locale|unknown locale "fr"; use zh-CN or en',
      expect.stringMatching(/^entry 6\|checklist\|unknown checklist "nope"/),
      'entry 7|alternates|must be a list of texts',
      'entry 8|tags[1]|must be text, not number',
      'entry 9|id|may hold only letters, digits and . _ : -',
      'entry 10||must be an object',
    ]);
  });

  it('says every problem in Chinese for a zh-CN KB owner, with the field names as written', () => {
    let error: unknown;
    try {
      parseKbJson(json([entry(), entry({ answer: '' }), entry({ id: 'b', locale: 'fr' })]), options);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(KbFileError);
    expect((error as KbFileError).issues.map((issue) => describeIssue(issue, zh))).toEqual([
      '第 2 条，id：id "a-1" 重复（首次出现在第 1 条）',
      '第 2 条，answer：不能为空',
      '第 3 条，locale：未知的语言 "fr"，请使用 zh-CN 或 en',
    ]);
    expect((error as KbFileError).message).toBe(
      'entry 2, id: duplicate id "a-1" (first at entry 1)\nentry 2, answer: is empty\nentry 3, locale: unknown locale "fr"; use zh-CN or en',
    );
  });

  it('shows HTML and script as text and says so', () => {
    const parsed = parseKbJson(
      json([entry({ answer: '<img src=x onerror=alert(1)><script>alert(1)</script>' })]),
      options,
    );
    expect(parsed.entries[0]?.answer).toBe('<img src=x onerror=alert(1)><script>alert(1)</script>');
    expect(parsed.warnings[0]).toEqual({
      place: { kind: 'entry', position: 1 },
      field: 'answer',
      reason: 'issueKbHtml',
    });
    expect(describeIssue(parsed.warnings[0]!, zh)).toBe('第 1 条，answer：含有 HTML 标记，将按纯文本显示');
  });

  it('does not let a "__proto__" field reach the prototype', () => {
    const parsed = parseKbJson(
      `{"format":"agent-assist-kb","version":1,"entries":[{"id":"x","locale":"en","question":"q","answer":"a","__proto__":{"polluted":true},"constructor":1}]}`,
      options,
    );
    expect(Object.getPrototypeOf(parsed.entries[0])).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(parsed.entries[0]!)).not.toContain('constructor');
  });

  it('refuses more entries than the limit', () => {
    const many = Array.from({ length: KB_LIMITS.maxEntries + 1 }, (_, i) => entry({ id: `e${i}` }));
    expect(issuesOf(() => parseKbJson(json(many), options))[0]).toContain('at most 50000');
  });

  it('refuses an over-long answer and a huge text', () => {
    expect(
      issuesOf(() => parseKbJson(json([entry({ answer: 'x'.repeat(KB_LIMITS.maxAnswerLength + 1) })]), options))[0],
    ).toContain('longer than');
    expect(issuesOf(() => parseKbJson(' '.repeat(KB_LIMITS.maxBytes + 1), options))[0]).toContain('larger than 20 MB');
  });

  it('caps the number of issues it reports', () => {
    const bad = Array.from({ length: 500 }, (_, i) => entry({ id: `e${i}`, question: '' }));
    expect(issuesOf(() => parseKbJson(json(bad), options))).toHaveLength(50);
  });
});

describe('parseKbCsv', () => {
  it('reads the fixture: BOM, quoted commas and line breaks, | lists, extra columns', () => {
    const parsed = parseKbCsv(readFileSync('tests/fixtures/kb/small-kb.csv', 'utf8'), options);
    expect(parsed.entries).toEqual([
      {
        id: 'card-lost-en',
        locale: 'en',
        question: 'I lost my card',
        alternates: ['my card is missing', 'card stolen'],
        answer: 'Freeze the card, then order a new one.',
        tags: ['card'],
        source: 'import',
      },
      {
        id: 'transfer-failed-zh',
        locale: 'zh-CN',
        question: '转账失败怎么办?',
        alternates: ['转不出去', '转账一直失败'],
        answer: '先看失败提示,\n再重试。',
        tags: ['transfer'],
        checklist: 'transfer-failure',
        source: 'import',
      },
    ]);
  });

  it.each([
    [
      'a missing column',
      'id,locale,question\nx,en,q\n',
      'line 1||header is missing alternates, answer, tags, checklist; expected id,locale,question,alternates,answer,tags,checklist',
    ],
    [
      'a short row',
      'id,locale,question,alternates,answer,tags,checklist\nx,en,q\n',
      'line 2||has 3 cells; the header has 7',
    ],
    ['an empty file', '', 'file||has no entries'],
    ['only a header', 'id,locale,question,alternates,answer,tags,checklist\n', 'file||has no entries'],
  ])('refuses %s', (_name, text, expected) => {
    expect(issuesOf(() => parseKbCsv(text, options))[0]).toBe(expected);
  });

  it('names lines and says CSV problems in Chinese', () => {
    const text = `${CSV_COLUMNS.join(',')}\nx,en,q,,a,,\nx,en,,,a,,\ny,en,q,,"a"b,,\n`;
    let issues: KbFileError['issues'] = [];
    try {
      parseKbCsv(text, options);
    } catch (error) {
      issues = (error as KbFileError).issues;
    }
    expect(issues.map((issue) => describeIssue(issue, zh))).toEqual([
      '第 3 行，id：id "x" 重复（首次出现在第 2 行）',
      '第 3 行，question：不能为空',
      '第 4 行：带引号的单元格在结束引号后还有多余字符',
      '第 4 行：带引号的单元格缺少结束引号',
      '第 4 行：有 5 个单元格，表头有 7 个',
    ]);
  });

  it('gives file line numbers even after a quoted multi-line cell', () => {
    const text = 'id,locale,question,alternates,answer,tags,checklist\na,en,q,,"line one\nline two",,\nb,xx,q,,a,,\n';
    expect(issuesOf(() => parseKbCsv(text, options))).toEqual(['line 4|locale|unknown locale "xx"; use zh-CN or en']);
  });
});

describe('decodeKbBytes', () => {
  it('accepts UTF-8 with a BOM and refuses other encodings', () => {
    expect(decodeKbBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toBe('a');
    expect(issuesOf(() => decodeKbBytes(new Uint8Array([0xd7, 0xaa, 0xd5, 0xcb]))) /* GBK "转账" */).toEqual([
      'file||not valid UTF-8 text (save it as UTF-8)',
    ]);
  });

  it('refuses bytes over the size limit before decoding', () => {
    expect(issuesOf(() => decodeKbBytes(new Uint8Array(KB_LIMITS.maxBytes + 1)))[0]).toContain('larger than 20 MB');
  });
});

describe('readKbFile', () => {
  it('refuses a file over 20 MB without reading it', async () => {
    const arrayBuffer = vi.fn(async () => new ArrayBuffer(0));
    const big = { name: 'kb.json', size: KB_LIMITS.maxBytes + 1, arrayBuffer } as unknown as File;
    await expect(readKbFile(big, options)).rejects.toThrow('file: larger than 20 MB');
    expect(arrayBuffer).not.toHaveBeenCalled();
  });

  it('reads a file within the limit, by the format its name says', async () => {
    const file = new File([readFileSync('tests/fixtures/kb/small-kb.csv')], 'kb.csv');
    expect((await readKbFile(file, options)).entries).toEqual(
      parseKbCsv(readFileSync('tests/fixtures/kb/small-kb.csv', 'utf8'), options).entries,
    );
  });
});

describe('export', () => {
  it('round-trips JSON and CSV without loss, unknown fields included', () => {
    const { entries } = parseKbJson(readFileSync('tests/fixtures/kb/small-kb.json', 'utf8'), options);
    expect(parseKbFile('kb.json', kbToJson(entries), options).entries).toEqual(entries);
    expect(parseKbFile('kb.csv', kbToCsv(entries), options).entries).toEqual(entries);
  });

  it('round-trips the default KB through CSV', () => {
    expect(parseKbCsv(kbToCsv(DEFAULT_KB), options).entries).toEqual(DEFAULT_KB);
  });

  const formulaLike: KbEntry = {
    ...entry({
      question: '=HYPERLINK("http://evil.example","refund")?',
      alternates: ['+86 95188', 'b'],
      answer: "'=quoted already",
      tags: ['-x', 'y'],
      note: '@SUM(A1)',
    }),
    locale: 'en',
  };

  it('quotes cells a spreadsheet would run as formulas', () => {
    const rows = Papa.parse<string[]>(kbToCsv([formulaLike]).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(rows[1]).toEqual([
      'a-1',
      'en',
      `'=HYPERLINK("http://evil.example","refund")?`,
      "'+86 95188|b",
      "''=quoted already",
      "'-x|y",
      '',
      "'@SUM(A1)",
    ]);
  });

  it('round-trips formula-like cells through CSV', () => {
    expect(parseKbCsv(kbToCsv([formulaLike]), options).entries).toEqual([formulaLike]);
  });
});

describe('empty, truncated and hostile files', () => {
  const header = 'id,locale,question,alternates,answer,tags,checklist\n';

  it.each<[string, () => unknown, string]>([
    ['an empty JSON file', () => parseKbFile('kb.json', '', options), 'file||not valid JSON'],
    ['a JSON file of only a byte order mark', () => parseKbJson('\uFEFF', options), 'file||not valid JSON'],
    ['JSON null', () => parseKbJson('null', options), 'file||must be an object'],
    [
      'a truncated JSON export',
      () => parseKbJson(kbToJson(DEFAULT_KB).slice(0, 5_000), options),
      'file||not valid JSON',
    ],
    ['a null entry', () => parseKbJson(json([null]), options), 'entry 1||must be an object'],
    ['an empty CSV file', () => parseKbFile('kb.csv', '', options), 'file||has no entries'],
    ['an empty file of unknown type', () => parseKbFile('kb.txt', '', options), 'file||has no entries'],
    ['a CSV file of only a byte order mark', () => parseKbCsv('\uFEFF', options), 'file||has no entries'],
    [
      'a CSV file cut inside a quoted cell',
      () => parseKbCsv(`${header}a,en,q,,"half an answer`, options),
      'line 2||Quoted field unterminated',
    ],
    ['empty bytes', () => parseKbFile('kb.csv', decodeKbBytes(new Uint8Array()), options), 'file||has no entries'],
    [
      'bytes cut inside a character',
      () => decodeKbBytes(new TextEncoder().encode('id,locale\n转账').slice(0, -1)),
      'file||not valid UTF-8 text',
    ],
  ])('refuses %s', (_name, run, expected) => {
    expect(issuesOf(run)[0]).toContain(expected);
  });

  it('refuses a truncated CSV export at the line where it stops', () => {
    const csv = kbToCsv(DEFAULT_KB);
    const cut = csv.slice(0, csv.indexOf('\n', 10_000) + 40);
    const issues = issuesOf(() => parseKbCsv(cut, options));
    const lines = new Set(issues.map((issue) => issue.split('|')[0]));
    expect([...lines]).toEqual([expect.stringMatching(/^line \d+$/)]);
  });

  it('refuses more CSV rows than the limit', () => {
    const rows = Array.from({ length: KB_LIMITS.maxEntries + 1 }, (_, i) => `e${i},en,q,,a,,`).join('\n');
    expect(issuesOf(() => parseKbCsv(header + rows, options))).toEqual([
      `file||has ${KB_LIMITS.maxEntries + 1} entries; at most ${KB_LIMITS.maxEntries} are allowed`,
    ]);
  });

  it('takes off the single quote put before a formula character, and only that', () => {
    const parsed = parseKbCsv(`${header}a,en,'=1+1,'+86 95188|'-x,'tis,'@t,\n`, options);
    expect(parsed.entries[0]).toMatchObject({
      question: '=1+1',
      alternates: ['+86 95188', "'-x"],
      answer: "'tis",
      tags: ['@t'],
    });
  });

  it('shows HTML in CSV cells as text and says so', () => {
    const parsed = parseKbCsv(`${header}a,en,<b>q</b>,,<script>alert(1)</script>,,\n`, options);
    expect(parsed.entries[0]).toMatchObject({ question: '<b>q</b>', answer: '<script>alert(1)</script>' });
    expect(parsed.warnings.map((w) => w.field)).toEqual(['question', 'answer']);
  });

  it('does not let a "__proto__" or "constructor" column reach the entry', () => {
    const parsed = parseKbCsv(
      'id,locale,question,alternates,answer,tags,checklist,__proto__,constructor\na,en,q,,a,,,{"polluted":true},x\n',
      options,
    );
    expect(Object.keys(parsed.entries[0]!)).toEqual(['id', 'locale', 'question', 'alternates', 'answer', 'tags']);
    expect(Object.getPrototypeOf(parsed.entries[0])).toBe(Object.prototype);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

describe('detectKbFormat', () => {
  it.each([
    ['kb.json', 'id,locale', 'json'],
    ['KB.JSON', '', 'json'],
    ['kb.csv', '{"format":"agent-assist-kb"}', 'csv'],
    ['kb.txt', '  \n{"format":"agent-assist-kb"}', 'json'],
    ['kb', 'id,locale,question', 'csv'],
    ['kb', '', 'csv'],
  ])('%s holding %j is read as %s', (fileName, text, format) => {
    expect(detectKbFormat(fileName, text)).toBe(format);
  });
});
