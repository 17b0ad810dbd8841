import type { ChecklistDefinition } from '@/utils/checklists/checklist-definition';
import type { ChecklistRun, RunError, StepAction } from '@/utils/checklists/checklist-run';
import type { ChecklistSuggestion } from '@/utils/checklists/checklist-triggers';
import { ChecklistRunCard } from './ChecklistRunCard';
import { useI18n } from './i18n';
import { useNow } from './use-now';

export const FRAUD_CHECKLIST_ID = 'fraud';

export interface ChecklistSectionProps {
  definitions: readonly ChecklistDefinition[];
  /** The definition a run started with, even when a newer version exists. */
  definitionOf: (run: ChecklistRun) => ChecklistDefinition | undefined;
  runs: readonly ChecklistRun[];
  suggestions: readonly ChecklistSuggestion[];
  onStart: (checklistId: string) => void;
  onAction: (runId: string, action: StepAction) => RunError | null;
}

/** Suggested and running checklists, with a picker for any other. */
export function ChecklistSection(props: ChecklistSectionProps) {
  const { t, locale } = useI18n();
  const { definitions, runs, onStart } = props;
  const now = useNow(
    1000,
    runs.some((run) => run.completedAt === null),
  );
  const started = new Set(runs.map((run) => run.checklistId));
  const suggestions = props.suggestions.filter((s) => !started.has(s.checklistId));
  const titleOf = (id: string) => definitions.find((d) => d.id === id)?.title[locale] ?? id;

  return (
    <section class="panel__section checklists" aria-labelledby="checklists-heading">
      <h2 id="checklists-heading" class="section-heading">
        {t('clHeading')}
      </h2>
      {suggestions.length > 0 && (
        <ul class="checklist-suggestions" aria-label={t('clSuggested')}>
          {suggestions.map((suggestion) => (
            <li key={suggestion.checklistId}>
              <button
                type="button"
                data-testid={`start-${suggestion.checklistId}`}
                onClick={() => onStart(suggestion.checklistId)}
              >
                {t('clStart', titleOf(suggestion.checklistId))}
              </button>{' '}
              <span class="hint">
                {suggestion.reason.kind === 'keyword'
                  ? t('clBecauseKeyword', suggestion.reason.keyword)
                  : t('clBecauseFaq')}
              </span>
            </li>
          ))}
        </ul>
      )}
      <select
        aria-label={t('clStartOther')}
        value=""
        onChange={(event) => {
          const id = event.currentTarget.value;
          if (id) onStart(id);
        }}
      >
        <option value="">{t('clStartOther')}</option>
        {definitions
          .filter((definition) => !started.has(definition.id))
          .map((definition) => (
            <option key={definition.id} value={definition.id}>
              {definition.title[locale]}
            </option>
          ))}
      </select>
      {runs.map((run) => {
        const definition = props.definitionOf(run);
        return definition ? (
          <ChecklistRunCard
            key={run.id}
            definition={definition}
            run={run}
            now={now}
            onAction={(action) => props.onAction(run.id, action)}
          />
        ) : null;
      })}
    </section>
  );
}
