import type { Ref } from 'preact';
import { useState } from 'preact/hooks';
import type { ChecklistDefinition } from '@/utils/checklists/checklist-definition';
import { type ChecklistRun, pathOf, summarizeRun } from '@/utils/checklists/checklist-run';
import { formatDuration } from '@/utils/format-duration';
import type { CallNote, ReviewStatus } from '@/utils/notes/call-note';
import { agentLabel } from './agent-label';
import { useI18n } from './i18n';
import { MASK_LABEL } from './NoteSection';
import { CATEGORY_LABEL, OUTCOME_LABEL, REVIEW_STATUS_LABEL } from './review-labels';

export interface NoteDetailProps {
  note: CallNote;
  definitionOf: (run: ChecklistRun) => ChecklistDefinition | undefined;
  commentRef: Ref<HTMLTextAreaElement>;
  /** The "Reviewed" button, which the page's R key presses, so a failed save is shown the same way. */
  reviewedRef: Ref<HTMLButtonElement>;
  onReview: (change: { status?: ReviewStatus; comment?: string }) => Promise<void>;
}

/** The note's text with the masked parts marked, so a reviewer sees what was hidden and why. */
function MaskedText({ note }: { note: CallNote }) {
  const { t } = useI18n();
  const parts: preact.ComponentChildren[] = [];
  let cursor = 0;
  for (const span of [...note.masked].sort((a, b) => a.start - b.start)) {
    if (span.start < cursor || span.end > note.text.length) continue;
    parts.push(note.text.slice(cursor, span.start));
    parts.push(
      <mark class="masked" title={t(MASK_LABEL[span.kind])} key={span.start}>
        {note.text.slice(span.start, span.end)}
      </mark>,
    );
    cursor = span.end;
  }
  parts.push(note.text.slice(cursor));
  return (
    <p class="detail__text" data-testid="detail-text">
      {parts}
    </p>
  );
}

function RunTimeline({ run, definition }: { run: ChecklistRun; definition: ChecklistDefinition }) {
  const { t, locale } = useI18n();
  const summary = summarizeRun(definition, run);
  const { steps, open } = pathOf(definition, run);
  const time = (ms: number) => new Date(ms).toLocaleTimeString(locale);
  return (
    <section class="timeline" data-testid={`timeline-${run.checklistId}`}>
      <h4>
        {definition.title[locale]} <span class="hint">v{run.version}</span>{' '}
        <span class={summary.compliant ? 'good' : 'bad'}>
          {summary.compliant ? t('complianceCompliant') : t('complianceNotCompliant')}
        </span>
        {summary.timeToComplete !== null && <span class="hint"> · {formatDuration(summary.timeToComplete)}</span>}
      </h4>
      <ol>
        {steps.map((step) => {
          const record = run.steps[step.id];
          const status = record?.status ?? 'pending';
          const value =
            step.kind === 'choice' ? step.options?.find((o) => o.id === record?.value)?.label[locale] : record?.value;
          return (
            <li key={step.id} class={`timeline__step timeline__step--${status}`}>
              <span class="timeline__time">{record && status !== 'pending' ? time(record.at) : ''}</span>
              <span>
                {step.text[locale]}
                {step.required && <span class="step__required"> · {t('clRequired')}</span>}
                {status === 'done' && value && <strong> — {value}</strong>}
                {status === 'skipped' && <span class="bad"> — {t('clSkippedBecause', record?.skipReason || '—')}</span>}
                {status === 'pending' && <span class="hint"> — {t('timelinePending')}</span>}
              </span>
            </li>
          );
        })}
      </ol>
      {open && <p class="hint">{t('timelineNotOnPath')}</p>}
    </section>
  );
}

