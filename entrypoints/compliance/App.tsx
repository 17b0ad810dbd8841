import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ComplianceView } from '@/components/ComplianceView';
import { I18nProvider, useI18n } from '@/components/i18n';
import { useLiveQuery } from '@/components/use-live-query';
import { useSettings } from '@/components/use-settings';
import { loadChecklists } from '@/utils/checklists/checklist-store';
import { type ComplianceQuery, complianceCsvRows, complianceReport } from '@/utils/compliance/compliance-report';
import { csvLines } from '@/utils/csv-cell';
import { getDatabase } from '@/utils/db/database';
import { downloadText } from '@/utils/download';
import type { NoteRuns } from '@/utils/review/note-summary';
import { dayOf, filterFromSearch } from '@/utils/review/review-filter';
import { loadRunsBetween } from '@/utils/review/review-store';

const db = getDatabase();

function initialQuery(): ComplianceQuery {
  const filter = filterFromSearch(location.search);
  const today = Date.now();
  return {
    from: filter.from ?? dayOf(today - 29 * 86_400_000),
    to: filter.to ?? dayOf(today),
    checklistId: filter.checklistId,
    agentId: filter.agentId,
  };
}

const firstQuery = initialQuery();
// Asked for before the settings and checklists load: reading the runs is most of the page's first second.
let firstRuns: Promise<NoteRuns[]> | null = loadRunsBetween(db, firstQuery.from, firstQuery.to);

/** The runs of a query's days; the first call takes the read started at load, which is for the first query. */
function runsOf(query: ComplianceQuery): Promise<NoteRuns[]> {
  const rows = firstRuns ?? loadRunsBetween(db, query.from, query.to);
  firstRuns = null;
  return rows;
}

function Compliance() {
  const { t } = useI18n();
  const [summaries, setSummaries] = useState<NoteRuns[] | null>(null);
  const [query, setQuery] = useState<ComplianceQuery>(firstQuery);
  const checklists = useLiveQuery(() => loadChecklists(db), []);
  document.title = t('complianceTitle');
  useEffect(() => {
    let active = true;
    void runsOf(query).then((rows) => active && setSummaries(rows));
    return () => {
      active = false;
    };
  }, [query.from, query.to]);
  const report = useMemo(() => (summaries ? complianceReport(summaries, query) : null), [summaries, query]);
  const agents = useMemo(() => {
    const byId = new Map<string, string>();
    for (const s of summaries ?? []) if (!byId.has(s.agentId)) byId.set(s.agentId, s.agentName);
    return [...byId].map(([id, name]) => ({ id, name }));
  }, [summaries]);
  return (
    <main class="page compliance">
      <header class="page__header">
        <h1>{t('complianceTitle')}</h1>
        <a href="review.html">{t('reviewOpen')}</a>
      </header>
      {report && checklists ? (
        <ComplianceView
          query={query}
          report={report}
          checklists={checklists.active}
          agents={agents}
          onQuery={setQuery}
          onExport={() =>
            downloadText(
              `agent-assist-compliance-${query.from}-${query.to}.csv`,
              `\uFEFF${csvLines(complianceCsvRows(report))}`,
              'text/csv',
            )
          }
        />
      ) : (
        <p role="status">{t('reviewLoading')}</p>
      )}
    </main>
  );
}

export function App() {
  const settings = useSettings();
  if (!settings) return null;
  return (
    <I18nProvider language={settings.language} uiLanguage={browser.i18n.getUILanguage()}>
      <Compliance />
    </I18nProvider>
  );
}
