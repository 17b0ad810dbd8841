import { describe, expect, it } from 'vitest';
import { highlightParts } from '@/utils/matcher/highlight';

const marked = (text: string, terms: string[]) =>
  highlightParts(text, terms)
    .filter((part) => part.marked)
    .map((part) => part.text);

describe('highlightParts', () => {
  it('marks stems at word starts, case-insensitively', () => {
    expect(marked('Transfers failed; transfer again', ['transfer'])).toEqual(['Transfer', 'transfer']);
  });

  it('does not mark inside other words', () => {
    expect(marked('discard the card', ['card'])).toEqual(['card']);
  });

  it('marks Chinese terms anywhere', () => {
    expect(marked('账户被锁定后如何恢复', ['锁定', '账户'])).toEqual(['账户', '锁定']);
  });

  it('joins overlapping terms into one mark', () => {
    expect(marked('没到账', ['没到', '到账'])).toEqual(['没到账']);
  });

  it('keeps all text, in order', () => {
    const text = 'Your <b>card</b> & PIN';
    expect(
      highlightParts(text, ['card', 'pin'])
        .map((part) => part.text)
        .join(''),
    ).toBe(text);
  });

  it('returns plain text when there is nothing to mark', () => {
    expect(highlightParts('abc', [])).toEqual([{ text: 'abc', marked: false }]);
  });
});
