import { CATEGORIES, OUTCOMES, REVIEW_STATUSES } from '@/utils/notes/call-note';
import type { ReviewFilter } from '@/utils/review/review-filter';
import { EMPTY_FILTER } from '@/utils/review/review-filter';
import { useI18n } from './i18n';
import { CATEGORY_LABEL, OUTCOME_LABEL, REVIEW_STATUS_LABEL } from './review-labels';

export interface ReviewFiltersProps {
  filter: ReviewFilter;
  agents: readonly { id: string; name: string }[];
  checklists: readonly { id: string; title: string }[];
  onChange: (filter: ReviewFilter) => void;
}

/** The filters above the call table; every change is applied at once. */
export function ReviewFilters({ filter, agents, checklists, onChange }: ReviewFiltersProps) {
  const { t } = useI18n();
  const set = <K extends keyof ReviewFilter>(key: K, value: ReviewFilter[K]) => onChange({ ...filter, [key]: value });
  const choice = (value: string) => (value === '' ? null : value);
  return (
    <form class="filters" aria-label={t('reviewTitle')} onSubmit={(event) => event.preventDefault()}>
      <label>
        {t('filterText')}
        <input
          type="search"
          value={filter.text}
          onInput={(event) => set('text', event.currentTarget.value)}
          data-testid="filter-text"
        />
      </label>
      <label>
        {t('filterFrom')}
        <input
          type="date"
          value={filter.from ?? ''}
          onChange={(event) => set('from', choice(event.currentTarget.value))}
        />
      </label>
      <label>
        {t('filterTo')}
        <input type="date" value={filter.to ?? ''} onChange={(event) => set('to', choice(event.currentTarget.value))} />
      </label>
      <label>
        {t('filterAgent')}
        <select
          data-testid="filter-agent"
          value={filter.agentId ?? ''}
          onChange={(event) => set('agentId', choice(event.currentTarget.value))}
        >
          <option value="">{t('filterAny')}</option>
          {agents.map((agent) => (
            <option key={agent.id} value={agent.id}>
              {agent.name || agent.id}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('filterCategory')}
        <select
          value={filter.category ?? ''}
          onChange={(event) => set('category', choice(event.currentTarget.value) as ReviewFilter['category'])}
        >
          <option value="">{t('filterAny')}</option>
          {CATEGORIES.map((category) => (
            <option key={category} value={category}>
              {t(CATEGORY_LABEL[category])}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('filterOutcome')}
        <select
          value={filter.outcome ?? ''}
          onChange={(event) => set('outcome', choice(event.currentTarget.value) as ReviewFilter['outcome'])}
        >
          <option value="">{t('filterAny')}</option>
          {OUTCOMES.map((outcome) => (
            <option key={outcome} value={outcome}>
              {t(OUTCOME_LABEL[outcome])}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('filterReviewStatus')}
        <select
          value={filter.reviewStatus ?? ''}
          onChange={(event) => set('reviewStatus', choice(event.currentTarget.value) as ReviewFilter['reviewStatus'])}
        >
          <option value="">{t('filterAny')}</option>
          {REVIEW_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(REVIEW_STATUS_LABEL[status])}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('filterChecklist')}
        <select
          value={filter.checklistId ?? ''}
          onChange={(event) => set('checklistId', choice(event.currentTarget.value))}
        >
          <option value="">{t('filterAny')}</option>
          {checklists.map((checklist) => (
            <option key={checklist.id} value={checklist.id}>
              {checklist.title}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('filterCompliance')}
        <select
          value={filter.compliance ?? ''}
          onChange={(event) => set('compliance', choice(event.currentTarget.value) as ReviewFilter['compliance'])}
        >
          <option value="">{t('filterAny')}</option>
          <option value="compliant">{t('complianceCompliant')}</option>
          <option value="not-compliant">{t('complianceNotCompliant')}</option>
          <option value="no-checklist">{t('complianceNone')}</option>
        </select>
      </label>
      <button type="button" onClick={() => onChange(EMPTY_FILTER)}>
        {t('filterClear')}
      </button>
    </form>
  );
}
