import { describe, expect, it } from 'vitest';
import { boundTabFromSearch } from '@/utils/tabs';

describe('boundTabFromSearch', () => {
  it.each([
    ['?tab=12', 12],
    ['?tab=0', 0],
    ['', null],
    ['?tab=', null],
    ['?tab=-1', null],
    ['?tab=1e3', null],
    ['?tab=12&x=1', 12],
    ['?tab=<script>', null],
  ])('%s -> %j', (search, expected) => {
    expect(boundTabFromSearch(search)).toBe(expected);
  });
});
