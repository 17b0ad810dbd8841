// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FraudWarning } from '@/components/FraudWarning';
import { I18nProvider } from '@/components/i18n';
import type { FraudSignalMatch } from '@/utils/checklists/fraud-signals';

function renderWarning(signals: FraudSignalMatch[] = [{ signal: 'safe-account', evidence: 'safe account' }]) {
  const onStart = vi.fn();
  const view = render(
    <I18nProvider language="en" uiLanguage="en">
      <FraudWarning signals={signals} onStart={onStart} />
      <input aria-label="Search" />
      <textarea aria-label="Note" />
      <select aria-label="Outcome" />
      <div contentEditable data-testid="editor" />
    </I18nProvider>,
  );
  return { onStart, view };
}

describe('FraudWarning', () => {
  afterEach(cleanup);

  it('names every signal found', () => {
    renderWarning([
      { signal: 'safe-account', evidence: 'safe account' },
      { signal: 'code-request', evidence: 'asked for the code' },
      { signal: 'refund-link', evidence: 'refund link' },
      { signal: 'remote-access', evidence: 'anydesk' },
      { signal: 'impersonation', evidence: 'posing as the bank' },
    ]);
    const warning = screen.getByRole('alert');
    expect(warning.querySelector('strong')?.textContent).toBe(
      'Possible scam: “safe account” · someone asked for a code or password · refund link · ' +
        'remote-access or screen-sharing app · someone posing as staff, bank or police',
    );
  });

  it('starts the fraud checklist from its button', () => {
    const { onStart } = renderWarning();
    fireEvent.click(screen.getByRole('button', { name: 'Start the fraud checklist (F)' }));
    expect(onStart).toHaveBeenCalledTimes(1);
  });

  it.each(['f', 'F'])('starts it when "%s" is pressed anywhere on the panel', (key) => {
    const { onStart } = renderWarning();
    const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
    document.body.dispatchEvent(event);
    expect(onStart).toHaveBeenCalledTimes(1);
    expect(event.defaultPrevented).toBe(true);
  });

  it.each([
    ['typing in a search box', () => screen.getByRole('textbox', { name: 'Search' }), {}],
    ['typing in the note', () => screen.getByRole('textbox', { name: 'Note' }), {}],
    ['in a select', () => screen.getByRole('combobox', { name: 'Outcome' }), {}],
    ['in an editable area', () => screen.getByTestId('editor'), {}],
    ['with Ctrl held', () => document.body, { ctrlKey: true }],
    ['with Alt held', () => document.body, { altKey: true }],
    ['with Meta held', () => document.body, { metaKey: true }],
  ])('ignores F %s', (_, target, modifiers) => {
    const { onStart } = renderWarning();
    fireEvent.keyDown(target(), { key: 'f', ...modifiers });
    expect(onStart).not.toHaveBeenCalled();
  });

  it('ignores other keys', () => {
    const { onStart } = renderWarning();
    fireEvent.keyDown(document.body, { key: 'g' });
    expect(onStart).not.toHaveBeenCalled();
  });

  it('stops listening for F once it is gone', () => {
    const { onStart, view } = renderWarning();
    // Preact runs effect clean-ups after the unmount has painted; act flushes them.
    act(() => {
      view.unmount();
    });
    fireEvent.keyDown(document.body, { key: 'f' });
    expect(onStart).not.toHaveBeenCalled();
  });
});
