// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ComplianceView, type ComplianceViewProps } from '@/components/ComplianceView';
import { I18nProvider } from '@/components/i18n';
import { type ComplianceQuery, complianceReport } from '@/utils/compliance/compliance-report';
import type { NoteRuns, RunDigest } from '@/utils/review/note-summary';
import { makeChecklist } from '../../fixtures/factories';

const demo = makeChecklist();
const lockout = makeChecklist({
  id: 'lockout',
  title: { en: 'Account lockout', 'zh-CN': '账户被锁定' },
  steps: [{ id: 'verify-identity', kind: 'check', required: true, text: { en: 'Verify identity', 'zh-CN': '核身' } }],
});
const checklists = [demo, lockout];
const MAY_1 = new Date(2024, 4, 1, 10).getTime();
const MAY_2 = new Date(2024, 4, 2, 10).getTime();

function digest(checklistId: string, compliant: boolean, overrides: Partial<RunDigest> = {}): RunDigest {
  return {
    checklistId,
    version: 1,
    startedAt: 0,
    complete: true,
    compliant,
    timeToComplete: 60_000,
    skipped: [],
    missed: [],
    ...overrides,
  };
}

const note = (id: string, createdAt: number, agentId: string, agentName: string, runs: RunDigest[]): NoteRuns => ({
  id,
  createdAt,
  agentId,
  agentName,
  runs,
});

/** Two agents, two checklists, two days: 4 runs of which 2 compliant. */
const notes: NoteRuns[] = [
  note('n1', MAY_1, 'A-1', 'Lin', [digest('demo', true, { timeToComplete: 60_000 })]),
  note('n2', MAY_1, 'A-1', 'Lin', [
    digest('demo', false, {
      timeToComplete: 120_000,
      skipped: [{ stepId: 'verify', reason: 'Known caller' }],
    }),
  ]),
  note('n3', MAY_2, 'A-2', '', [
    digest('lockout', false, { complete: false, timeToComplete: null, missed: ['verify-identity'] }),
    digest('demo', true, { timeToComplete: 180_000 }),
  ]),
];

const baseQuery: ComplianceQuery = { from: '2024-05-01', to: '2024-05-31', checklistId: null, agentId: null };

function renderView(overrides: Partial<ComplianceViewProps> = {}, query = baseQuery) {
  const props: ComplianceViewProps = {
    query,
    report: complianceReport(notes, query),
    checklists,
    agents: [
      { id: 'A-1', name: 'Lin' },
      { id: 'A-2', name: '' },
    ],
    onQuery: vi.fn(),
    onExport: vi.fn(),
    ...overrides,
  };
  render(
    <I18nProvider language="en" uiLanguage="en">
      <ComplianceView {...props} />
    </I18nProvider>,
  );
  return props;
}

/** happy-dom has no canvas: a 2D context that draws nothing but records the text of each canvas. */
function fakeCanvas() {
  const texts = new Map<HTMLCanvasElement, string[]>();
  const noop = () => {};
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (this: HTMLCanvasElement) {
    const drawn: string[] = texts.get(this) ?? [];
    texts.set(this, drawn);
    const state: Record<string | symbol, unknown> = {
      measureText: (text: string) => ({ width: text.length * 6 }),
      fillText: (text: string) => drawn.push(text),
    };
    return new Proxy(state, {
      get: (target, key) => (key in target ? target[key] : noop),
      set: (target, key, value) => {
        target[key] = value;
        return true;
      },
    }) as never;
  });
  vi.stubGlobal(
    'Path2D',
    class {
      constructor() {
        // biome-ignore lint/correctness/noConstructorReturn: every path method is a no-op
        return new Proxy(this, { get: () => noop });
      }
    },
  );
  return (figure: HTMLElement) => texts.get(figure.querySelector('canvas')!) ?? [];
}

const rows = (testId: string) =>
  within(screen.getByTestId(testId))
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));
const linksOf = (row: HTMLElement) =>
  within(row)
    .getAllByRole('link')
    .map((link) => link.getAttribute('href'));

