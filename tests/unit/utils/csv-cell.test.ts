import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvCell, csvCellValue, csvLines } from '@/utils/csv-cell';

describe('csvCell', () => {
  it.each([
    ['a formula', '=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['a plus sign', '+86 95188', "'+86 95188"],
    ['a minus sign', '-1+1', "'-1+1"],
    ['an at sign', '@SUM(A1)', "'@SUM(A1)"],
    ['a tab', '\t=1', "'\t=1"],
    ['a carriage return', '\r=1', "'\r=1"],
    ['a quote before a formula', "'=1", "''=1"],
    ['plain text', 'card blocked', 'card blocked'],
    ['a formula character later on', 'a=b, c-d', 'a=b, c-d'],
    ['a quote before plain text', "'tis", "'tis"],
    ['a space before a formula', ' =1', ' =1'],
    ['an empty cell', '', ''],
  ])('%s: %j becomes %j', (_name, value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it.each(['=1', '+1', '-1', '@a', '\t', '\r', "'=1", "''-x", "'tis", "'", 'plain', ''])(
    'is undone by csvCellValue: %j',
    (value) => {
      expect(csvCellValue(csvCell(value))).toBe(value);
    },
  );
});

describe('csvCellValue', () => {
  it.each([
    ["'=1", '=1'],
    ["'+86 95188", '+86 95188'],
    ["''-1", "'-1"],
    ["'tis", "'tis"],
    ["'", "'"],
    ['=1', '=1'],
  ])('reads %j as %j', (cell, value) => {
    expect(csvCellValue(cell)).toBe(value);
  });
});

describe('csvLines', () => {
  it('writes every line ended by CRLF, quoting what CSV needs and formula-like cells', () => {
    const text = csvLines([
      ['text', 'count'],
      ['=1+1', '2'],
      ['say "hi", twice', '-'],
    ]);
    expect(text).toBe(`text,count\r\n'=1+1,2\r\n"say ""hi"", twice",'-\r\n`);
    expect(Papa.parse(text, { skipEmptyLines: true }).data).toEqual([
      ['text', 'count'],
      ["'=1+1", '2'],
      ['say "hi", twice', "'-"],
    ]);
  });

  it('writes a header alone as one line, without a blank line after it', () => {
    expect(csvLines([['a', 'b']])).toBe('a,b\r\n');
  });

  it('writes nothing for no rows', () => {
    expect(csvLines([])).toBe('');
  });
});
