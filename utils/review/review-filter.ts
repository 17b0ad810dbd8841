import { tokenize } from '../matcher/tokenize';
import {
  CATEGORIES,
  type Category,
  OUTCOMES,
  type Outcome,
  REVIEW_STATUSES,
  type ReviewStatus,
} from '../notes/call-note';
import type { NoteSummary } from './note-summary';

export const COMPLIANCE_FILTERS = ['compliant', 'not-compliant', 'no-checklist'] as const;
export type ComplianceFilter = (typeof COMPLIANCE_FILTERS)[number];

/** What the supervisor is looking for; also the query string of a Review link. */
export interface ReviewFilter {
  /** Inclusive day range, YYYY-MM-DD in local time. */
  from: string | null;
  to: string | null;
  agentId: string | null;
  category: Category | null;
  outcome: Outcome | null;
  reviewStatus: ReviewStatus | null;
  compliance: ComplianceFilter | null;
  checklistId: string | null;
  text: string;
}

export const EMPTY_FILTER: ReviewFilter = {
  from: null,
  to: null,
  agentId: null,
  category: null,
  outcome: null,
  reviewStatus: null,
  compliance: null,
  checklistId: null,
  text: '',
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;
}

export function filterFromSearch(search: string): ReviewFilter {
  const params = new URLSearchParams(search);
  const day = (key: string) => {
    const value = params.get(key);
    return value && DAY.test(value) ? value : null;
  };
  return {
    from: day('from'),
    to: day('to'),
    agentId: params.get('agent') || null,
    category: oneOf(CATEGORIES, params.get('category')),
    outcome: oneOf(OUTCOMES, params.get('outcome')),
    reviewStatus: oneOf(REVIEW_STATUSES, params.get('status')),
    compliance: oneOf(COMPLIANCE_FILTERS, params.get('compliance')),
    checklistId: params.get('checklist') || null,
    text: (params.get('q') ?? '').slice(0, 200),
  };
}

export function filterToSearch(filter: ReviewFilter): string {
  const params = new URLSearchParams();
  const set = (key: string, value: string | null) => {
    if (value) params.set(key, value);
  };
  set('from', filter.from);
  set('to', filter.to);
  set('agent', filter.agentId);
  set('category', filter.category);
  set('outcome', filter.outcome);
  set('status', filter.reviewStatus);
  set('compliance', filter.compliance);
  set('checklist', filter.checklistId);
  set('q', filter.text.trim() || null);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** Local midnight of a YYYY-MM-DD day, in epoch ms. */
export function dayStart(day: string): number {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year!, month! - 1, date!).getTime();
}

export function dayOf(ms: number): string {
  const date = new Date(ms);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** The search terms of a query, made the way note search rows are. */
export function searchTerms(text: string): string[] {
  return [
    ...new Set(
      tokenize(text, { chineseWords: true, chineseChars: false })
        .filter((t) => t.kind !== 'pair')
        .map((t) => t.term),
    ),
  ];
}

/** A predicate for the filter's fields; `textMatches` is the set of ids the text search found, if any. */
export function summaryFilter(
  filter: ReviewFilter,
  textMatches: ReadonlySet<string> | null,
): (summary: NoteSummary) => boolean {
  const from = filter.from ? dayStart(filter.from) : -Infinity;
  const to = filter.to ? dayStart(filter.to) + 24 * 60 * 60 * 1000 : Infinity;
  return (summary) =>
    summary.createdAt >= from &&
    summary.createdAt < to &&
    (filter.agentId === null || summary.agentId === filter.agentId) &&
    (filter.category === null || summary.category === filter.category) &&
    (filter.outcome === null || summary.outcome === filter.outcome) &&
    (filter.reviewStatus === null || summary.reviewStatus === filter.reviewStatus) &&
    (filter.checklistId === null || summary.runs.some((run) => run.checklistId === filter.checklistId)) &&
    (filter.compliance === null ||
      (filter.compliance === 'no-checklist'
        ? summary.compliant === null
        : filter.checklistId
          ? summary.runs.some(
              (run) => run.checklistId === filter.checklistId && run.compliant === (filter.compliance === 'compliant'),
            )
          : summary.compliant === (filter.compliance === 'compliant'))) &&
    (textMatches === null || textMatches.has(summary.id));
}

export const SORT_KEYS = ['createdAt', 'agent', 'category', 'outcome', 'reviewStatus'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

const SORT_VALUE: Record<SortKey, (summary: NoteSummary) => string | number> = {
  createdAt: (s) => s.createdAt,
  agent: (s) => s.agentName || s.agentId,
  category: (s) => s.category ?? '',
  outcome: (s) => s.outcome ?? '',
  reviewStatus: (s) => s.reviewStatus,
};

/** Sorted copy; ties fall back to newest first so the order is stable. */
export function sortSummaries(rows: readonly NoteSummary[], key: SortKey, descending: boolean): NoteSummary[] {
  const value = SORT_VALUE[key];
  const sign = descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x < y) return -sign;
    if (x > y) return sign;
    return b.createdAt - a.createdAt;
  });
}
