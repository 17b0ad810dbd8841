import { useState } from 'preact/hooks';
import { describeError, describeIssue } from '@/utils/file-issues';
import type { KbChange } from '@/utils/kb/kb-diff';
import { planKbImport } from '@/utils/kb/kb-diff';
import type { KbEntry } from '@/utils/kb/kb-entry';
import type { ParsedKb } from '@/utils/kb/kb-file';
import type { ActiveKb } from '@/utils/kb/kb-store';
import type { EvalReport } from '@/utils/matcher/evaluate';
import type { SearchOutcome } from '@/utils/matcher/matcher';
import { useI18n } from './i18n';

export interface KbAdminProps {
  kb: ActiveKb;
  /** Reads and validates a chosen file; throws with issues when it is bad. */
  readFile: (file: File) => Promise<ParsedKb>;
  applyImport: (fileName: string, entries: KbEntry[], mode: 'replace' | 'merge') => Promise<KbChange>;
  rollBack: () => Promise<void>;
  exportKb: (format: 'json' | 'csv') => void;
  trySearch: (text: string) => SearchOutcome;
  evaluateFile: (file: File) => Promise<EvalReport>;
}

type Pending = { fileName: string; parsed: ParsedKb };
/** A failed import or evaluation, kept as it was thrown so that it is shown in the language in use. */
type Failure = { error: unknown } | null;

/** Import with preview, rollback, export and quick checks of the knowledge base, for the KB owner. */
export function KbAdminSection(props: KbAdminProps) {
  const { t, locale } = useI18n();
  const { kb } = props;
  const [pending, setPending] = useState<Pending | null>(null);
  const [failure, setFailure] = useState<Failure>(null);
  const [status, setStatus] = useState('');
  const [query, setQuery] = useState('');
  const [evalReport, setEvalReport] = useState<EvalReport | null>(null);
  const [evalFailure, setEvalFailure] = useState<Failure>(null);

  const choose = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    setStatus('');
    setFailure(null);
    setPending(null);
    if (!file) return;
    try {
      setPending({ fileName: file.name, parsed: await props.readFile(file) });
    } catch (error) {
      setFailure({ error });
    }
  };

  const apply = async (mode: 'replace' | 'merge') => {
    if (!pending) return;
    try {
      const change = await props.applyImport(pending.fileName, pending.parsed.entries, mode);
      setStatus(t('kbImported', change.added.length, change.changed.length, change.removed.length));
      setPending(null);
    } catch (error) {
      setFailure({ error });
    }
  };

  const replacePlan = pending ? planKbImport(kb.entries, pending.parsed.entries, 'replace') : null;
  const mergePlan = pending ? planKbImport(kb.entries, pending.parsed.entries, 'merge') : null;
  const outcome = query.trim() ? props.trySearch(query) : null;
  const date = (ms: number) => new Date(ms).toLocaleString(locale);
  const errors = failure ? describeError(failure.error, t) : [];

  return (
    <section class="options-section" aria-labelledby="kb-title" data-testid="kb-admin">
      <h2 id="kb-title">{t('kbHeading')}</h2>
      <p data-testid="kb-in-use">
        {kb.record
          ? t('kbInUseImported', kb.record.fileName, date(kb.record.importedAt), kb.entries.length)
          : t('kbInUseDefault', kb.entries.length)}
      </p>
      <div class="button-row">
        <button type="button" onClick={() => props.exportKb('json')}>
          {t('kbExportJson')}
        </button>
        <button type="button" onClick={() => props.exportKb('csv')}>
          {t('kbExportCsv')}
        </button>
        {kb.canRollBack && (
          <button type="button" onClick={() => void props.rollBack().then(() => setStatus(t('kbRolledBack')))}>
            {t('kbRollBack')}
          </button>
        )}
      </div>
      <div class="field field--stacked">
        <label for="kb-file">{t('kbImportLabel')}</label>
        <input
          id="kb-file"
          type="file"
          accept=".json,.csv,application/json,text/csv"
          onChange={(event) => void choose(event.currentTarget)}
        />
        <p class="hint">{t('kbImportHint')}</p>
      </div>
      {errors.length > 0 && (
        <div class="notice notice--error" role="alert" data-testid="kb-errors">
          <p>{t('kbImportFailed')}</p>
          <ul>
            {errors.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      {pending && replacePlan && mergePlan && (
        <div class="notice" data-testid="kb-preview">
          <p>
            <strong>{t('kbPreviewTitle', pending.fileName)}</strong>
          </p>
          <p>
            {t(
              'kbPreviewCounts',
              pending.parsed.entries.length,
              replacePlan.added.length,
              replacePlan.changed.length,
              replacePlan.removed.length,
              mergePlan.added.length,
              mergePlan.changed.length,
            )}
          </p>
          {pending.parsed.warnings.length > 0 && (
            <details>
              <summary>{t('kbWarnings')}</summary>
              <ul>
                {pending.parsed.warnings
                  .map((issue) => describeIssue(issue, t))
                  .map((line) => (
                    <li key={line}>{line}</li>
                  ))}
              </ul>
            </details>
          )}
          <div class="button-row">
            <button type="button" class="primary" onClick={() => void apply('replace')}>
              {t('kbApplyReplace')}
            </button>
            <button type="button" onClick={() => void apply('merge')}>
              {t('kbApplyMerge')}
            </button>
            <button type="button" onClick={() => setPending(null)}>
              {t('kbCancel')}
            </button>
          </div>
        </div>
      )}
      <p class="save-state" role="status" data-testid="kb-status">
        {status}
      </p>
      <div class="field field--stacked">
        <label for="kb-try">{t('kbTryLabel')}</label>
        <input id="kb-try" type="search" value={query} onInput={(event) => setQuery(event.currentTarget.value)} />
      </div>
      {outcome && (
        <ol class="try-results" data-testid="kb-try-results">
          {outcome.noGoodMatch && <li class="hint">{t('kbTryNoMatch')}</li>}
          {outcome.results.slice(0, 3).map((result) => (
            <li key={result.entry.id}>
              <code>{result.entry.id}</code> {result.entry.question}{' '}
              <span class="hint">({result.confidence.toFixed(2)})</span>
            </li>
          ))}
        </ol>
      )}
      <div class="field field--stacked">
        <label for="kb-eval">{t('kbEvalLabel')}</label>
        <input
          id="kb-eval"
          type="file"
          accept=".jsonl,.json,.txt"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = '';
            setEvalFailure(null);
            if (file) void props.evaluateFile(file).then(setEvalReport, (error: unknown) => setEvalFailure({ error }));
          }}
        />
      </div>
      {evalReport && (
        <p data-testid="kb-eval-result">
          {t(
            'kbEvalResult',
            evalReport.n,
            evalReport.top1.toFixed(3),
            evalReport.top3.toFixed(3),
            evalReport.mrr.toFixed(3),
            evalReport.p95_ms.toFixed(2),
          )}
        </p>
      )}
      {evalFailure && (
        <p class="notice notice--error" role="alert" data-testid="kb-eval-error">
          {describeError(evalFailure.error, t).join('\n')}
        </p>
      )}
    </section>
  );
}
