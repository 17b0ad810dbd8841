import { describe, expect, it } from 'vitest';
import {
  isPendingSearchFor,
  MAX_SELECTION_LENGTH,
  PENDING_SEARCH_TTL_MS,
  selectionToQuery,
} from '@/utils/pending-search';

describe('selectionToQuery', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['   \n\t ', null],
    ['  transfer \n failed  ', 'transfer failed'],
    ['账户 被锁', '账户 被锁'],
  ])('%j -> %j', (selection, expected) => {
    expect(selectionToQuery(selection)).toBe(expected);
  });

  it('caps a huge selection', () => {
    expect(selectionToQuery('a'.repeat(100_000))).toHaveLength(MAX_SELECTION_LENGTH);
  });
});

describe('isPendingSearchFor', () => {
  const pending = { tabId: 4, text: 'otp', at: 1_000 };
  it.each([
    [pending, 4, 1_000 + PENDING_SEARCH_TTL_MS, true],
    [pending, 4, 1_001 + PENDING_SEARCH_TTL_MS, false],
    [pending, 5, 1_000, false],
    [pending, null, 1_000, false],
    [null, 4, 1_000, false],
  ])('%j for tab %j at %j is %j', (value, tabId, now, expected) => {
    expect(isPendingSearchFor(value, tabId, now)).toBe(expected);
  });
});
