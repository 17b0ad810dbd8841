// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChecklistSection, type ChecklistSectionProps } from '@/components/ChecklistSection';
import { I18nProvider } from '@/components/i18n';
import type { ChecklistRun } from '@/utils/checklists/checklist-run';
import { makeChecklist, makeRun } from '../../fixtures/factories';

const demo = makeChecklist();
const lockout = makeChecklist({ id: 'lockout', title: { en: 'Account lockout', 'zh-CN': '账户被锁定' } });
const fraud = makeChecklist({ id: 'fraud', title: { en: 'Possible scam', 'zh-CN': '疑似诈骗' } });
const definitions = [demo, lockout, fraud];

function renderSection(overrides: Partial<ChecklistSectionProps> = {}) {
  const props: ChecklistSectionProps = {
    definitions,
    definitionOf: (run: ChecklistRun) => definitions.find((d) => d.id === run.checklistId && d.version === run.version),
    runs: [],
    suggestions: [],
    onStart: vi.fn(),
    onAction: vi.fn().mockReturnValue(null),
    ...overrides,
  };
  const view = render(
    <I18nProvider language="en" uiLanguage="en">
      <ChecklistSection {...props} />
    </I18nProvider>,
  );
  return { props, view };
}

const picker = () => screen.getByRole('combobox', { name: 'Start a checklist…' }) as HTMLSelectElement;
const pickerOptions = () => [...picker().options].map((option) => option.value);
const cards = () => screen.queryAllByTestId('checklist-run');

describe('ChecklistSection', () => {
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('suggests checklists with the reason for each, and starts the one clicked', () => {
    const { props } = renderSection({
      suggestions: [
        { checklistId: 'lockout', reason: { kind: 'keyword', keyword: 'locked out' } },
        { checklistId: 'fraud', reason: { kind: 'faq', entryId: 'scam-en' } },
      ],
    });
    const list = screen.getByRole('list', { name: 'Suggested for this call' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'Start: Account lockout found “locked out”',
      'Start: Possible scam linked to the suggested answer',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Start: Possible scam' }));
    expect(props.onStart).toHaveBeenCalledWith('fraud');
  });

  it('names a suggested checklist by its id when its definition is missing', () => {
    renderSection({ suggestions: [{ checklistId: 'retired', reason: { kind: 'keyword', keyword: 'x' } }] });
    expect(screen.getByTestId('start-retired').textContent).toBe('Start: retired');
  });

  it('shows no suggestions list when there is nothing to suggest', () => {
    renderSection();
    expect(screen.queryByRole('list', { name: 'Suggested for this call' })).toBeNull();
  });

  it('starts any checklist from the picker, which lists only those not started', () => {
    const { props } = renderSection({ runs: [makeRun({ checklistId: 'demo' })] });
    expect(pickerOptions()).toEqual(['', 'lockout', 'fraud']);
    fireEvent.change(picker(), { target: { value: 'fraud' } });
    expect(props.onStart).toHaveBeenCalledWith('fraud');
  });

  it('does not start anything when the picker goes back to its prompt', () => {
    const { props } = renderSection();
    fireEvent.change(picker(), { target: { value: '' } });
    expect(props.onStart).not.toHaveBeenCalled();
  });

  it('drops the suggestion of a checklist once it has started', () => {
    const suggestions = [
      { checklistId: 'lockout', reason: { kind: 'keyword', keyword: 'locked' } },
      { checklistId: 'fraud', reason: { kind: 'keyword', keyword: 'safe account' } },
    ] as const;
    renderSection({ suggestions, runs: [makeRun({ id: 'r-lockout', checklistId: 'lockout' })] });
    expect(screen.queryByTestId('start-lockout')).toBeNull();
    expect(screen.getByTestId('start-fraud')).toBeTruthy();
  });

  it('shows a card for each run, each sending its actions under its own run id', () => {
    const { props } = renderSection({
      runs: [makeRun({ id: 'r-demo', checklistId: 'demo' }), makeRun({ id: 'r-fraud', checklistId: 'fraud' })],
    });
    expect(cards().map((card) => card.getAttribute('data-checklist-id'))).toEqual(['demo', 'fraud']);
    fireEvent.click(within(cards()[1]!).getByRole('checkbox', { name: 'Verify the caller' }));
    expect(props.onAction).toHaveBeenCalledWith('r-fraud', { type: 'tick', stepId: 'verify' });
    fireEvent.click(within(cards()[0]!).getByRole('button', { name: 'Escalated' }));
    expect(props.onAction).toHaveBeenLastCalledWith('r-demo', {
      type: 'set-value',
      stepId: 'outcome',
      value: 'escalated',
    });
  });

  it('shows a run with the definition version it started with', () => {
    const v2 = makeChecklist({ version: 2, title: { en: 'Demo checklist v2', 'zh-CN': '演示 v2' } });
    renderSection({
      definitions: [v2],
      definitionOf: (run) => (run.version === 1 ? demo : v2),
      runs: [makeRun({ version: 1 })],
    });
    expect(within(cards()[0]!).getByRole('heading').textContent).toBe('Demo checklist');
  });

  it('leaves out a run whose definition is unknown', () => {
    renderSection({ runs: [makeRun({ id: 'r-x', checklistId: 'gone' }), makeRun({ id: 'r-demo' })] });
    expect(cards().map((card) => card.getAttribute('data-checklist-id'))).toEqual(['demo']);
  });

  it('shows refusals returned for a run on that run’s card only', () => {
    renderSection({
      runs: [makeRun({ id: 'r-demo', checklistId: 'demo' }), makeRun({ id: 'r-fraud', checklistId: 'fraud' })],
      onAction: (runId) => (runId === 'r-demo' ? 'looks-like-code' : null),
    });
    const [first, second] = cards();
    fireEvent.input(within(first!).getByRole('textbox', { name: 'Transfer reference' }), { target: { value: '1234' } });
    fireEvent.click(within(first!).getByRole('button', { name: 'Save' }));
    expect(within(first!).getByRole('alert').textContent).toContain('one-time code');
    expect(within(second!).queryByRole('alert')).toBeNull();
  });

  it('keeps the elapsed time of a running checklist ticking', async () => {
    vi.useFakeTimers({ now: 100_000, toFake: ['Date', 'setInterval', 'clearInterval'] });
    renderSection({ runs: [makeRun({ startedAt: 100_000, lastAt: 100_000 })] });
    expect(screen.getByText('Time 0:00')).toBeTruthy();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(65_000);
    });
    expect(screen.getByText('Time 1:05')).toBeTruthy();
  });

  it('stops the clock when every run is complete', async () => {
    vi.useFakeTimers({ now: 100_000, toFake: ['Date', 'setInterval', 'clearInterval'] });
    renderSection({ runs: [makeRun({ startedAt: 40_000, lastAt: 70_000, completedAt: 70_000 })] });
    expect(vi.getTimerCount()).toBe(0);
    expect(screen.getByText('Time 0:30')).toBeTruthy();
  });
});
