// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChecklistRunCard } from '@/components/ChecklistRunCard';
import { I18nProvider } from '@/components/i18n';
import type { ChecklistDefinition } from '@/utils/checklists/checklist-definition';
import {
  applyAction,
  type ChecklistRun,
  type RunAction,
  type RunError,
  type StepAction,
} from '@/utils/checklists/checklist-run';
import { makeChecklist, makeRun } from '../../fixtures/factories';

const definition = makeChecklist();
const STEP_MS = 15_000;

/** The card over a real run: actions go through the runner, each 15 s after the one before. */
function renderCard({
  run = makeRun(),
  now = run.startedAt,
  checklist = definition,
}: {
  run?: ChecklistRun;
  now?: number;
  checklist?: ChecklistDefinition;
} = {}) {
  const actions: StepAction[] = [];
  let clock = run.lastAt;
  const latest: { run: ChecklistRun } = { run };
  function Harness() {
    const [current, setCurrent] = useState(run);
    const onAction = (action: StepAction): RunError | null => {
      actions.push(action);
      clock += STEP_MS;
      const result = applyAction(checklist, current, { ...action, at: clock } as RunAction);
      if (result.error) return result.error;
      latest.run = result.run;
      setCurrent(result.run);
      return null;
    };
    return <ChecklistRunCard definition={checklist} run={current} now={now} onAction={onAction} />;
  }
  render(
    <I18nProvider language="en" uiLanguage="en">
      <Harness />
    </I18nProvider>,
  );
  return { actions, latest };
}

const row = (stepId: string) => screen.getByTestId(`step-${stepId}`);
const rowIds = () =>
  screen
    .getAllByRole('listitem')
    .map((item) => item.getAttribute('data-step-row'))
    .filter(Boolean);
const progress = () => screen.getByTestId('checklist-progress').textContent;
// Focus re-renders the card (the focused row) before the next key, as it does between real key presses.
const focusRow = (stepId: string) => act(() => row(stepId).focus());
const press = (target: Element, key: string, init: KeyboardEventInit = {}) =>
  fireEvent.keyDown(target, { key, ...init });

function chooseOutcome(value: 'Resolved' | 'Escalated') {
  fireEvent.click(within(row('outcome')).getByRole('button', { name: value }));
}

