import { describe, expect, it } from 'vitest';
import { createTypoCorrector, editDistance } from '@/utils/matcher/typo';

describe('editDistance', () => {
  it.each([
    ['account', 'account', 0],
    ['acount', 'account', 1],
    ['acconut', 'account', 1],
    ['transfre', 'transfer', 1],
    ['recieved', 'received', 1],
    ['lokced', 'locked', 1],
    ['abc', 'xyz', 3],
  ])('%s / %s = %i', (a, b, distance) => {
    expect(editDistance(a, b, 3)).toBe(distance);
  });

  it('stops early past the limit', () => {
    expect(editDistance('abcdefgh', 'zzzzzzzz', 1)).toBe(2);
  });
});

describe('createTypoCorrector', () => {
  const corrector = createTypoCorrector(
    new Map([
      ['account', 10],
      ['locked', 5],
      ['transfer', 8],
      ['received', 3],
      ['refund', 4],
      ['verification', 2],
    ]),
  );

  it.each([
    ['my acount got lokced', 'my account got locked'],
    ['transfre never recieved', 'transfer never received'],
    ['verifcation code', 'verification code'],
    ['refund', 'refund'],
    ['the cat', 'the cat'],
    ['转账失败 acount', '转账失败 account'],
  ])('%s -> %s', (input, expected) => {
    expect(corrector.correct(input)).toBe(expected);
  });

  it('leaves short and unknown words alone', () => {
    expect(corrector.correct('pin otp xyzzy')).toBe('pin otp xyzzy');
  });
});
