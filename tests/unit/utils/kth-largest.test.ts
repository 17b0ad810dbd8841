import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kthLargest } from '@/utils/kth-largest';

describe('kthLargest', () => {
  it('finds the k-th largest value as sorting would', () => {
    fc.assert(
      fc.property(
        // Eighths of small integers: exact in 32 bits, with many ties.
        fc.array(
          fc.integer({ min: 0, max: 400 }).map((n) => n / 8),
          { minLength: 1, maxLength: 500 },
        ),
        fc.nat(),
        (values, pick) => {
          const k = 1 + (pick % values.length);
          const sorted = Float32Array.from(values).sort();
          expect(kthLargest(Float32Array.from(values), k)).toBe(sorted[sorted.length - k]);
        },
      ),
    );
  });
});
