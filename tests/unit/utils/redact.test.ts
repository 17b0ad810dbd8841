import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isLuhnValid, isResidentId, MASK_CHAR, redact } from '@/utils/redact';

interface CorpusCase {
  text: string;
  secrets: { value: string; kind: string }[];
  note: string;
}

const corpus: CorpusCase[] = readFileSync('tests/fixtures/redaction/corpus.jsonl', 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line));

describe('redact on the corpus', () => {
  it('has at least 150 cases, about half must-not-mask', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(150);
    const clean = corpus.filter((c) => c.secrets.length === 0).length;
    expect(clean / corpus.length).toBeGreaterThan(0.4);
  });

  it.each(corpus.map((c) => [c.note, c] as const))('%s', (_note, c) => {
    const result = redact(c.text);
    for (const secret of c.secrets) {
      const start = c.text.indexOf(secret.value);
      const covering = result.masked.find((span) => span.start <= start && span.end >= start + secret.value.length);
      expect(covering, `"${secret.value}" (${secret.kind}) is masked`).toBeDefined();
      expect(result.text.slice(start, start + secret.value.length)).toContain(MASK_CHAR);
    }
    if (c.secrets.length === 0) expect(result.masked, 'nothing masked').toEqual([]);
    else {
      const maskedElsewhere = result.masked.filter(
        (span) =>
          !c.secrets.some((secret) => {
            const start = c.text.indexOf(secret.value);
            return span.start < start + secret.value.length && span.end > start;
          }),
      );
      expect(
        maskedElsewhere.map((span) => c.text.slice(span.start, span.end)),
        'nothing else masked',
      ).toEqual([]);
    }
  });
});

describe('redact', () => {
  it('keeps the length so spans index both texts', () => {
    const text = '卡号 4111 1111 1111 1111，验证码 482913';
    const result = redact(text);
    expect(result.text).toHaveLength(text.length);
    expect(result.text).toBe('卡号 •••• •••• •••• 1111，验证码 ••••••');
    expect(result.masked.map((span) => span.kind)).toEqual(['card', 'otp']);
  });

  it('is idempotent', () => {
    const once = redact('PIN 4321 and card 5500-0000-0000-0004').text;
    expect(redact(once).text).toBe(once);
    expect(redact(once).masked).toEqual([]);
  });

  it('copes with empty and huge text', () => {
    expect(redact('')).toEqual({ text: '', masked: [] });
    const huge = 'transfer of 2000 on 2024-05-01 '.repeat(20_000);
    expect(redact(huge).masked).toEqual([]);
  });
});

describe('checksums', () => {
  it.each([
    ['4111111111111111', true],
    ['4111111111111112', false],
    ['79927398713', true],
  ])('Luhn %s -> %s', (digits, expected) => {
    expect(isLuhnValid(digits)).toBe(expected);
  });

  it.each([
    ['11010519491231002X', true],
    ['110105194912310021', false],
    ['110105194913310028', false],
  ])('resident id %s -> %s', (id, expected) => {
    expect(isResidentId(id)).toBe(expected);
  });
});
