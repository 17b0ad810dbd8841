import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { I18nProvider, useI18n } from '@/components/i18n';
import { NoteDetail } from '@/components/NoteDetail';
import { NotesImport } from '@/components/NotesAdminSection';
import { NotesTable } from '@/components/NotesTable';
import { ReviewFilters } from '@/components/ReviewFilters';
import { useLiveQuery } from '@/components/use-live-query';
import { useSettings } from '@/components/use-settings';
import { loadChecklists } from '@/utils/checklists/checklist-store';
import { getDatabase } from '@/utils/db/database';
import { downloadBlob, readChunks } from '@/utils/download';
import type { CallNote } from '@/utils/notes/call-note';
import { notesBundleChunks, notesCsvChunks } from '@/utils/notes/notes-bundle';
import { chunksToBlob, importNotesBundle } from '@/utils/notes/notes-transfer';
import type { NoteSummary } from '@/utils/review/note-summary';
import {
  filterFromSearch,
  filterToSearch,
  type ReviewFilter,
  type SortKey,
  sortSummaries,
  summaryFilter,
} from '@/utils/review/review-filter';
import { loadSummaries, notesByIds, reviewNote, searchNoteIds } from '@/utils/review/review-store';
import type { Settings } from '@/utils/settings';

const db = getDatabase();

function Review({ settings }: { settings: Settings }) {
  const { t, locale } = useI18n();
  const [summaries, setSummaries] = useState<NoteSummary[] | null>(null);
  const [filter, setFilter] = useState<ReviewFilter>(() => filterFromSearch(location.search));
  const [textMatches, setTextMatches] = useState<Set<string> | null>(null);
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'createdAt', descending: true });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [note, setNote] = useState<CallNote | null>(null);
  const checklists = useLiveQuery(() => loadChecklists(db), []);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const reviewedRef = useRef<HTMLButtonElement>(null);
  document.title = t('reviewTitle');

  const reload = () => void loadSummaries(db, setSummaries).then(setSummaries);
  useEffect(reload, []);

  useEffect(() => {
    history.replaceState(null, '', filterToSearch(filter) || location.pathname);
    let active = true;
    void searchNoteIds(db, filter.text).then((ids) => active && setTextMatches(ids));
    return () => {
      active = false;
    };
  }, [filter]);

  const rows = useMemo(() => {
    if (!summaries) return [];
    const keep = summaryFilter(filter, filter.text.trim() ? (textMatches ?? new Set()) : null);
    return sortSummaries(summaries.filter(keep), sort.key, sort.descending);
  }, [summaries, filter, textMatches, sort]);

  const agents = useMemo(() => {
    const byId = new Map<string, string>();
    for (const summary of summaries ?? []) if (!byId.has(summary.agentId)) byId.set(summary.agentId, summary.agentName);
    return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => (a.name || a.id).localeCompare(b.name || b.id));
  }, [summaries]);

  useEffect(() => {
    let active = true;
    if (selectedId) void db.notes.get(selectedId).then((found) => active && setNote(found ?? null));
    else setNote(null);
    return () => {
      active = false;
    };
  }, [selectedId]);

  const review = async (change: { status?: CallNote['review']['status']; comment?: string }) => {
    if (!note) return;
    const updated = await reviewNote(db, note.id, {
      ...change,
      reviewer: settings.agentName || settings.agentId || 'supervisor',
    });
    setNote(updated);
    const summary = await db.noteSummaries.get(updated.id);
    if (summary) setSummaries((current) => current?.map((row) => (row.id === summary.id ? summary : row)) ?? null);
  };

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (target.matches('input, textarea, select') || event.ctrlKey || event.metaKey || event.altKey) return;
      const index = rows.findIndex((row) => row.id === selectedId);
      const key = event.key.toLowerCase();
      if (key === 'j') setSelectedId(rows[Math.min(rows.length - 1, index + 1)]?.id ?? null);
      else if (key === 'k') setSelectedId(rows[Math.max(0, index - 1)]?.id ?? null);
      else if (key === 'r' && note) reviewedRef.current?.click();
      else if (key === 'c' && note) commentRef.current?.focus();
      else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  });

  useEffect(() => {
    document.querySelector(`[data-note-id="${selectedId}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);

  const definitionOf = checklists
    ? (run: CallNote['checklistRuns'][number]) => checklists.byVersion(run.checklistId, run.version)
    : () => undefined;
  const exportRows = async (format: 'json' | 'csv') => {
    const pages = notesByIds(
      db,
      rows.map((row) => row.id),
    );
    const blob =
      format === 'json'
        ? await chunksToBlob(notesBundleChunks(pages), 'application/json')
        : await chunksToBlob(notesCsvChunks(pages, definitionOf), 'text/csv');
    downloadBlob(`agent-assist-review-${new Date().toISOString().slice(0, 10)}.${format}`, blob);
  };

  return (
    <main class="page review">
      <header class="page__header">
        <h1>{t('reviewTitle')}</h1>
        <a href="compliance.html">{t('complianceOpen')}</a>
      </header>
      <ReviewFilters
        filter={filter}
        agents={agents}
        checklists={(checklists?.active ?? []).map((c) => ({ id: c.id, title: c.title[locale] }))}
        onChange={setFilter}
      />
      <div class="review__bar">
        <p role="status" data-testid="review-count">
          {summaries ? t('reviewCount', rows.length, summaries.length) : t('reviewLoading')}
        </p>
        <div class="button-row">
          <button type="button" onClick={() => void exportRows('csv')}>
            {t('reviewExportCsv')}
          </button>
          <button type="button" onClick={() => void exportRows('json')}>
            {t('reviewExportJson')}
          </button>
        </div>
      </div>
      <div class="review__body">
        {summaries && rows.length === 0 ? (
          <p class="empty">{t('reviewNoCalls')}</p>
        ) : (
          <NotesTable
            rows={rows}
            selectedId={selectedId}
            sort={sort}
            onSort={(key) => setSort((s) => ({ key, descending: s.key === key ? !s.descending : key === 'createdAt' }))}
            onSelect={setSelectedId}
          />
        )}
        <aside class="review__detail" aria-label={t('detailReview')}>
          {note ? (
            // Keyed by call: a comment typed for one call is not carried to the next.
            <NoteDetail
              key={note.id}
              note={note}
              definitionOf={definitionOf}
              commentRef={commentRef}
              reviewedRef={reviewedRef}
              onReview={review}
            />
          ) : (
            <p class="hint">{t('reviewSelectHint')}</p>
          )}
        </aside>
      </div>
      <details class="review__import">
        <summary>{t('notesImportLabel')}</summary>
        <NotesImport
          onImport={async (file, onProgress) => {
            const report = await importNotesBundle(db, () => readChunks(file), file.size, onProgress);
            reload();
            return report;
          }}
        />
      </details>
    </main>
  );
}

export function App() {
  const settings = useSettings();
  if (!settings) return null;
  return (
    <I18nProvider language={settings.language} uiLanguage={browser.i18n.getUILanguage()}>
      <Review settings={settings} />
    </I18nProvider>
  );
}
