import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ChecklistDefinition, ChecklistStep } from '@/utils/checklists/checklist-definition';
import {
  type ChecklistRun,
  pathOf,
  type RunError,
  type StepAction,
  summarizeRun,
} from '@/utils/checklists/checklist-run';
import { formatDuration } from '@/utils/format-duration';
import type { MessageKey } from '@/utils/i18n';
import { useI18n } from './i18n';

const ERROR_TEXT: Partial<Record<RunError, MessageKey>> = {
  'reason-required': 'clErrorReasonRequired',
  'empty-value': 'clErrorEmpty',
  'too-long': 'clErrorTooLong',
  'bad-format': 'clErrorFormat',
  'looks-like-card': 'clErrorCard',
  'looks-like-code': 'clErrorCode',
};

export interface ChecklistRunCardProps {
  definition: ChecklistDefinition;
  run: ChecklistRun;
  now: number;
  onAction: (action: StepAction) => RunError | null;
}

/** A checklist being worked through: its steps on the path taken, progress, time and summary. */
export function ChecklistRunCard({ definition, run, now, onAction }: ChecklistRunCardProps) {
  const { t, locale } = useI18n();
  const text = (value: { en: string; 'zh-CN': string }) => value[locale];
  const summary = summarizeRun(definition, run);
  const { steps } = pathOf(definition, run);
  const [focused, setFocused] = useState<string | null>(null);
  const [skipping, setSkipping] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, RunError | null>>({});
  const [why, setWhy] = useState<string | null>(null);
  const reasonBox = useRef<HTMLInputElement>(null);
  // Only when the box opens: the clock re-renders the card every second and must not pull the cursor back.
  // Before paint, so the reason typed straight after S lands in the box.
  useLayoutEffect(() => {
    reasonBox.current?.focus();
  }, [skipping]);

  const act = (stepId: string, action: StepAction) => {
    const error = onAction(action);
    setErrors((previous) => ({ ...previous, [stepId]: error }));
    return error;
  };
  const toggle = (step: ChecklistStep) =>
    act(step.id, { type: run.steps[step.id]?.status === 'done' ? 'untick' : 'tick', stepId: step.id });
  const confirmSkip = (step: ChecklistStep) => {
    if (!act(step.id, { type: 'skip', stepId: step.id, reason })) {
      setSkipping(null);
      setReason('');
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    if (target.matches('input, textarea, select') || event.ctrlKey || event.metaKey || event.altKey) return;
    const index = steps.findIndex((step) => step.id === focused);
    const step = steps[index];
    const move = (delta: number) => {
      const next = steps[Math.max(0, Math.min(steps.length - 1, index + delta))];
      if (!next) return;
      setFocused(next.id);
      (event.currentTarget as HTMLElement).querySelector<HTMLElement>(`[data-step-row="${next.id}"]`)?.focus();
    };
    const key = event.key.toLowerCase();
    if (key === 'j') move(1);
    else if (key === 'k') move(-1);
    else if (!step) return;
    else if (key === ' ' && step.kind === 'check') {
      // A skipped check keeps its reason until Undo reopens it, as its disabled box does for the mouse.
      if (run.steps[step.id]?.status !== 'skipped') toggle(step);
    } else if (key === 'enter' && step.kind !== 'check') {
      (event.currentTarget as HTMLElement)
        .querySelector<HTMLElement>(`[data-step-row="${step.id}"] input, [data-step-row="${step.id}"] .option`)
        ?.focus();
    } else if (key === 's') setSkipping(step.id);
    else return;
    event.preventDefault();
  };

  const elapsed = (run.completedAt ?? now) - run.startedAt;
  return (
    // Keyboard shortcuts for the focusable step rows inside.
    <article class="checklist" data-testid="checklist-run" data-checklist-id={definition.id} onKeyDown={onKeyDown}>
      <header class="checklist__head">
        <h3>{text(definition.title)}</h3>
        <span class="checklist__meta">
          <span data-testid="checklist-progress">{t('clProgress', summary.resolved, summary.total)}</span>
          <span>{t('clElapsed', formatDuration(elapsed))}</span>
        </span>
      </header>
      <progress max={summary.total} value={summary.resolved} aria-hidden="true" />
      <ol class="steps">
        {steps.map((step) => {
          const record = run.steps[step.id];
          const status = record?.status ?? 'pending';
          const error = errors[step.id];
          return (
            <li
              key={step.id}
              class={`step step--${status}${focused === step.id ? ' step--focused' : ''}`}
              data-step-row={step.id}
              data-testid={`step-${step.id}`}
              tabIndex={focused === step.id || (!focused && step === steps[0]) ? 0 : -1}
              onFocus={() => setFocused(step.id)}
            >
              <div class="step__line">
                {step.kind === 'check' ? (
                  <input
                    type="checkbox"
                    class="step__tick"
                    checked={status === 'done'}
                    disabled={status === 'skipped'}
                    aria-label={text(step.text)}
                    tabIndex={-1}
                    onChange={() => toggle(step)}
                  />
                ) : (
                  <span class={`step__dot step__dot--${status}`} aria-hidden="true" />
                )}
                <span class="step__text">
                  {text(step.text)}
                  {step.required && <span class="step__required"> · {t('clRequired')}</span>}
                </span>
                {step.help && (
                  <button
                    type="button"
                    class="link"
                    tabIndex={-1}
                    aria-expanded={why === step.id}
                    onClick={() => setWhy(why === step.id ? null : step.id)}
                  >
                    {t('clWhy')}
                  </button>
                )}
              </div>
              {why === step.id && step.help && <p class="step__help">{text(step.help)}</p>}
              {step.kind === 'choice' && (
                <fieldset class="step__options">
                  <legend class="visually-hidden">{text(step.text)}</legend>
                  {step.options?.map((option) => (
                    <button
                      key={option.id}
                      type="button"
                      class="option"
                      aria-pressed={record?.status === 'done' && record.value === option.id}
                      disabled={status === 'skipped'}
                      onClick={() => act(step.id, { type: 'set-value', stepId: step.id, value: option.id })}
                    >
                      {text(option.label)}
                    </button>
                  ))}
                </fieldset>
              )}
              {step.kind === 'input' && status !== 'skipped' && (
                <form
                  class="step__input"
                  onSubmit={(event) => {
                    event.preventDefault();
                    act(step.id, { type: 'set-value', stepId: step.id, value: drafts[step.id] ?? record?.value ?? '' });
                  }}
                >
                  <input
                    value={drafts[step.id] ?? record?.value ?? ''}
                    placeholder={step.input?.placeholder ? text(step.input.placeholder) : ''}
                    aria-label={text(step.text)}
                    aria-invalid={error ? true : undefined}
                    onInput={(event) => {
                      const value = event.currentTarget.value;
                      setDrafts((previous) => ({ ...previous, [step.id]: value }));
                    }}
                  />
                  <button type="submit">{t('clSave')}</button>
                </form>
              )}
              {status === 'skipped' && (
                <p class="step__skipped">
                  {t('clSkippedBecause', record?.skipReason || '—')}{' '}
                  <button type="button" class="link" onClick={() => act(step.id, { type: 'reopen', stepId: step.id })}>
                    {t('clReopen')}
                  </button>
                </p>
              )}
              {status === 'pending' &&
                (skipping === step.id ? (
                  <form
                    class="step__input"
                    onSubmit={(event) => {
                      event.preventDefault();
                      confirmSkip(step);
                    }}
                  >
                    <input
                      value={reason}
                      aria-label={t('clSkipReason')}
                      placeholder={t('clSkipReason')}
                      ref={reasonBox}
                      onInput={(event) => setReason(event.currentTarget.value)}
                      onKeyDown={(event) => {
                        if (event.key === 'Escape') setSkipping(null);
                      }}
                    />
                    <button type="submit">{t('clSkipConfirm')}</button>
                  </form>
                ) : (
                  <button type="button" class="link step__skip" tabIndex={-1} onClick={() => setSkipping(step.id)}>
                    {t('clSkip')}
                  </button>
                ))}
              {error && (
                <p class="step__error" role="alert">
                  {t(ERROR_TEXT[error] ?? 'clErrorOther')}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      {summary.complete && (
        <p
          class={`checklist__summary${summary.compliant ? '' : ' checklist__summary--warn'}`}
          data-testid="checklist-summary"
        >
          {summary.compliant
            ? t('clComplete', formatDuration(summary.timeToComplete ?? 0))
            : t('clCompleteNotCompliant', formatDuration(summary.timeToComplete ?? 0), summary.skippedRequired.length)}
        </p>
      )}
      <p class="hint">{t('clKeyboardHint')}</p>
    </article>
  );
}
