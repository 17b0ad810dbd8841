import { dayOf, dayStart } from '../review/review-filter';
import type { ComplianceQuery, ComplianceReport } from './compliance-report';

const DAY_S = 86_400;

/**
 * The time axis of the daily trend, in Unix seconds: the days the query asks for, so the chart
 * spans the period QA chose however few days have runs; without dates, the days with runs, a day
 * either side.
 */
export function trendRange(
  query: Pick<ComplianceQuery, 'from' | 'to'>,
  daily: ComplianceReport['daily'],
): [number, number] {
  const days = daily.map((d) => dayStart(d.day) / 1000);
  const first = query.from ? dayStart(query.from) / 1000 : Math.min(...days) - DAY_S;
  const last = query.to ? dayStart(query.to) / 1000 + DAY_S : Math.max(...days) + 2 * DAY_S;
  if (!Number.isFinite(first) || !Number.isFinite(last)) {
    const today = dayStart(dayOf(Date.now())) / 1000;
    return [today - DAY_S, today + 2 * DAY_S];
  }
  return [first, Math.max(last, first + DAY_S)];
}