/** One call in full for the supervisor: note, case link, FAQ answers used, checklist timelines, review. */
export function NoteDetail({ note, definitionOf, commentRef, reviewedRef, onReview }: NoteDetailProps) {
  const { t, locale } = useI18n();
  const [comment, setComment] = useState('');
  const [failure, setFailure] = useState<{ noteId: string; reason: string } | null>(null);
  const review = (change: Parameters<typeof onReview>[0], afterSave?: () => void) =>
    void onReview(change).then(
      () => {
        setFailure(null);
        afterSave?.();
      },
      (error: unknown) =>
        setFailure({ noteId: note.id, reason: error instanceof Error ? error.message : String(error) }),
    );
  const when = (ms: number) => new Date(ms).toLocaleString(locale);
  const safeUrl = note.crm?.url && /^https?:\/\//i.test(note.crm.url) ? note.crm.url : null;
  return (
    <article class="detail" data-testid="note-detail" aria-labelledby="detail-title">
      <header>
        <h2 id="detail-title">
          {note.crm?.caseId ? t('detailCase', note.crm.caseId, note.crm.site) : agentLabel(note)}
        </h2>
        <p class="hint">
          {agentLabel(note)} · {t('detailStarted', when(note.createdAt))} ·{' '}
          {note.endedAt ? t('detailEnded', when(note.endedAt)) : t('detailDraft')}
          {note.category && ` · ${t(CATEGORY_LABEL[note.category])}`}
          {note.outcome && ` · ${t(OUTCOME_LABEL[note.outcome])}`}
        </p>
        {safeUrl && (
          <a href={safeUrl} target="_blank" rel="noreferrer noopener">
            {t('detailOpenCase')}
          </a>
        )}
      </header>
      <MaskedText note={note} />
      {note.masked.length > 0 && <p class="hint">{t('detailMaskedHint')}</p>}
      <h3>{t('detailFaq')}</h3>
      {note.faqUsed.length === 0 ? (
        <p class="hint">{t('detailFaqNone')}</p>
      ) : (
        <ul>
          {note.faqUsed.map((use) => (
            <li key={`${use.entryId}-${use.at}`}>
              {use.question}{' '}
              <span class="hint">
                {use.helpful === undefined
                  ? t('detailFaqUse', t(use.action === 'inserted' ? 'faqActionInserted' : 'faqActionCopied'))
                  : t(
                      'detailFaqUseRated',
                      t(use.action === 'inserted' ? 'faqActionInserted' : 'faqActionCopied'),
                      t(use.helpful ? 'faqHelpful' : 'faqNotHelpful'),
                    )}
              </span>
            </li>
          ))}
        </ul>
      )}
      <h3>{t('detailChecklists')}</h3>
      {note.checklistRuns.length === 0 && <p class="hint">{t('detailChecklistsNone')}</p>}
      {note.checklistRuns.map((run) => {
        const definition = definitionOf(run);
        return definition ? <RunTimeline key={run.id} run={run} definition={definition} /> : null;
      })}
      <h3>{t('detailReview')}</h3>
      <p data-testid="detail-review-status">{t(REVIEW_STATUS_LABEL[note.review.status])}</p>
      <div class="button-row">
        <button type="button" class="primary" ref={reviewedRef} onClick={() => review({ status: 'reviewed' })}>
          {t('detailMarkReviewed')}
        </button>
        <button
          type="button"
          onClick={() => review({ status: 'needs-coaching', comment: comment || undefined }, () => setComment(''))}
        >
          {t('detailMarkCoaching')}
        </button>
      </div>
      <label class="field--stacked">
        {t('detailComment')}
        <textarea
          ref={commentRef}
          rows={3}
          value={comment}
          onInput={(event) => setComment(event.currentTarget.value)}
        />
      </label>
      <div class="button-row">
        <button type="button" disabled={!comment.trim()} onClick={() => review({ comment }, () => setComment(''))}>
          {t('detailAddComment')}
        </button>
      </div>
      {failure?.noteId === note.id && (
        <p class="notice notice--error" role="alert" data-testid="review-error">
          {t('reviewSaveFailed', failure.reason)}
        </p>
      )}
      <h4>{t('detailHistory')}</h4>
      {note.review.comments.length === 0 ? (
        <p class="hint">{t('detailHistoryEmpty')}</p>
      ) : (
        <ol class="history" data-testid="review-history">
          {note.review.comments.map((entry) => (
            <li key={entry.at}>
              <span class="hint">
                {when(entry.at)} · {entry.by}
                {entry.status && ` · ${t('detailStatusSet', t(REVIEW_STATUS_LABEL[entry.status]))}`}
              </span>
              {entry.text && <p>{entry.text}</p>}
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}
