// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '@/components/i18n';
import { NotesTable, type NotesTableProps, ROW_HEIGHT } from '@/components/NotesTable';
import type { NoteSummary, RunDigest } from '@/utils/review/note-summary';

const VIEW_HEIGHT = ROW_HEIGHT * 10;
const AT = new Date(2024, 4, 1, 9, 30).getTime();

const digest = (checklistId: string, compliant: boolean): RunDigest => ({
  checklistId,
  version: 1,
  startedAt: AT,
  complete: true,
  compliant,
  timeToComplete: 60_000,
  skipped: [],
  missed: [],
});

function summary(i: number, overrides: Partial<NoteSummary> = {}): NoteSummary {
  return {
    id: `n${i}`,
    createdAt: AT + i * 60_000,
    endedAt: null,
    agentId: 'A-1',
    agentName: 'Lin',
    site: 'demo',
    caseId: `CS-${i}`,
    category: null,
    outcome: null,
    reviewStatus: 'unreviewed',
    reviewRequested: false,
    compliant: null,
    runs: [],
    excerpt: `note ${i}`,
    ...overrides,
  };
}

function renderTable(overrides: Partial<NotesTableProps> = {}) {
  const props: NotesTableProps = {
    rows: Array.from({ length: 3 }, (_, i) => summary(i)),
    selectedId: null,
    sort: { key: 'createdAt', descending: true },
    onSort: vi.fn(),
    onSelect: vi.fn(),
    ...overrides,
  };
  render(
    <I18nProvider language="en" uiLanguage="en">
      <NotesTable {...props} />
    </I18nProvider>,
  );
  return props;
}

const bodyRows = () => [...screen.getByTestId('notes-table').querySelectorAll<HTMLElement>('tr[data-note-id]')];
const cells = (row: HTMLElement) => [...row.querySelectorAll('td')].map((cell) => cell.textContent);
const spacers = () =>
  [...screen.getByTestId('notes-table').querySelectorAll<HTMLElement>('tbody tr:not([data-note-id])')].map(
    (row) => row.style.height,
  );

describe('NotesTable', () => {
  // happy-dom lays nothing out: give the scrolling box the height of ten rows.
  beforeEach(() => {
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(VIEW_HEIGHT);
  });
  afterEach(cleanup);

  it('shows one line per call with its date, agent, case, labels, checklists, review and excerpt', () => {
    renderTable({
      rows: [
        summary(0, {
          category: 'lockout',
          outcome: 'escalated',
          compliant: true,
          runs: [digest('lockout', true)],
          reviewStatus: 'needs-coaching',
          excerpt: 'Unlocked after two-factor check',
        }),
        summary(1, { agentName: '', agentId: 'A-9', compliant: false, runs: [digest('fraud', false)] }),
        summary(2, { agentName: '', agentId: '', caseId: null }),
      ],
    });
    const [first, second, third] = bodyRows();
    const date = new Intl.DateTimeFormat('en', { dateStyle: 'short', timeStyle: 'short' }).format(AT);
    expect(cells(first!)).toEqual([
      date,
      'Lin',
      'CS-0',
      'Account lockout',
      'Escalated',
      '✓ lockout',
      'Needs coaching',
      'Unlocked after two-factor check',
    ]);
    expect(cells(second!).slice(1, 7)).toEqual(['A-9', 'CS-1', '', '', '✗ fraud', 'Unreviewed']);
    expect(second!.querySelectorAll('td')[5]?.className).toBe('bad');
    expect(first!.querySelectorAll('td')[5]?.className).toBe('good');
    expect(cells(third!).slice(1, 3)).toEqual(['—', '']);
    expect(cells(third!)[5]).toBe('');
  });

  it('lists every checklist of a call', () => {
    renderTable({ rows: [summary(0, { compliant: false, runs: [digest('lockout', true), digest('fraud', false)] })] });
    expect(cells(bodyRows()[0]!)[5]).toBe('✗ lockout, fraud');
  });

  it('marks the selected call', () => {
    renderTable({ selectedId: 'n1' });
    expect(bodyRows().map((row) => row.getAttribute('aria-current'))).toEqual([null, 'true', null]);
    expect(bodyRows()[1]?.classList.contains('selected')).toBe(true);
  });

  it('selects a call by clicking its row or its date button', () => {
    const props = renderTable();
    fireEvent.click(bodyRows()[2]!.querySelector('td.excerpt')!);
    expect(props.onSelect).toHaveBeenLastCalledWith('n2');
    const button = within(bodyRows()[0]!).getByRole('button');
    fireEvent.click(button);
    expect(props.onSelect).toHaveBeenCalledWith('n0');
  });

  it.each([
    ['Date', 'createdAt'],
    ['Agent', 'agent'],
    ['Category', 'category'],
    ['Outcome', 'outcome'],
    ['Review', 'reviewStatus'],
  ] as const)('sorts by %s', (label, key) => {
    const props = renderTable({ sort: { key: 'createdAt', descending: true } });
    fireEvent.click(screen.getByRole('button', { name: new RegExp(`^${label}`) }));
    expect(props.onSort).toHaveBeenCalledWith(key);
  });

  it.each([
    [true, 'descending', 'Agent ▼'],
    [false, 'ascending', 'Agent ▲'],
  ])('shows the sort column and direction (descending: %s)', (descending, ariaSort, text) => {
    renderTable({ sort: { key: 'agent', descending } });
    const headers = screen.getAllByRole('columnheader');
    const agent = headers.find((header) => header.textContent?.startsWith('Agent'))!;
    expect(agent.getAttribute('aria-sort')).toBe(ariaSort);
    expect(agent.textContent).toBe(text);
    expect(headers.filter((header) => header.hasAttribute('aria-sort'))).toEqual([agent]);
  });

  it('does not offer sorting by case, checklists or note', () => {
    renderTable();
    for (const label of ['Case', 'Checklists', 'Note']) {
      const header = screen.getByRole('columnheader', { name: label });
      expect(within(header).queryByRole('button')).toBeNull();
    }
  });

  it('renders only the rows in view and a spacer for the rest of a long list', () => {
    renderTable({ rows: Array.from({ length: 10_000 }, (_, i) => summary(i)) });
    const shown = bodyRows();
    expect(shown.length).toBeGreaterThanOrEqual(10);
    expect(shown.length).toBeLessThan(40);
    expect(shown[0]?.getAttribute('data-note-id')).toBe('n0');
    expect(spacers()).toEqual([`${(10_000 - shown.length) * ROW_HEIGHT}px`]);
  });

  it('moves the rendered rows with the scroll position', async () => {
    renderTable({ rows: Array.from({ length: 10_000 }, (_, i) => summary(i)) });
    const scroller = screen.getByTestId('notes-table');
    await act(async () => {
      scroller.scrollTop = 5_000 * ROW_HEIGHT;
      scroller.dispatchEvent(new Event('scroll'));
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    const ids = bodyRows().map((row) => row.getAttribute('data-note-id'));
    expect(ids).toContain('n5000');
    expect(ids).not.toContain('n0');
    const [above] = spacers();
    expect(Number.parseInt(above!, 10)).toBeGreaterThan(4_900 * ROW_HEIGHT);
  });
});
