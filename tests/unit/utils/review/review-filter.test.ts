import { describe, expect, it } from 'vitest';
import type { NoteSummary } from '@/utils/review/note-summary';
import {
  dayStart,
  EMPTY_FILTER,
  filterFromSearch,
  filterToSearch,
  sortSummaries,
  summaryFilter,
} from '@/utils/review/review-filter';

const row = (id: string, overrides: Partial<NoteSummary> = {}): NoteSummary => ({
  id,
  createdAt: dayStart('2026-11-02') + 3_600_000,
  endedAt: null,
  agentId: 'a1',
  agentName: 'Lin',
  site: 'demo',
  caseId: null,
  category: 'fraud',
  outcome: 'resolved',
  reviewStatus: 'unreviewed',
  reviewRequested: false,
  compliant: true,
  runs: [],
  excerpt: '',
  ...overrides,
});

describe('review filter', () => {
  it('round-trips through a link', () => {
    const filter = {
      ...EMPTY_FILTER,
      from: '2026-11-01',
      to: '2026-11-30',
      agentId: 'a1',
      compliance: 'not-compliant' as const,
      checklistId: 'fraud',
      text: '安全账户',
    };
    expect(filterFromSearch(filterToSearch(filter))).toEqual(filter);
  });

  it('ignores unknown or malformed values in a link', () => {
    expect(filterFromSearch('?from=yesterday&category=<b>&status=done&compliance=maybe')).toEqual(EMPTY_FILTER);
  });

  it.each([
    [{ from: '2026-11-02', to: '2026-11-02' }, true],
    [{ from: '2026-11-03' }, false],
    [{ to: '2026-11-01' }, false],
    [{ agentId: 'a2' }, false],
    [{ category: 'lockout' }, false],
    [{ compliance: 'compliant' }, true],
    [{ compliance: 'no-checklist' }, false],
    [{ reviewStatus: 'reviewed' }, false],
  ] as const)('%j matches: %s', (change, expected) => {
    expect(summaryFilter({ ...EMPTY_FILTER, ...change }, null)(row('x'))).toBe(expected);
  });

  it('keeps only text-search hits when a search ran', () => {
    const keep = summaryFilter(EMPTY_FILTER, new Set(['b']));
    expect([row('a'), row('b')].filter(keep).map((r) => r.id)).toEqual(['b']);
  });

  it('sorts by a column, newest first among equals', () => {
    const rows = [
      row('1', { agentName: 'Wang', createdAt: 1 }),
      row('2', { agentName: 'Lin', createdAt: 2 }),
      row('3', { agentName: 'Lin', createdAt: 3 }),
    ];
    expect(sortSummaries(rows, 'agent', false).map((r) => r.id)).toEqual(['3', '2', '1']);
    expect(sortSummaries(rows, 'createdAt', true).map((r) => r.id)).toEqual(['3', '2', '1']);
  });
});
