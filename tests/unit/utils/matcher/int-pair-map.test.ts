import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IntPairMap } from '@/utils/matcher/int-pair-map';

describe('IntPairMap', () => {
  it('gives -1 for a pair it does not hold, and the first id given for one it does', () => {
    const map = new IntPairMap();
    let next = 0;
    expect(map.get(3, 4)).toBe(-1);
    expect(map.getOrAdd(3, 4, () => next++)).toBe(0);
    expect(map.getOrAdd(4, 3, () => next++)).toBe(1);
    expect(map.getOrAdd(3, 4, () => next++)).toBe(0);
    expect(map.getOrAdd(3, -1, () => next++)).toBe(2);
    expect([map.get(3, 4), map.get(4, 3), map.get(3, -1), map.size]).toEqual([0, 1, 2, 3]);
  });

  it('agrees with a Map as it grows far past its first capacity', () => {
    const pair = fc.tuple(fc.integer({ min: 0, max: 0x7fffffff }), fc.integer({ min: -1, max: 0x7fffffff }));
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 3000 }), (pairs) => {
        const map = new IntPairMap(4);
        const oracle = new Map<string, number>();
        let next = 0;
        for (const [first, second] of pairs) {
          const key = `${first},${second}`;
          const id = map.getOrAdd(first, second, () => next++);
          if (!oracle.has(key)) oracle.set(key, id);
          expect(id).toBe(oracle.get(key));
        }
        expect(map.size).toBe(oracle.size);
        for (const [key, id] of oracle) {
          const [first, second] = key.split(',').map(Number) as [number, number];
          expect(map.get(first, second)).toBe(id);
        }
      }),
      { numRuns: 30 },
    );
  });
});
