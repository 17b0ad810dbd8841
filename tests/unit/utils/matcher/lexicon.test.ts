import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { compileLexicon, DEFAULT_LEXICON, findConcepts, LexiconSchema, latinUnits } from '@/utils/matcher/lexicon';
import lexiconData from '@/utils/matcher/lexicon.json';
import { normalizeText } from '@/utils/matcher/normalize';
import { tokenizeNormalized } from '@/utils/matcher/tokenize';

const compiled = compileLexicon(DEFAULT_LEXICON);
const concepts = (text: string) => {
  const normalized = normalizeText(text);
  return new Set(findConcepts(compiled, normalized, latinUnits(tokenizeNormalized(normalized))));
};

describe('the domain lexicon (data)', () => {
  it('is valid, with unique ids and phrases in both languages for every concept', () => {
    const lexicon = v.parse(LexiconSchema, lexiconData);
    const ids = lexicon.concepts.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const concept of lexicon.concepts) {
      expect(concept.en.length, concept.id).toBeGreaterThan(0);
      expect(concept.zh.length, concept.id).toBeGreaterThan(0);
    }
  });

  it('has no English phrase made only of words the tokenizer drops (it would never match)', () => {
    for (const concept of DEFAULT_LEXICON.concepts) {
      for (const phrase of concept.en) {
        expect(
          latinUnits(tokenizeNormalized(normalizeText(phrase))).length,
          `${concept.id}: "${phrase}"`,
        ).toBeGreaterThan(0);
      }
    }
  });
});

describe('findConcepts', () => {
  it.each([
    ['我账号被锁了', 'lockout'],
    ['登不上去', 'lockout'],
    ['I am locked out of my account', 'lockout'],
    ['钱还没到账呢', 'not-received'],
    ['对方说一直没收到', 'not-received'],
    ['the money never arrived', 'not-received'],
    ['我好像被骗了', 'scam'],
    ['this is a scam', 'scam'],
    ['让我转到安全账户', 'safe-account'],
    ['he wanted it in a safe account', 'safe-account'],
    ['收不到验证码', 'otp'],
    ['my OTP never came', 'otp'],
    ['同一笔扣了两次', 'double-charge'],
    ['I was charged twice', 'double-charge'],
  ])('%s -> %s', (text, concept) => {
    expect(concepts(text)).toContain(concept);
  });

  it('maps the same concept from both languages, which lets a Chinese query find an English answer', () => {
    expect([...concepts('被锁')].filter((c) => concepts('locked out').has(c))).toContain('lockout');
  });

  it.each([
    ['今天天气不错', ['lockout', 'scam', 'safe-account', 'not-received']],
    ['the weather is nice today', ['lockout', 'scam', 'safe-account', 'not-received']],
    ['the card payment went through fine', ['lockout', 'scam', 'not-received']],
  ])('near miss %s does not raise %j', (text, absent) => {
    const found = concepts(text);
    for (const concept of absent) expect(found, concept).not.toContain(concept);
  });

  it('copes with empty and huge text', () => {
    expect(concepts('')).toEqual(new Set());
    expect(concepts('被锁'.repeat(20_000)).has('lockout')).toBe(true);
  });
});
