import { describe, expect, it } from 'vitest';
import { EvalQueriesError, parseEvalQueries } from '@/utils/kb/eval-queries';

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
});
