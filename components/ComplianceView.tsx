import { useMemo } from 'preact/hooks';
import uPlot from 'uplot';
import type { ChecklistDefinition } from '@/utils/checklists/checklist-definition';
import type { ComplianceQuery, ComplianceReport, Figures } from '@/utils/compliance/compliance-report';
import { trendRange } from '@/utils/compliance/trend-range';
import { formatDuration } from '@/utils/format-duration';
import { dayStart, EMPTY_FILTER, filterToSearch } from '@/utils/review/review-filter';
import { agentLabel } from './agent-label';
import { useI18n } from './i18n';
import { UplotChart } from './UplotChart';

export interface ComplianceViewProps {
  query: ComplianceQuery;
  report: ComplianceReport;
  checklists: readonly ChecklistDefinition[];
  agents: readonly { id: string; name: string }[];
  onQuery: (query: ComplianceQuery) => void;
  onExport: () => void;
}

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);

/** QA's view: compliance per checklist and agent, the steps most often missed, trends; every figure links to its calls. */
export function ComplianceView({ query, report, checklists, agents, onQuery, onExport }: ComplianceViewProps) {
  const { t, locale } = useI18n();
  const titleOf = (id: string) => checklists.find((c) => c.id === id)?.title[locale] ?? id;
  const textOf = (checklistId: string, stepId: string) =>
    checklists.find((c) => c.id === checklistId)?.steps.find((s) => s.id === stepId)?.text[locale];
  // Step ids carry their checklist only in rows that mix checklists; otherwise `checklistId` is the row's one checklist, when known.
  const stepText = (key: string, checklistId: string | null) => {
    const [prefix, stepId] = key.split('/');
    if (prefix !== undefined && stepId !== undefined) return `${titleOf(prefix)}: ${textOf(prefix, stepId) ?? stepId}`;
    if (checklistId !== null) return textOf(checklistId, key) ?? key;
    // The report does not say which checklist an agent's runs came from; any checklist with the step will do while they agree.
    const texts = new Set(checklists.flatMap((c) => c.steps.filter((s) => s.id === key).map((s) => s.text[locale])));
    return texts.size === 1 ? [...texts][0]! : key;
  };
  // Every run in the report comes from one checklist when only one has a row.
  const onlyChecklist = report.byChecklist.length === 1 ? report.byChecklist[0]!.checklistId : null;
  const reviewLink = (extra: {
    checklistId?: string | null;
    agentId?: string | null;
    compliance?: 'not-compliant' | null;
  }) =>
    `review.html${filterToSearch({
      ...EMPTY_FILTER,
      from: query.from,
      to: query.to,
      checklistId: extra.checklistId !== undefined ? extra.checklistId : query.checklistId,
      agentId: extra.agentId !== undefined ? extra.agentId : query.agentId,
      compliance: extra.compliance ?? null,
    })}`;

  const figureCells = (
    figures: Figures,
    scope: { checklistId?: string | null; agentId?: string | null },
    checklistId: string | null,
  ) => (
    <>
      <td class="number">
        <a href={reviewLink(scope)}>{figures.runs}</a>
      </td>
      <td class="number">
        <a href={reviewLink({ ...scope, compliance: 'not-compliant' })} title={t('complianceShowNonCompliant')}>
          {percent(figures.rate)}
        </a>
      </td>
      <td class="number">{figures.medianTime === null ? '—' : formatDuration(figures.medianTime)}</td>
      <td>
        {figures.mostMissed.slice(0, 3).map((step) => (
          <div key={step.stepId}>
            {stepText(step.stepId, checklistId)} ({step.count})
          </div>
        ))}
      </td>
    </>
  );

  const trend = useMemo<uPlot.AlignedData>(
    () => [report.daily.map((d) => dayStart(d.day) / 1000 + 43_200), report.daily.map((d) => (d.rate ?? 0) * 100)],
    [report],
  );
  const trendOptions = useMemo<Omit<uPlot.Options, 'width' | 'height'>>(
    () => ({
      series: [
        { label: t('complianceTrendDay') },
        {
          label: t('complianceRate'),
          stroke: '#1f5fbf',
          width: 2,
          points: { show: true },
          value: (_u, v) => (v == null ? '—' : `${v.toFixed(0)}%`),
        },
      ],
      scales: { x: { range: () => trendRange(query, report.daily) }, y: { range: [0, 100] } },
      axes: [{}, { values: (_u, ticks) => ticks.map((v) => `${v}%`) }],
    }),
    [t, query, report],
  );
  const agentData = useMemo<uPlot.AlignedData>(
    () => [report.byAgent.map((_, i) => i), report.byAgent.map((a) => (a.figures.rate ?? 0) * 100)],
    [report],
  );
  const agentOptions = useMemo<Omit<uPlot.Options, 'width' | 'height'>>(
    () => ({
      scales: { x: { time: false, range: [-0.5, Math.max(0.5, report.byAgent.length - 0.5)] }, y: { range: [0, 100] } },
      // Agents are named on the axis; the legend would only show their index.
      legend: { show: false },
      series: [
        {},
        {
          label: t('complianceRate'),
          fill: '#1f5fbf88',
          stroke: '#1f5fbf',
          paths: uPlot.paths.bars?.({ size: [0.6, 60] }),
          points: { show: false },
        },
      ],
      axes: [
        {
          splits: () => report.byAgent.map((_, i) => i),
          values: (_u, ticks) => ticks.map((i) => report.byAgent[i]?.agentName || report.byAgent[i]?.agentId || '—'),
        },
        { values: (_u, ticks) => ticks.map((v) => `${v}%`) },
      ],
    }),
    [report, t],
  );

  return (
    <>
      <form class="filters" onSubmit={(event) => event.preventDefault()}>
        <label>
          {t('filterFrom')}
          <input
            type="date"
            value={query.from ?? ''}
            onChange={(e) => onQuery({ ...query, from: e.currentTarget.value || null })}
          />
        </label>
        <label>
          {t('filterTo')}
          <input
            type="date"
            value={query.to ?? ''}
            onChange={(e) => onQuery({ ...query, to: e.currentTarget.value || null })}
          />
        </label>
        <label>
          {t('filterChecklist')}
          <select
            value={query.checklistId ?? ''}
            onChange={(e) => onQuery({ ...query, checklistId: e.currentTarget.value || null })}
          >
            <option value="">{t('filterAny')}</option>
            {checklists.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title[locale]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filterAgent')}
          <select
            value={query.agentId ?? ''}
            onChange={(e) => onQuery({ ...query, agentId: e.currentTarget.value || null })}
          >
            <option value="">{t('filterAny')}</option>
            {agents.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name || a.id}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={onExport}>
          {t('complianceExport')}
        </button>
      </form>
      {report.overall.runs === 0 ? (
        <p class="empty">{t('complianceNoRuns')}</p>
      ) : (
        <>
          <section aria-labelledby="by-checklist">
            <h2 id="by-checklist">{t('complianceByChecklist')}</h2>
            <table class="data-table" data-testid="compliance-by-checklist">
              <thead>
                <tr>
                  <th scope="col">{t('filterChecklist')}</th>
                  <th scope="col">{t('complianceRuns')}</th>
                  <th scope="col">{t('complianceRate')}</th>
                  <th scope="col">{t('complianceMedian')}</th>
                  <th scope="col">{t('complianceMissed')}</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">{t('complianceAll')}</th>
                  {figureCells(report.overall, {}, onlyChecklist)}
                </tr>
                {report.byChecklist.map((row) => (
                  <tr key={row.checklistId} data-checklist-id={row.checklistId}>
                    <th scope="row">{titleOf(row.checklistId)}</th>
                    {figureCells(row.figures, { checklistId: row.checklistId }, row.checklistId)}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section aria-labelledby="by-agent">
            <h2 id="by-agent">{t('complianceByAgent')}</h2>
            <table class="data-table" data-testid="compliance-by-agent">
              <thead>
                <tr>
                  <th scope="col">{t('filterAgent')}</th>
                  <th scope="col">{t('complianceRuns')}</th>
                  <th scope="col">{t('complianceRate')}</th>
                  <th scope="col">{t('complianceMedian')}</th>
                  <th scope="col">{t('complianceMissed')}</th>
                </tr>
              </thead>
              <tbody>
                {report.byAgent.map((row) => (
                  <tr key={row.agentId} data-agent-id={row.agentId}>
                    <th scope="row">{agentLabel(row)}</th>
                    {figureCells(row.figures, { agentId: row.agentId }, onlyChecklist)}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section aria-labelledby="skipped">
            <h2 id="skipped">{t('complianceSkipped')}</h2>
            <ul data-testid="compliance-skipped">
              {report.overall.skipped.map((step) => (
                <li key={step.stepId}>
                  {stepText(step.stepId, onlyChecklist)} ({step.count}):{' '}
                  {step.reasons.map((r) => `“${r.reason}” ×${r.count}`).join(', ')}
                </li>
              ))}
            </ul>
          </section>
          <div class="charts">
            <section aria-labelledby="trend">
              <h2 id="trend">{t('complianceTrend')}</h2>
              <UplotChart
                testId="trend-chart"
                label={report.daily
                  .map((d) => t('complianceChartLabel', d.day, Math.round((d.rate ?? 0) * 100), d.runs))
                  .join('; ')}
                options={trendOptions}
                data={trend}
              />
            </section>
            <section aria-labelledby="agent-chart">
              <h2 id="agent-chart">{t('complianceAgentChart')}</h2>
              <UplotChart
                testId="agent-chart"
                label={report.byAgent
                  .map((a) =>
                    t(
                      'complianceChartLabel',
                      a.agentName || a.agentId,
                      Math.round((a.figures.rate ?? 0) * 100),
                      a.figures.runs,
                    ),
                  )
                  .join('; ')}
                options={agentOptions}
                data={agentData}
              />
            </section>
          </div>
        </>
      )}
    </>
  );
}
