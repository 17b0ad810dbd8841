import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectLanguage, isHan, isHanCode, normalizeText } from '@/utils/matcher/normalize';
import { CHINESE_STOPWORDS } from '@/utils/matcher/stopwords';
import { scanTokens, segmentAhead, tokenize } from '@/utils/matcher/tokenize';

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

describe('isHanCode', () => {
  it.each([
    ['转', true],
    ['㐀', true],
    ['〇', true],
    ['a', false],
    ['ア', false],
    ['\ud840', false],
  ])('%s -> %s', (char, expected) => {
    expect(isHanCode(char.charCodeAt(0))).toBe(expected);
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

/** Texts of Chinese (stopwords included), Latin words, contractions, joiners and punctuation, in any mix. */
const mixedText = fc
  .array(
    fc.constantFrom(
      '转账',
      '失败',
      '了',
      '的',
      '是不是',
      '验证码收不到',
      '账户被锁定',
      '𠀀',
      'transfer',
      "haven't",
      'cannot',
      'TRF-4012',
      'top-up',
      ' ',
      ', ',
      '。',
      '!',
      "'",
    ),
    { maxLength: 30 },
  )
  .map((parts) => normalizeText(parts.join('')));

describe('scanTokens with split sinks', () => {
  it('gives the same Chinese characters, bigrams and word pairs as the string tokens', () => {
    fc.assert(
      fc.property(mixedText, (text) => {
        const strings: string[] = [];
        scanTokens(text, {}, (term, kind) => strings.push(`${kind}:${term}`));
        const split: string[] = [];
        scanTokens(text, {}, (term, kind) => split.push(`${kind}:${term}`), {
          han: (first, second) =>
            split.push(
              second === -1 ? `char:${String.fromCharCode(first)}` : `bigram:${String.fromCharCode(first, second)}`,
            ),
          pair: (first, second) => split.push(`pair:${first}_${second}`),
        });
        expect(split.sort()).toEqual(strings.sort());
      }),
    );
  });
});

describe('segmentAhead', () => {
  const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
  const longWordsOf = (text: string) =>
    (text.match(/\p{Script=Han}{3,}/gu) ?? []).flatMap((run) =>
      [...segmenter.segment(run)].map((s) => s.segment).filter((w) => w.length > 2 && !CHINESE_STOPWORDS.has(w)),
    );
  const words = (text: string) => tokenize(text).filter((t) => t.kind === 'word' && isHan(t.term[0]!));

  it('segments many texts at once into the words each would give alone', () => {
    const hanText = fc
      .array(fc.constantFrom('验证码', '收不到', '手机号码', '银行卡', '转账', '失败', '了', '为什么', '，'), {
        minLength: 1,
        maxLength: 12,
      })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.array(hanText, { minLength: 2, maxLength: 8 }), fc.integer(), (texts, salt) => {
        // A character of its own per run keeps these runs out of what earlier cases cached.
        const fresh = texts.map((text) => `${text}${String.fromCharCode(0x4e00 + (Math.abs(salt) % 5000))}`);
        segmentAhead(fresh);
        for (const text of fresh) expect(words(text).map((t) => t.term)).toEqual(longWordsOf(text));
      }),
      { numRuns: 50 },
    );
  });
});
