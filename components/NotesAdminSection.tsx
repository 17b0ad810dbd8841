import { useState } from 'preact/hooks';
import type { PurgeLogRecord } from '@/utils/db/database';
import { describeError } from '@/utils/file-issues';
import type { ImportReport } from '@/utils/notes/notes-transfer';
import { MAX_RETENTION_DAYS, MIN_RETENTION_DAYS } from '@/utils/settings';
import { useI18n } from './i18n';
import { useDraft } from './use-draft';

export interface NotesAdminProps {
  retentionDays: number;
  purges: readonly PurgeLogRecord[];
  /** Called only with a period in the allowed range; a returned promise that rejects is shown as a failed save. */
  onRetentionChange: (days: number) => Promise<unknown> | undefined;
  onExport: (format: 'json' | 'csv') => void;
  onImport: NotesImportProps['onImport'];
}

export interface NotesImportProps {
  onImport: (file: File, onProgress: (share: number) => void) => Promise<ImportReport>;
}

type ImportState =
  | { status: 'idle' }
  | { status: 'running'; share: number }
  | { status: 'done'; report: ImportReport }
  | { status: 'failed'; error: unknown };

type RetentionProblem = { status: 'invalid' } | { status: 'failed'; reason: string };

/** Retention, export and import of call notes. */
export function NotesAdminSection(props: NotesAdminProps) {
  const { t, locale } = useI18n();
  const retention = useDraft(String(props.retentionDays));
  const [retentionProblem, setRetentionProblem] = useState<RetentionProblem | null>(null);
  const saveRetention = (typed: string) => {
    const days = Number(typed);
    if (!typed.trim() || !Number.isInteger(days) || days < MIN_RETENTION_DAYS || days > MAX_RETENTION_DAYS) {
      setRetentionProblem({ status: 'invalid' });
      return;
    }
    setRetentionProblem(null);
    void Promise.resolve(props.onRetentionChange(days)).catch((error: unknown) => {
      retention.setDraft(String(props.retentionDays));
      setRetentionProblem({ status: 'failed', reason: error instanceof Error ? error.message : String(error) });
    });
  };
  return (
    <section class="options-section" aria-labelledby="notes-title" data-testid="notes-admin">
      <h2 id="notes-title">{t('notesHeading')}</h2>
      <div class="field">
        <label for="retention">{t('notesRetention')}</label>
        <input
          id="retention"
          type="number"
          min={MIN_RETENTION_DAYS}
          max={MAX_RETENTION_DAYS}
          ref={retention.ref}
          value={retention.draft}
          aria-invalid={retentionProblem?.status === 'invalid' ? true : undefined}
          aria-describedby={retentionProblem ? 'retention-error' : undefined}
          onInput={(event) => retention.setDraft(event.currentTarget.value)}
          onChange={(event) => saveRetention(event.currentTarget.value)}
        />
      </div>
      {retentionProblem && (
        <p id="retention-error" class="notice notice--error" role="alert">
          {retentionProblem.status === 'invalid'
            ? t('notesRetentionInvalid', MIN_RETENTION_DAYS, MAX_RETENTION_DAYS, props.retentionDays)
            : t('notesRetentionSaveFailed', retentionProblem.reason, props.retentionDays)}
        </p>
      )}
      <p class="hint">{t('notesRetentionHint')}</p>
      <details>
        <summary>{t('notesLastPurges')}</summary>
        {props.purges.length === 0 ? (
          <p class="hint">{t('notesNoPurges')}</p>
        ) : (
          <ul>
            {props.purges.map((purge) => (
              <li key={purge.id}>
                {t(
                  'notesPurgeLine',
                  new Date(purge.at).toLocaleString(locale),
                  purge.deleted,
                  purge.keptForReview,
                  purge.retentionDays,
                )}
              </li>
            ))}
          </ul>
        )}
      </details>
      <div class="button-row">
        <button type="button" onClick={() => props.onExport('json')}>
          {t('notesExportJson')}
        </button>
        <button type="button" onClick={() => props.onExport('csv')}>
          {t('notesExportCsv')}
        </button>
      </div>
      <NotesImport onImport={props.onImport} />
    </section>
  );
}

/** Importing a notes bundle with a progress bar and a merge report. */
export function NotesImport({ onImport }: NotesImportProps) {
  const { t } = useI18n();
  const [state, setState] = useState<ImportState>({ status: 'idle' });
  const start = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setState({ status: 'running', share: 0 });
    try {
      const report = await onImport(file, (share) => setState({ status: 'running', share }));
      setState({ status: 'done', report });
    } catch (error) {
      setState({ status: 'failed', error });
    }
  };
  return (
    <>
      <div class="field field--stacked">
        <label for="notes-file">{t('notesImportLabel')}</label>
        <input
          id="notes-file"
          type="file"
          accept=".json,application/json"
          disabled={state.status === 'running'}
          onChange={(event) => void start(event.currentTarget)}
        />
        <p class="hint">{t('notesImportHint')}</p>
      </div>
      {state.status === 'running' && (
        <p role="status">
          <progress max={1} value={state.share} /> {t('notesImporting', Math.round(state.share * 100))}
        </p>
      )}
      {state.status === 'done' && (
        <div class="notice" role="status" data-testid="notes-import-report">
          <p>
            {t(
              'notesImported',
              state.report.total,
              state.report.added,
              state.report.updated,
              state.report.unchanged,
              state.report.older.length,
              state.report.conflicts.length,
            )}
          </p>
          {state.report.conflicts.length > 0 && (
            <p>{t('notesConflictIds', state.report.conflicts.slice(0, 50).join(', '))}</p>
          )}
        </div>
      )}
      {state.status === 'failed' && (
        <p class="notice notice--error" role="alert" data-testid="notes-import-error">
          {t('notesImportFailed', describeError(state.error, t).join('\n'))}
        </p>
      )}
    </>
  );
}