describe('ChecklistRunCard', () => {
  afterEach(cleanup);

  it('shows the steps up to the first unanswered branching choice, with progress and time', () => {
    renderCard({ now: 1_000 + 75_000 });
    expect(screen.getByRole('heading', { name: 'Demo checklist' })).toBeTruthy();
    expect(rowIds()).toEqual(['verify', 'reference', 'outcome']);
    expect(progress()).toBe('0 of 3 steps');
    expect(screen.getByText('Time 1:15')).toBeTruthy();
    expect(row('verify').textContent).toContain('required');
    expect(row('reference').textContent).not.toContain('required');
  });

  it.each([
    ['Resolved', ['verify', 'reference', 'outcome', 'wrap-up']],
    ['Escalated', ['verify', 'reference', 'outcome', 'handover', 'wrap-up']],
  ] as const)('answering the choice with "%s" reveals the path it leads to', (answer, path) => {
    renderCard();
    chooseOutcome(answer);
    expect(rowIds()).toEqual(path);
    expect(progress()).toBe(`1 of ${path.length} steps`);
    expect(within(row('outcome')).getByRole('button', { name: answer }).getAttribute('aria-pressed')).toBe('true');
  });

  it('ticks and unticks a check with its box', () => {
    const { actions } = renderCard();
    const box = screen.getByRole('checkbox', { name: 'Verify the caller' }) as HTMLInputElement;
    fireEvent.click(box);
    expect(box.checked).toBe(true);
    expect(row('verify').classList.contains('step--done')).toBe(true);
    fireEvent.click(box);
    expect(box.checked).toBe(false);
    expect(actions).toEqual([
      { type: 'tick', stepId: 'verify' },
      { type: 'untick', stepId: 'verify' },
    ]);
  });

  it('explains why a step matters on request', () => {
    renderCard();
    const why = within(row('verify')).getByRole('button', { name: 'Why this matters' });
    expect(screen.queryByText('The wrong person must not get the account.')).toBeNull();
    fireEvent.click(why);
    expect(why.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByText('The wrong person must not get the account.')).toBeTruthy();
    fireEvent.click(why);
    expect(screen.queryByText('The wrong person must not get the account.')).toBeNull();
  });

  describe('keyboard', () => {
    it('J and K move between step rows, and stop at the ends', () => {
      renderCard();
      focusRow('verify');
      expect(row('verify').tabIndex).toBe(0);
      press(row('verify'), 'j');
      expect(document.activeElement).toBe(row('reference'));
      press(row('reference'), 'J');
      press(row('outcome'), 'j');
      expect(document.activeElement).toBe(row('outcome'));
      expect(row('outcome').classList.contains('step--focused')).toBe(true);
      expect(row('outcome').tabIndex).toBe(0);
      expect(row('verify').tabIndex).toBe(-1);
      press(row('outcome'), 'k');
      press(row('reference'), 'k');
      press(row('verify'), 'k');
      expect(document.activeElement).toBe(row('verify'));
    });

    it('Space ticks the focused check and ticks it off again', () => {
      const { actions } = renderCard();
      focusRow('verify');
      press(row('verify'), ' ');
      expect(progress()).toBe('1 of 3 steps');
      press(row('verify'), ' ');
      expect(progress()).toBe('0 of 3 steps');
      expect(actions.map((a) => a.type)).toEqual(['tick', 'untick']);
    });

    it('Space leaves a skipped check and its reason alone, as its disabled box does', () => {
      const { actions, latest } = renderCard({
        run: makeRun({ steps: { verify: { status: 'skipped', skipReason: 'Known caller', at: 2_000 } } }),
      });
      expect((screen.getByRole('checkbox', { name: 'Verify the caller' }) as HTMLInputElement).disabled).toBe(true);
      focusRow('verify');
      press(row('verify'), ' ');
      expect(actions).toEqual([]);
      expect(latest.run.steps['verify']).toMatchObject({ status: 'skipped', skipReason: 'Known caller' });
      expect(row('verify').textContent).toContain('Skipped: Known caller');
    });

    it('Space does nothing on an input or a choice', () => {
      const { actions } = renderCard();
      focusRow('reference');
      press(row('reference'), ' ');
      focusRow('outcome');
      press(row('outcome'), ' ');
      expect(actions).toEqual([]);
    });

    it.each([
      ['reference', 'textbox'],
      ['outcome', 'button'],
    ] as const)('Enter on the %s step puts the cursor in its field', (stepId, role) => {
      renderCard();
      focusRow(stepId);
      press(row(stepId), 'Enter');
      expect(document.activeElement).toBe(within(row(stepId)).getAllByRole(role)[0]);
    });

    it('Enter on a check does not tick it', () => {
      const { actions } = renderCard();
      focusRow('verify');
      press(row('verify'), 'Enter');
      expect(actions).toEqual([]);
      expect(document.activeElement).toBe(row('verify'));
    });

    it('leaves keys alone while typing in a field or with a modifier held', () => {
      const { actions } = renderCard();
      focusRow('verify');
      press(row('verify'), ' ', { ctrlKey: true });
      press(row('verify'), 'j', { altKey: true });
      press(row('verify'), 's', { metaKey: true });
      expect(document.activeElement).toBe(row('verify'));
      const input = screen.getByRole('textbox', { name: 'Transfer reference' });
      press(input, 's');
      press(input, 'j');
      expect(actions).toEqual([]);
      expect(screen.queryByRole('textbox', { name: 'Reason for skipping' })).toBeNull();
    });

    it('S skips an optional step without a reason', () => {
      const { actions } = renderCard();
      focusRow('reference');
      press(row('reference'), 's');
      const reason = screen.getByRole('textbox', { name: 'Reason for skipping' });
      expect(document.activeElement).toBe(reason);
      fireEvent.click(screen.getByRole('button', { name: 'Skip step' }));
      expect(actions).toEqual([{ type: 'skip', stepId: 'reference', reason: '' }]);
      expect(row('reference').textContent).toContain('Skipped: —');
      expect(progress()).toBe('1 of 3 steps');
    });

    it('S on a required step asks for a reason and refuses to skip without one', () => {
      const { latest } = renderCard();
      focusRow('verify');
      press(row('verify'), 'S');
      fireEvent.click(screen.getByRole('button', { name: 'Skip step' }));
      expect(within(row('verify')).getByRole('alert').textContent).toBe(
        'A required step can only be skipped with a reason.',
      );
      expect(latest.run.steps['verify']).toBeUndefined();

      const reason = screen.getByRole('textbox', { name: 'Reason for skipping' });
      fireEvent.input(reason, { target: { value: '   ' } });
      fireEvent.click(screen.getByRole('button', { name: 'Skip step' }));
      expect(latest.run.steps['verify']).toBeUndefined();

      fireEvent.input(reason, { target: { value: 'Customer verified in branch' } });
      fireEvent.click(screen.getByRole('button', { name: 'Skip step' }));
      expect(latest.run.steps['verify']).toMatchObject({
        status: 'skipped',
        skipReason: 'Customer verified in branch',
      });
      expect(row('verify').textContent).toContain('Skipped: Customer verified in branch');
      expect(within(row('verify')).queryByRole('alert')).toBeNull();
      expect(screen.queryByRole('textbox', { name: 'Reason for skipping' })).toBeNull();
    });

    it('Escape in the reason box gives up skipping', () => {
      renderCard();
      focusRow('verify');
      press(row('verify'), 's');
      press(screen.getByRole('textbox', { name: 'Reason for skipping' }), 'Escape');
      expect(screen.queryByRole('textbox', { name: 'Reason for skipping' })).toBeNull();
      expect(within(row('verify')).getByRole('button', { name: 'Skip' })).toBeTruthy();
    });
  });

  it('puts the cursor in the reason box once, so the clock ticking does not pull it back', () => {
    const run = makeRun();
    const card = (now: number) => (
      <I18nProvider language="en" uiLanguage="en">
        <ChecklistRunCard definition={definition} run={run} now={now} onAction={() => null} />
      </I18nProvider>
    );
    const { rerender } = render(card(run.startedAt));
    fireEvent.click(within(row('verify')).getByRole('button', { name: 'Skip' }));
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Reason for skipping' }));
    const reference = screen.getByRole('textbox', { name: 'Transfer reference' });
    act(() => reference.focus());
    rerender(card(run.startedAt + 1_000));
    rerender(card(run.startedAt + 2_000));
    expect(document.activeElement).toBe(reference);
  });

  it('a skipped step can be undone', () => {
    const { latest } = renderCard();
    fireEvent.click(within(row('reference')).getByRole('button', { name: 'Skip' }));
    fireEvent.click(screen.getByRole('button', { name: 'Skip step' }));
    expect(within(row('reference')).queryByRole('textbox')).toBeNull();
    fireEvent.click(within(row('reference')).getByRole('button', { name: 'Undo' }));
    expect(latest.run.steps['reference']?.status).toBe('pending');
    expect(within(row('reference')).getByRole('textbox', { name: 'Transfer reference' })).toBeTruthy();
  });

  it.each([
    ['a card number', '4111 1111 1111 1111', 'That looks like a card or account number.'],
    ['a bare code', '482913', 'That looks like a one-time code, password or PIN.'],
    ['a code said as one', 'verification code 99231', 'That looks like a one-time code, password or PIN.'],
    ['nothing', '   ', 'Enter a value first.'],
    ['a value in the wrong format', '!!', 'That does not look right for this field.'],
  ])('refuses %s in an input, says why and stores nothing', (_, value, message) => {
    const { latest } = renderCard();
    const input = screen.getByRole('textbox', { name: 'Transfer reference' });
    fireEvent.input(input, { target: { value } });
    fireEvent.click(within(row('reference')).getByRole('button', { name: 'Save' }));
    expect(within(row('reference')).getByRole('alert').textContent).toContain(message);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(latest.run.steps['reference']).toBeUndefined();
  });

  it('saves an accepted input value and clears an earlier refusal', () => {
    const { latest } = renderCard();
    const input = screen.getByRole('textbox', { name: 'Transfer reference' });
    fireEvent.input(input, { target: { value: '482913' } });
    fireEvent.submit(input.closest('form')!);
    expect(within(row('reference')).queryByRole('alert')).not.toBeNull();
    fireEvent.input(input, { target: { value: ' TX-2024-0042 ' } });
    fireEvent.submit(input.closest('form')!);
    expect(within(row('reference')).queryByRole('alert')).toBeNull();
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect(latest.run.steps['reference']).toMatchObject({ status: 'done', value: 'TX-2024-0042' });
    expect(row('reference').classList.contains('step--done')).toBe(true);
  });

  it('shows the placeholder of an input', () => {
    renderCard();
    expect(screen.getByRole('textbox', { name: 'Transfer reference' }).getAttribute('placeholder')).toBe('e.g. TX-123');
  });

  it('says when the run is complete and every required step was done', () => {
    renderCard();
    expect(screen.queryByTestId('checklist-summary')).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Verify the caller' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Transfer reference' }), { target: { value: 'TX-1' } });
    fireEvent.click(within(row('reference')).getByRole('button', { name: 'Save' }));
    chooseOutcome('Resolved');
    expect(screen.queryByTestId('checklist-summary')).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Thank the customer' }));
    const summary = screen.getByTestId('checklist-summary');
    expect(progress()).toBe('4 of 4 steps');
    // Four actions 15 s apart.
    expect(summary.textContent).toBe('Complete in 1:00 — every required step done.');
    expect(summary.classList.contains('checklist__summary--warn')).toBe(false);
  });

  it('warns when the run completed with required steps skipped', () => {
    renderCard();
    fireEvent.click(within(row('verify')).getByRole('button', { name: 'Skip' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Reason for skipping' }), {
      target: { value: 'Caller hung up' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Skip step' }));
    fireEvent.click(within(row('reference')).getByRole('button', { name: 'Skip' }));
    fireEvent.click(screen.getByRole('button', { name: 'Skip step' }));
    chooseOutcome('Escalated');
    fireEvent.click(within(row('handover')).getByRole('button', { name: 'Skip' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Reason for skipping' }), { target: { value: 'No one free' } });
    fireEvent.click(screen.getByRole('button', { name: 'Skip step' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Thank the customer' }));
    const summary = screen.getByTestId('checklist-summary');
    expect(summary.textContent).toBe('Complete in 1:15 — 2 required step(s) skipped.');
    expect(summary.classList.contains('checklist__summary--warn')).toBe(true);
  });

  it('stops the clock at completion', () => {
    const run = makeRun({
      startedAt: 0,
      completedAt: 90_000,
      lastAt: 90_000,
      steps: {
        verify: { status: 'done', at: 10_000 },
        reference: { status: 'done', value: 'TX-1', at: 20_000 },
        outcome: { status: 'done', value: 'resolved', at: 30_000 },
        'wrap-up': { status: 'done', at: 90_000 },
      },
    });
    renderCard({ run, now: 10 * 60_000 });
    expect(screen.getByText('Time 1:30')).toBeTruthy();
    expect(screen.getByTestId('checklist-summary').textContent).toContain('Complete in 1:30');
  });

  it('disables the answers of a skipped choice', () => {
    renderCard({
      run: makeRun({ steps: { outcome: { status: 'skipped', skipReason: 'n/a', at: 2_000 } } }),
    });
    for (const option of within(row('outcome')).getAllByRole('button', { name: /Resolved|Escalated/ })) {
      expect((option as HTMLButtonElement).disabled).toBe(true);
    }
  });

  it('shows a refusal from the runner that has no message of its own', () => {
    const onAction = vi.fn().mockReturnValue('not-on-path');
    render(
      <I18nProvider language="en" uiLanguage="en">
        <ChecklistRunCard definition={definition} run={makeRun()} now={1_000} onAction={onAction} />
      </I18nProvider>,
    );
    fireEvent.click(screen.getByRole('checkbox', { name: 'Verify the caller' }));
    expect(within(row('verify')).getByRole('alert').textContent).toBe('That step cannot change now.');
  });

  it('shows the checklist in the agent’s language', () => {
    render(
      <I18nProvider language="zh-CN" uiLanguage="en">
        <ChecklistRunCard definition={definition} run={makeRun()} now={1_000} onAction={() => null} />
      </I18nProvider>,
    );
    expect(screen.getByRole('heading').textContent).toBe('Demo checklist（中文）');
    expect(screen.getByRole('checkbox', { name: 'Verify the caller（中文）' })).toBeTruthy();
  });
});