describe('ComplianceView', () => {
  let textsOf: ReturnType<typeof fakeCanvas>;
  beforeEach(() => {
    textsOf = fakeCanvas();
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('gives figures per checklist: runs, compliance, median time and most-missed steps', () => {
    renderView();
    expect(rows('compliance-by-checklist')).toEqual([
      [
        'All checklists',
        '4',
        '50%',
        '2:00',
        'Demo checklist: Verify the caller (1)Account lockout: Verify identity (1)',
      ],
      ['Demo checklist', '3', '67%', '2:00', 'Verify the caller (1)'],
      ['Account lockout', '1', '0%', '—', 'Verify identity (1)'],
    ]);
  });

  it('gives figures per agent, named by id when the name is unknown', () => {
    renderView();
    expect(rows('compliance-by-agent').map((row) => row.slice(0, 4))).toEqual([
      ['A-2', '2', '50%', '3:00'],
      ['Lin', '2', '50%', '1:30'],
    ]);
    expect(rows('compliance-by-agent')[0]?.[4]).toBe('Account lockout: Verify identity (1)');
  });

  it('links every figure to the calls behind it on the Review page', () => {
    renderView();
    const [all, demoRow] = within(screen.getByTestId('compliance-by-checklist')).getAllByRole('row').slice(1);
    expect(linksOf(all!)).toEqual([
      'review.html?from=2024-05-01&to=2024-05-31',
      'review.html?from=2024-05-01&to=2024-05-31&compliance=not-compliant',
    ]);
    expect(linksOf(demoRow!)).toEqual([
      'review.html?from=2024-05-01&to=2024-05-31&checklist=demo',
      'review.html?from=2024-05-01&to=2024-05-31&compliance=not-compliant&checklist=demo',
    ]);
    const lin = screen.getByTestId('compliance-by-agent').querySelector<HTMLElement>('[data-agent-id="A-1"]')!;
    expect(linksOf(lin)).toEqual([
      'review.html?from=2024-05-01&to=2024-05-31&agent=A-1',
      'review.html?from=2024-05-01&to=2024-05-31&agent=A-1&compliance=not-compliant',
    ]);
    expect(within(all!).getByRole('link', { name: '50%' }).getAttribute('title')).toBe('Show non-compliant calls');
  });

  it('keeps the checklist and agent of the query in the links', () => {
    const query = { ...baseQuery, checklistId: 'demo', agentId: 'A-1' };
    renderView({}, query);
    const lin = screen.getByTestId('compliance-by-agent').querySelector<HTMLElement>('[data-agent-id="A-1"]')!;
    expect(linksOf(lin)[0]).toBe('review.html?from=2024-05-01&to=2024-05-31&agent=A-1&checklist=demo');
    expect(rows('compliance-by-checklist').map((row) => row[0])).toEqual(['All checklists', 'Demo checklist']);
  });

  it('lists skipped steps with each reason and how often it was given', () => {
    const report = complianceReport(
      [
        ...notes,
        note('n4', MAY_2, 'A-1', 'Lin', [
          digest('demo', false, { skipped: [{ stepId: 'verify', reason: 'Known caller' }] }),
        ]),
        note('n5', MAY_2, 'A-1', 'Lin', [
          digest('demo', false, { skipped: [{ stepId: 'verify', reason: 'Line dropped' }] }),
        ]),
      ],
      { ...baseQuery, checklistId: 'demo' },
    );
    renderView({ report }, { ...baseQuery, checklistId: 'demo' });
    expect(
      within(screen.getByTestId('compliance-skipped'))
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Verify the caller (3): “Known caller” ×2, “Line dropped” ×1']);
  });

  describe('rows whose runs all come from one checklist, with no checklist chosen', () => {
    const demoOnly = [notes[0]!, notes[1]!];

    it('names the most-missed steps of all checklists by their text', () => {
      renderView({ report: complianceReport(demoOnly, baseQuery) });
      expect(rows('compliance-by-checklist')[0]?.[4]).toBe('Verify the caller (1)');
    });

    it('names the most-missed steps of an agent who ran one checklist by their text', () => {
      renderView();
      const lin = screen.getByTestId('compliance-by-agent').querySelector<HTMLElement>('[data-agent-id="A-1"]')!;
      expect(lin.querySelectorAll('td')[3]?.textContent).toBe('Verify the caller (1)');
    });

    it('names the skipped steps by their text', () => {
      renderView({ report: complianceReport(demoOnly, baseQuery) });
      expect(within(screen.getByTestId('compliance-skipped')).getByRole('listitem').textContent).toBe(
        'Verify the caller (1): “Known caller” ×1',
      );
    });

    it('shows the id of a step that two checklists name differently, as it cannot tell which one ran', () => {
      const other = makeChecklist({
        id: 'other',
        steps: [{ id: 'verify', kind: 'check', required: true, text: { en: 'Check the ID', 'zh-CN': '查验证件' } }],
      });
      renderView({ checklists: [...checklists, other] });
      const lin = screen.getByTestId('compliance-by-agent').querySelector<HTMLElement>('[data-agent-id="A-1"]')!;
      expect(lin.querySelectorAll('td')[3]?.textContent).toBe('verify (1)');
    });
  });

  it('shows the id of a checklist or step it no longer knows', () => {
    const report = complianceReport(
      [note('n1', MAY_1, 'A-1', 'Lin', [digest('retired', false, { missed: ['old-step'] })])],
      baseQuery,
    );
    renderView({ report });
    expect(rows('compliance-by-checklist')[1]).toEqual(['retired', '1', '0%', '1:00', 'old-step (1)']);
  });

  it('says when there were no runs, with no tables or charts', () => {
    renderView({ report: complianceReport([], baseQuery) });
    expect(screen.getByText('No checklist runs in this period.')).toBeTruthy();
    expect(screen.queryByTestId('compliance-by-checklist')).toBeNull();
    expect(screen.queryByTestId('trend-chart')).toBeNull();
  });

  it.each<[string, string, Partial<ComplianceQuery>]>([
    ['From', '2024-04-01', { from: '2024-04-01' }],
    ['To', '', { to: null }],
    ['Checklist', 'lockout', { checklistId: 'lockout' }],
    ['Agent', 'A-2', { agentId: 'A-2' }],
    ['Checklist', '', { checklistId: null }],
  ])('changing %s to "%s" asks for a new report', (label, value, change) => {
    const query = { ...baseQuery, checklistId: 'demo' };
    const props = renderView({}, query);
    fireEvent.change(screen.getByLabelText(label), { target: { value } });
    expect(props.onQuery).toHaveBeenCalledWith({ ...query, ...change });
  });

  it('offers checklists by title and agents by name or id', () => {
    renderView();
    const options = (label: string) =>
      [...(screen.getByLabelText(label) as HTMLSelectElement).options].map((o) => o.textContent);
    expect(options('Checklist')).toEqual(['Any', 'Demo checklist', 'Account lockout']);
    expect(options('Agent')).toEqual(['Any', 'Lin', 'A-2']);
  });

  it('exports the figures', () => {
    const props = renderView();
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(props.onExport).toHaveBeenCalledTimes(1);
  });

  describe('charts', () => {
    it('describes the daily trend and each agent in words', () => {
      renderView();
      expect(screen.getByTestId('trend-chart').getAttribute('aria-label')).toBe(
        '2024-05-01: 50% of 2 runs compliant; 2024-05-02: 50% of 2 runs compliant',
      );
      expect(screen.getByTestId('agent-chart').getAttribute('aria-label')).toBe(
        'A-2: 50% of 2 runs compliant; Lin: 50% of 2 runs compliant',
      );
      expect(screen.getByTestId('trend-chart').getAttribute('role')).toBe('img');
    });

    it('draws the agent chart with a bar per agent and percent on the value axis', async () => {
      renderView();
      await new Promise((resolve) => setTimeout(resolve, 0));
      const drawn = textsOf(screen.getByTestId('agent-chart'));
      expect(drawn).toEqual(expect.arrayContaining(['A-2', 'Lin', '0%', '100%']));
      // Agents are named on the axis and in the chart's description; a legend would only show indexes.
      expect(screen.getByTestId('agent-chart').getAttribute('aria-label')).toContain('Lin: 50% of 2 runs compliant');
      expect(screen.getByTestId('agent-chart').querySelector('.u-legend')).toBeNull();
    });

    it('labels the trend’s value axis in percent from 0 to 100', async () => {
      renderView();
      await new Promise((resolve) => setTimeout(resolve, 0));
      const drawn = textsOf(screen.getByTestId('trend-chart'));
      expect(drawn).toEqual(expect.arrayContaining(['0%', '100%']));
      expect(drawn.filter((text) => text.endsWith('%')).every((text) => Number.parseInt(text, 10) <= 100)).toBe(true);
    });
  });
});
