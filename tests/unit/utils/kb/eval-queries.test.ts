import { describe, expect, it, vi } from 'vitest';
import { describeIssue } from '@/utils/file-issues';
import { createTranslator } from '@/utils/i18n';
import {
  EvalQueriesError,
  MAX_EVAL_FILE_BYTES,
  MAX_EVAL_QUERIES,
  MAX_EVAL_QUERY_LENGTH,
  parseEvalQueries,
  readEvalQueriesFile,
} from '@/utils/kb/eval-queries';

describe('parseEvalQueries', () => {
  it('reads ids and lists of ids, ignores other fields and blank lines', () => {
    expect(
      parseEvalQueries('{"text":"lost card","expected":"a","kind":"x"}\n\n{"text":"转账","expected":["b","c"]}\n'),
    ).toEqual([
      { text: 'lost card', expected: ['a'], locale: 'en' },
      { text: '转账', expected: ['b', 'c'], locale: 'zh-CN' },
    ]);
  });

  it.each([
    ['{"text":"x"', 'line 1: not valid JSON'],
    ['{"text":"","expected":"a"}', 'line 1: "text" is empty'],
    ['{"text":"a","expected":[]}', 'line 1: "expected" is an empty list'],
    ['{"text":"a","expected":"x"}\n{"text":1,"expected":"a"}', 'line 2: "text" must be a string'],
    ['', 'file: no queries in the file'],
  ])('%s -> %s', (text, message) => {
    expect(() => parseEvalQueries(text)).toThrow(EvalQueriesError);
    expect(() => parseEvalQueries(text)).toThrow(message);
  });

  it.each([
    ['a file of blank lines', '\n \r\n\t\n', 'file: no queries in the file'],
    ['only a byte order mark', '\uFEFF', 'file: no queries in the file'],
    ['a line that is null', 'null', 'line 1: must be an object with "text" and "expected"'],
    ['a line that is a list', '["lost card","a"]', 'line 1: must be an object with "text" and "expected"'],
    ['a line without "expected"', '{"text":"lost card"}', 'line 1: must be an object with "text" and "expected"'],
    ['an empty id', '{"text":"lost card","expected":""}', 'line 1: "expected" is empty'],
    ['an empty id in a list', '{"text":"lost card","expected":["a",""]}', 'line 1: "expected" holds an empty id'],
    [
      'an id that is a number',
      '{"text":"lost card","expected":7}',
      'line 1: "expected" must be an entry id or a list of ids',
    ],
    ['a truncated last line', '{"text":"a","expected":"x"}\n{"text":"b","exp', 'line 2: not valid JSON'],
    ['two queries on one line', '{"text":"a","expected":"x"}{"text":"b","expected":"y"}', 'line 1: not valid JSON'],
  ])('refuses %s', (_name, text, message) => {
    expect(() => parseEvalQueries(text)).toThrow(message);
  });

  it.each([
    ['{"text":"x"', '第 1 行：不是有效的 JSON'],
    ['{"text":"a","expected":"x"}\n{"text":" ","expected":"a"}', '第 2 行："text" 为空'],
    ['{"text":"a","expected":7}', '第 1 行："expected" 应为一个条目 id 或 id 列表'],
    ['null', '第 1 行：应为带有 "text" 和 "expected" 的对象'],
    [
      JSON.stringify({ text: 'x'.repeat(MAX_EVAL_QUERY_LENGTH + 1), expected: 'a' }),
      '第 1 行："text" 超过 2000 个字符',
    ],
  ])('says what is wrong with %s in Chinese', (text, line) => {
    let error: unknown;
    try {
      parseEvalQueries(text);
    } catch (caught) {
      error = caught;
    }
    expect((error as EvalQueriesError).issues.map((issue) => describeIssue(issue, createTranslator('zh-CN')))).toEqual([
      line,
    ]);
  });

  it('reads a file with a byte order mark and Windows line endings', () => {
    const text = '\uFEFF{"text":"lost card","expected":"a"}\r\n\r\n{"text":"转账失败","expected":"b"}\r\n';
    expect(parseEvalQueries(text)).toEqual([
      { text: 'lost card', expected: ['a'], locale: 'en' },
      { text: '转账失败', expected: ['b'], locale: 'zh-CN' },
    ]);
  });

  it('counts lines with Windows line endings for its errors', () => {
    expect(() => parseEvalQueries('{"text":"a","expected":"x"}\r\n\r\n{"text":"b"}\r\n')).toThrow(/^line 3: /);
  });

  it(`refuses more than ${MAX_EVAL_QUERIES} queries, naming the first line past the limit`, () => {
    const line = '{"text":"lost card","expected":"a"}\n';
    expect(parseEvalQueries(line.repeat(MAX_EVAL_QUERIES))).toHaveLength(MAX_EVAL_QUERIES);
    expect(() => parseEvalQueries(`\n${line.repeat(MAX_EVAL_QUERIES + 1)}`)).toThrow(
      `line ${MAX_EVAL_QUERIES + 2}: more than ${MAX_EVAL_QUERIES} queries`,
    );
  });

  it(`refuses a text over ${MAX_EVAL_QUERY_LENGTH} characters and accepts one at the limit`, () => {
    const query = (text: string) => JSON.stringify({ text, expected: 'a' });
    expect(parseEvalQueries(query('锁'.repeat(MAX_EVAL_QUERY_LENGTH)))[0]?.text).toHaveLength(MAX_EVAL_QUERY_LENGTH);
    expect(() => parseEvalQueries(query('x'.repeat(1_000_000)))).toThrow(
      `line 1: "text" is longer than ${MAX_EVAL_QUERY_LENGTH} characters`,
    );
  });

  it('keeps HTML as plain text and drops "__proto__" fields', () => {
    const [query] = parseEvalQueries(
      '{"__proto__":{"polluted":true},"text":"<img src=x onerror=alert(1)>","expected":["__proto__","<b>"]}',
    );
    expect(query).toMatchObject({ text: '<img src=x onerror=alert(1)>', expected: ['__proto__', '<b>'] });
    expect(Object.keys(query!)).not.toContain('__proto__');
    expect(Object.getPrototypeOf(query)).toBe(Object.prototype);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

describe('the 5 MB limit', () => {
  const line = '{"text":"转账一直显示处理中","expected":"transfer-pending"}\n';
  const lines = (bytes: number) => line.repeat(Math.ceil(bytes / new TextEncoder().encode(line).byteLength));

  it('refuses text over 5 MB, counted in UTF-8 bytes', () => {
    const text = lines(MAX_EVAL_FILE_BYTES + 1);
    expect(text.length).toBeLessThan(MAX_EVAL_FILE_BYTES);
    expect(() => parseEvalQueries(text)).toThrow(/^file: larger than 5 MB$/);
  });

  it('reads a file just under 5 MB', () => {
    const text = line.repeat(Math.floor(MAX_EVAL_FILE_BYTES / new TextEncoder().encode(line).byteLength));
    expect(parseEvalQueries(text).length).toBeGreaterThan(50_000);
  });

  it('refuses a file over 5 MB without reading it', async () => {
    const text = vi.fn(async () => line);
    const big = { size: MAX_EVAL_FILE_BYTES + 1, text } as unknown as Blob;
    await expect(readEvalQueriesFile(big)).rejects.toThrow('file: larger than 5 MB');
    expect(text).not.toHaveBeenCalled();
  });

  it('reads a file within the limit', async () => {
    await expect(readEvalQueriesFile(new Blob([line]))).resolves.toEqual([
      { text: '转账一直显示处理中', expected: ['transfer-pending'], locale: 'zh-CN' },
    ]);
  });
});
