import { useState } from 'preact/hooks';
import type { ChecklistDefinition } from '@/utils/checklists/checklist-definition';
import type { ChecklistImportResult } from '@/utils/checklists/checklist-store';
import { describeError } from '@/utils/file-issues';
import { useI18n } from './i18n';

export interface ChecklistAdminProps {
  checklists: readonly ChecklistDefinition[];
  onImport: (file: File) => Promise<ChecklistImportResult>;
  onExport: () => void;
}

/** The checklists in use, and importing or exporting their definitions. */
export function ChecklistAdminSection({ checklists, onImport, onExport }: ChecklistAdminProps) {
  const { t, locale } = useI18n();
  const [status, setStatus] = useState('');
  // Kept as thrown, so that it is shown in the language in use.
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  const errors = failure ? describeError(failure.error, t) : [];
  return (
    <section class="options-section" aria-labelledby="checklists-title" data-testid="checklists-admin">
      <h2 id="checklists-title">{t('checklistsHeading')}</h2>
      <ul>
        {checklists.map((checklist) => (
          <li key={checklist.id}>
            {checklist.title[locale]}{' '}
            <span class="hint">{t('checklistsVersionSteps', checklist.version, checklist.steps.length)}</span>
          </li>
        ))}
      </ul>
      <div class="button-row">
        <button type="button" onClick={onExport}>
          {t('checklistsExport')}
        </button>
      </div>
      <div class="field field--stacked">
        <label for="checklist-file">{t('checklistsImportLabel')}</label>
        <input
          id="checklist-file"
          type="file"
          accept=".json,application/json"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = '';
            setStatus('');
            setFailure(null);
            if (!file) return;
            onImport(file).then(
              (result) =>
                setStatus(t('checklistsImported', result.added.length, result.updated.length, result.unchanged.length)),
              (error: unknown) => setFailure({ error }),
            );
          }}
        />
        <p class="hint">{t('checklistsImportHint')}</p>
      </div>
      {errors.length > 0 && (
        <ul class="notice notice--error" role="alert" data-testid="checklist-import-errors">
          {errors.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      <p class="save-state" role="status">
        {status}
      </p>
    </section>
  );
}
