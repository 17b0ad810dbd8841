import { useRef } from 'preact/hooks';
import type { MessageKey } from '@/utils/i18n';
import type { NoteSummary } from '@/utils/review/note-summary';
import type { SortKey } from '@/utils/review/review-filter';
import { agentLabel } from './agent-label';
import { useI18n } from './i18n';
import { CATEGORY_LABEL, OUTCOME_LABEL, REVIEW_STATUS_LABEL } from './review-labels';
import { useVirtualRows } from './use-virtual-rows';

export const ROW_HEIGHT = 36;

export interface NotesTableProps {
  rows: readonly NoteSummary[];
  selectedId: string | null;
  sort: { key: SortKey; descending: boolean };
  onSort: (key: SortKey) => void;
  onSelect: (id: string) => void;
}

/** The calls as a table that renders only the rows in view, so 100,000 calls scroll smoothly. */
export function NotesTable({ rows, selectedId, sort, onSort, onSelect }: NotesTableProps) {
  const { t, locale } = useI18n();
  const scroller = useRef<HTMLDivElement>(null);
  const { items, totalSize } = useVirtualRows(rows.length, () => scroller.current, ROW_HEIGHT);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  const header = (key: SortKey, label: MessageKey) => (
    <th scope="col" aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : undefined}>
      <button type="button" class="sort" onClick={() => onSort(key)}>
        {t(label)}
        {sort.key === key ? (sort.descending ? ' ▼' : ' ▲') : ''}
      </button>
    </th>
  );
  const top = items[0]?.start ?? 0;
  const bottom = totalSize - (items.at(-1)?.end ?? 0);
  return (
    <div class="table-scroll" ref={scroller} data-testid="notes-table">
      <table class="notes-table">
        <thead>
          <tr>
            {header('createdAt', 'colDate')}
            {header('agent', 'colAgent')}
            <th scope="col">{t('colCase')}</th>
            {header('category', 'colCategory')}
            {header('outcome', 'colOutcome')}
            <th scope="col">{t('colChecklists')}</th>
            {header('reviewStatus', 'colReview')}
            <th scope="col">{t('colNote')}</th>
          </tr>
        </thead>
        <tbody>
          {top > 0 && <tr style={{ height: `${top}px` }} />}
          {items.map((item) => {
            const row = rows[item.index]!;
            const selected = row.id === selectedId;
            return (
              <tr
                key={row.id}
                class={selected ? 'selected' : undefined}
                aria-current={selected ? 'true' : undefined}
                data-note-id={row.id}
                style={{ height: `${ROW_HEIGHT}px` }}
                onClick={() => onSelect(row.id)}
              >
                <td>
                  <button type="button" class="row-select" onClick={() => onSelect(row.id)}>
                    {date.format(row.createdAt)}
                  </button>
                </td>
                <td>{agentLabel(row)}</td>
                <td>{row.caseId}</td>
                <td>{row.category && t(CATEGORY_LABEL[row.category])}</td>
                <td>{row.outcome && t(OUTCOME_LABEL[row.outcome])}</td>
                <td class={row.compliant === false ? 'bad' : row.compliant ? 'good' : undefined}>
                  {row.compliant === null
                    ? ''
                    : `${row.compliant ? '✓' : '✗'} ${row.runs.map((r) => r.checklistId).join(', ')}`}
                </td>
                <td>{t(REVIEW_STATUS_LABEL[row.reviewStatus])}</td>
                <td class="excerpt">{row.excerpt}</td>
              </tr>
            );
          })}
          {bottom > 0 && <tr style={{ height: `${bottom}px` }} />}
        </tbody>
      </table>
    </div>
  );
}
