import { describe, expect, it } from 'vitest';
import { planKbImport } from '@/utils/kb/kb-diff';
import type { KbEntry } from '@/utils/kb/kb-entry';

const e = (id: string, answer = 'a'): KbEntry => ({
  id,
  locale: 'en',
  question: 'q',
  alternates: [],
  answer,
  tags: [],
});

describe('planKbImport', () => {
  const current = [e('a'), e('b'), e('c')];
  const incoming = [e('b', 'new'), e('c'), e('d')];

  it('replace: adds, changes and removes', () => {
    const plan = planKbImport(current, incoming, 'replace');
    expect(plan).toMatchObject({ added: ['d'], changed: ['b'], removed: ['a'] });
    expect(plan.entries.map((x) => x.id)).toEqual(['b', 'c', 'd']);
  });

  it('merge: keeps entries the file does not mention', () => {
    const plan = planKbImport(current, incoming, 'merge');
    expect(plan).toMatchObject({ added: ['d'], changed: ['b'], removed: [] });
    expect(plan.entries.map((x) => [x.id, x.answer])).toEqual([
      ['a', 'a'],
      ['b', 'new'],
      ['c', 'a'],
      ['d', 'a'],
    ]);
  });
});
