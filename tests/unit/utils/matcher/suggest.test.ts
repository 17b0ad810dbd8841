import { describe, expect, it } from 'vitest';
import type { KbEntry } from '@/utils/kb/kb-entry';
import { querySimilarity, rerankWithFeedback } from '@/utils/matcher/feedback-ranking';
import { buildIndex, search } from '@/utils/matcher/matcher';
import { caseQueryText, suggest } from '@/utils/matcher/suggest';
import { tokenize } from '@/utils/matcher/tokenize';

const entries: KbEntry[] = [
  {
    id: 'lock',
    locale: 'en',
    question: 'My account is locked',
    alternates: ['locked out', 'cannot log in'],
    answer: 'Reset.',
    tags: [],
  },
  {
    id: 'transfer',
    locale: 'en',
    question: 'Transfer failed',
    alternates: ['payment to a friend failed'],
    answer: 'Retry.',
    tags: [],
  },
  {
    id: 'refund',
    locale: 'en',
    question: 'Where is my refund',
    alternates: ['merchant refund missing'],
    answer: 'Wait.',
    tags: [],
  },
];
const index = buildIndex(entries);

describe('suggest', () => {
  it('merges several queries and labels each suggestion with the query that found it', () => {
    const { suggestions } = suggest(index, [
      { source: 'case', text: 'transfer failed' },
      { source: 'note', text: 'customer is locked out' },
    ]);
    const bySource = Object.fromEntries(suggestions.map((s) => [s.entry.id, s.source]));
    expect(bySource).toMatchObject({ transfer: 'case', lock: 'note' });
  });

  it('reports no good match only when something was searched', () => {
    expect(suggest(index, [{ source: 'search', text: 'weather in paris' }]).noGoodMatch).toBe(true);
    expect(suggest(index, [{ source: 'case', text: '' }]).noGoodMatch).toBe(false);
    expect(suggest(index, []).suggestions).toEqual([]);
  });

  describe('translations of one topic', () => {
    const pair = (id: string, question: string, zh: string, tags: string[]): KbEntry[] => [
      { id: `${id}-en`, locale: 'en', question, alternates: [], answer: 'a', tags },
      { id: `${id}-zh`, locale: 'zh-CN', question: zh, alternates: [], answer: '答', tags },
    ];
    const bilingual = buildIndex([
      ...pair('locked', 'My account is locked, how do I get back in', '账户被锁定了怎么办', ['lockout', 'login']),
      ...pair('password', 'I forgot my login password', '忘记登录密码怎么办', ['password', 'login']),
    ]);
    const ids = (text: string) => suggest(bilingual, [{ source: 'case', text }]).suggestions.map((s) => s.entry.id);

    it.each([
      ['an English case', 'account locked, forgot login password', ['locked-en', 'password-en']],
      ['a Chinese case', '账户被锁定，忘记登录密码', ['locked-zh', 'password-zh']],
    ])('leave out the other language once %s has its own answer on the topic', (_name, text, expected) => {
      expect(ids(text).sort()).toEqual(expected);
    });

    it('still offer another language when the query’s own has no answer on the topic', () => {
      const englishOnly = buildIndex([
        {
          id: 'refund-en',
          locale: 'en',
          question: 'Where is my refund',
          alternates: ['退款'],
          answer: 'a',
          tags: ['refund'],
        },
      ]);
      expect(suggest(englishOnly, [{ source: 'case', text: '退款' }]).suggestions.map((s) => s.entry.id)).toEqual([
        'refund-en',
      ]);
    });
  });

  it('builds the case query from subject, description and the newest message', () => {
    expect(caseQueryText({ subject: 'Locked', description: null, latestMessage: 'help me' })).toBe('Locked\nhelp me');
  });
});

describe('feedback', () => {
  const terms = (text: string) => new Set(tokenize(text).map((t) => t.term));

  it.each([
    ['transfer failed', 'transfer failed', 1],
    ['transfer failed', 'refund', 0],
    ['', 'x', 0],
  ])('similarity of %j and %j is %d', (a, b, expected) => {
    expect(querySimilarity(terms(a), terms(b))).toBeCloseTo(expected);
  });

  it('lifts an entry voted helpful for the same question, and can bring one in', () => {
    const query = 'payment to a friend failed, money gone';
    const before = search(index, query, { limit: 20 });
    expect(before.results[0]?.entry.id).toBe('transfer');
    const after = rerankWithFeedback(
      before,
      query,
      [
        { query, entryId: 'refund', helpful: true },
        { query, entryId: 'refund', helpful: true },
        { query, entryId: 'transfer', helpful: false },
      ],
      (id) => entries.find((e) => e.id === id),
    );
    expect(after.results[0]?.entry.id).toBe('refund');
  });

  it('ignores votes on unrelated questions', () => {
    const query = 'transfer failed';
    const before = search(index, query, { limit: 20 });
    const after = rerankWithFeedback(
      before,
      query,
      [{ query: 'where is my refund', entryId: 'refund', helpful: true }],
      () => undefined,
    );
    expect(after.results.map((r) => r.entry.id)).toEqual(before.results.map((r) => r.entry.id));
  });
});
