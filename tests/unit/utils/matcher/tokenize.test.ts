import { describe, expect, it } from 'vitest';
import { detectLanguage, normalizeText } from '@/utils/matcher/normalize';
import { tokenize } from '@/utils/matcher/tokenize';

const terms = (text: string, kind?: string) =>
  tokenize(text)
    .filter((token) => !kind || token.kind === kind)
    .map((token) => token.term);

describe('normalizeText', () => {
  it.each([
    ['ＯＴＰ　１２３', 'otp 123'],
    ['Can’t LOG in', "can't log in"],
    ['zero\u200bwidth', 'zerowidth'],
    ['转账失败！', '转账失败!'],
  ])('%s -> %s', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe('detectLanguage', () => {
  it.each([
    ['账户被锁了', 'zh-CN'],
    ['my account is locked', 'en'],
    ['app闪退了', 'zh-CN'],
    ['my 转账 failed again today please', 'en'],
    ['12345 !!!', null],
  ])('%s -> %s', (text, expected) => {
    expect(detectLanguage(text)).toBe(expected);
  });
});

describe('tokenize', () => {
  it('stems English words and drops filler words', () => {
    expect(terms('I have been receiving the codes', 'word')).toEqual(['receiv', 'code']);
  });

  it('splits negative contractions into "not"', () => {
    expect(terms("I haven't received it and can't log in", 'word')).toEqual(['not', 'receiv', 'not', 'log']);
    expect(terms('I cannot pay', 'word')).toEqual(['not', 'pai']);
  });

  it('pairs neighbouring English words but not across punctuation', () => {
    expect(terms('transfer failed. card blocked', 'pair')).toEqual(['transfer_fail', 'card_block']);
  });

  it('segments Chinese into words, bigrams and characters', () => {
    expect(terms('我登不上去了', 'word')).toEqual(['不上去']);
    const tokens = tokenize('转账失败');
    expect(tokens.filter((t) => t.kind === 'bigram').map((t) => t.term)).toEqual(['转账', '账失', '失败']);
    expect(tokens.filter((t) => t.kind === 'char').map((t) => t.term)).toEqual(['转', '账', '失', '败']);
  });

  it('drops Chinese particles as words and characters but keeps them inside bigrams', () => {
    const tokens = tokenize('被锁了吗');
    expect(tokens.filter((t) => t.kind === 'char').map((t) => t.term)).toEqual(['锁']);
    expect(tokens.filter((t) => t.kind === 'bigram').map((t) => t.term)).toContain('被锁');
  });

  it('handles mixed Chinese and English', () => {
    expect(terms('app闪退了 after update', 'word')).toEqual(expect.arrayContaining(['app', 'updat']));
    expect(terms('app闪退了 after update', 'bigram')).toContain('闪退');
  });

  it('keeps numbers and codes', () => {
    expect(terms('error TRF-4012', 'word')).toEqual(['error', 'trf', '4012']);
  });

  it('survives empty, symbol-only and huge input', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('!!! ??? ...')).toEqual([]);
    expect(tokenize('转账 '.repeat(50_000)).length).toBeLessThan(5000);
  });
});
