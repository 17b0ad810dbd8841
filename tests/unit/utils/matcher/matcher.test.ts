import { describe, expect, it } from 'vitest';
import { DEFAULT_KB } from '@/utils/kb/default-kb';
import type { KbEntry } from '@/utils/kb/kb-entry';
import { buildIndex, search } from '@/utils/matcher/matcher';

const index = buildIndex(DEFAULT_KB);
const top = (query: string) => search(index, query).results[0]?.entry.id;

describe('search on the default KB', () => {
  it.each([
    ['账户被锁了怎么办', 'account-locked-zh'],
    ['my account is locked after too many attempts', 'account-locked-en'],
    ['收不到验证码', 'sms-code-not-received-zh'],
    ['otp not received', 'sms-code-not-received-en'],
    ['转账失败', 'transfer-failed-zh'],
    ['the money left my account but my friend never got it', 'transfer-not-received-en'],
    ['对方让我把钱转到安全账户', 'scam-call-safe-account-zh'],
    ['app keeps crashing after the update', 'app-crash-en'],
    ['charged twice for one coffee', 'double-charge-en'],
  ])('%s -> %s', (query, expected) => {
    expect(top(query)).toBe(expected);
  });

  it('tolerates typos in English', () => {
    expect(top('my acount got lokced')).toBe('account-locked-en');
  });

  it('prefers the language of the query', () => {
    expect(search(index, '转账失败').results[0]?.entry.locale).toBe('zh-CN');
    expect(search(index, 'transfer failed').results[0]?.entry.locale).toBe('en');
  });

  it('returns matched terms for highlighting', () => {
    const [first] = search(index, 'transfer failed').results;
    expect(first?.matchedTerms).toEqual(expect.arrayContaining(['transfer', 'failed']));
  });

  it.each(['', '   ', '!!!', 'zzzz qqqq', '今天天气怎么样'])('says "no good match" for %j', (query) => {
    expect(search(index, query).noGoodMatch).toBe(true);
  });

  it('is not slowed or broken by huge input', () => {
    const outcome = search(index, '转账失败 '.repeat(20_000));
    expect(outcome.results[0]?.entry.id).toBe('transfer-failed-zh');
  });
});

describe('buildIndex', () => {
  const entries: KbEntry[] = [
    {
      id: 'a',
      locale: 'en',
      question: 'Card arrival',
      alternates: ['when will my card come'],
      answer: 'Soon.',
      tags: ['card'],
    },
    { id: 'b', locale: 'en', question: 'Top up', alternates: ['add money'], answer: 'Use a card.', tags: [] },
  ];

  it('ranks by the question and alternates above the answer', () => {
    const small = buildIndex(entries);
    expect(search(small, 'card').results.map((r) => r.entry.id)).toEqual(['a', 'b']);
  });

  it('finds an entry by one of its alternates', () => {
    expect(search(buildIndex(entries), 'add money please').results[0]?.entry.id).toBe('b');
  });

  it('handles an empty knowledge base', () => {
    expect(search(buildIndex([]), 'card')).toMatchObject({ results: [], noGoodMatch: true });
  });
});
