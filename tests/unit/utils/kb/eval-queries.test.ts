import { describe, expect, it } from 'vitest';
import { EvalQueriesError, MAX_EVAL_QUERIES, MAX_EVAL_QUERY_LENGTH, parseEvalQueries } from '@/utils/kb/eval-queries';

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
    ['', 'line 0: no queries in the file'],
  ])('%s -> %s', (text, message) => {
    expect(() => parseEvalQueries(text)).toThrow(new EvalQueriesError(0, '').constructor);
    expect(() => parseEvalQueries(text)).toThrow(message);
  });

  it.each([
    ['a file of blank lines', '\n \r\n\t\n', 'line 0: no queries in the file'],
    ['only a byte order mark', '\uFEFF', 'line 0: no queries in the file'],
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
