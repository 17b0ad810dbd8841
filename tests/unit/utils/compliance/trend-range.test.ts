import { describe, expect, it } from 'vitest';
import { trendRange } from '@/utils/compliance/trend-range';
import { dayStart } from '@/utils/review/review-filter';

const s = (day: string) => dayStart(day) / 1000;
const DAY = 86_400;
const daily = (...days: string[]) => days.map((day) => ({ day, runs: 1, compliant: 1, rate: 1 }));

describe('trendRange', () => {
  it.each([
    [
      'the chosen days, however few have runs',
      { from: '2026-11-02', to: '2026-12-01' },
      daily('2026-11-20'),
      [s('2026-11-02'), s('2026-12-01') + DAY],
    ],
    [
      'one chosen day',
      { from: '2026-11-20', to: '2026-11-20' },
      daily('2026-11-20'),
      [s('2026-11-20'), s('2026-11-20') + DAY],
    ],
    [
      'the days with runs and a day either side, without dates',
      { from: null, to: null },
      daily('2026-11-03', '2026-11-20'),
      [s('2026-11-02'), s('2026-11-21') + DAY],
    ],
    [
      'a start date alone',
      { from: '2026-11-01', to: null },
      daily('2026-11-03'),
      [s('2026-11-01'), s('2026-11-04') + DAY],
    ],
  ])('%s', (_name, query, days, expected) => {
    expect(trendRange(query, days)).toEqual(expected);
  });

  it('gives three days around today with neither dates nor runs', () => {
    const [first, last] = trendRange({ from: null, to: null }, []);
    expect(last - first).toBe(3 * DAY);
  });
});
