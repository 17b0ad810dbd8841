import type { MessageKey, Translate } from '@/utils/i18n';
import { CATEGORIES, type CallNote, type Category, OUTCOMES, type Outcome } from '@/utils/notes/call-note';
import type { MaskedSpan, MaskKind } from '@/utils/redact';
import { storageErrorReason } from '@/utils/storage-error';
import { useI18n } from './i18n';
import { CATEGORY_LABEL, OUTCOME_LABEL } from './review-labels';
import type { SaveState } from './use-call-note';
import { useDraft } from './use-draft';

export const MASK_LABEL: Record<MaskKind, MessageKey> = {
  card: 'maskCard',
  cvv: 'maskCvv',
  otp: 'maskOtp',
  password: 'maskPassword',
  'national-id': 'maskNationalId',
  'bank-account': 'maskBankAccount',
};

export interface NoteSectionProps {
  note: CallNote;
  saveState: SaveState;
  lastMasked: readonly MaskedSpan[];
  hasCase: boolean;
  history: readonly CallNote[];
  onChange: (change: (note: CallNote) => CallNote, options?: { immediate?: boolean }) => void;
  onEndCall: () => void;
  onKeepMine: () => void;
  onLoadTheirs: () => void;
}

/** True when the note holds nothing yet: ending such a call would store an empty record. */
export function isEmptyNote(note: CallNote): boolean {
  return !note.text.trim() && note.checklistRuns.length === 0 && note.faqUsed.length === 0 && note.outcome === null;
}

/** Why saving failed, in the agent's words when the cause is a known one; otherwise the error's name. */
function storageProblem(name: string, t: Translate): string {
  const reason = storageErrorReason(name);
  return reason ? t(reason) : name;
}

/** The agent's call note: text, category, tags, outcome, and the case's earlier notes. */
export function NoteSection(props: NoteSectionProps) {
  const { t, locale } = useI18n();
  const { note, saveState, onChange } = props;
  const time = (ms: number) =>
    new Date(ms).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const maskedKinds = [...new Set(props.lastMasked.map((span) => span.kind))].map((kind) => t(MASK_LABEL[kind]));
  const select = (event: { currentTarget: HTMLSelectElement }) => event.currentTarget.value;
  const tags = useDraft(note.tags.join(', '));

  return (
    <section class="panel__section note" aria-labelledby="note-heading" data-testid="note">
      <div class="section-head">
        <h2 id="note-heading" class="section-heading">
          {t('noteHeading')}
        </h2>
        <span class="save-status" role="status" data-testid="note-save-state">
          {saveState.status === 'saving' && t('noteSaving')}
          {saveState.status === 'saved' && t('noteSaved', time(saveState.at))}
          {saveState.status === 'unsaved' && t('noteNotSavedYet')}
        </span>
      </div>
      {!props.hasCase && <p class="hint">{t('noteNoCase')}</p>}
      {saveState.status === 'conflict' && (
        <div class="notice notice--warn" role="alert" data-testid="note-conflict">
          <p>{t('noteConflict', time(saveState.theirs.updatedAt))}</p>
          <div class="button-row">
            <button type="button" onClick={props.onKeepMine}>
              {t('noteKeepMine')}
            </button>
            <button type="button" onClick={props.onLoadTheirs}>
              {t('noteLoadTheirs')}
            </button>
          </div>
        </div>
      )}
      {saveState.status === 'error' && (
        <p class="notice notice--error" role="alert" data-testid="note-error">
          {t('noteStorageError', storageProblem(saveState.message, t))}
        </p>
      )}
      <label for="note-text" class="visually-hidden">
        {t('noteLabel')}
      </label>
      <textarea
        id="note-text"
        class="note__text"
        rows={5}
        placeholder={t('notePlaceholder')}
        value={note.text}
        onInput={(event) => {
          const text = event.currentTarget.value;
          onChange((n) => ({ ...n, text }));
        }}
      />
      {maskedKinds.length > 0 && (
        <p class="notice notice--info" data-testid="note-masked">
          {t('noteMasked', maskedKinds.join(', '))}
        </p>
      )}
      <div class="note__fields">
        <label>
          {t('noteCategory')}
          <select
            value={note.category ?? ''}
            onChange={(event) => {
              const value = select(event);
              onChange((n) => ({ ...n, category: (value || null) as Category | null }), { immediate: true });
            }}
          >
            <option value="">{t('noteCategoryNone')}</option>
            {CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {t(CATEGORY_LABEL[category])}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('noteOutcome')}
          <select
            value={note.outcome ?? ''}
            onChange={(event) => {
              const value = select(event);
              onChange((n) => ({ ...n, outcome: (value || null) as Outcome | null }), { immediate: true });
            }}
          >
            <option value="">{t('noteCategoryNone')}</option>
            {OUTCOMES.map((outcome) => (
              <option key={outcome} value={outcome}>
                {t(OUTCOME_LABEL[outcome])}
              </option>
            ))}
          </select>
        </label>
        {note.outcome === 'follow-up' && (
          <label>
            {t('noteFollowUpDate')}
            <input
              type="date"
              value={note.followUpDate ?? ''}
              onChange={(event) => {
                const value = event.currentTarget.value;
                onChange((n) => ({ ...n, followUpDate: value || null }), { immediate: true });
              }}
            />
          </label>
        )}
        <label>
          {t('noteTags')}
          <input
            ref={tags.ref}
            value={tags.draft}
            placeholder={t('noteTagsHint')}
            onInput={(event) => tags.setDraft(event.currentTarget.value)}
            onChange={(event) => {
              const typed = event.currentTarget.value
                .split(/[,，]/)
                .map((tag) => tag.trim())
                .filter(Boolean)
                .slice(0, 20);
              tags.setDraft(typed.join(', '));
              onChange((n) => ({ ...n, tags: typed }), { immediate: true });
            }}
          />
        </label>
      </div>
      <label class="checkbox">
        <input
          type="checkbox"
          checked={note.review.requested}
          onChange={(event) => {
            const requested = event.currentTarget.checked;
            onChange((n) => ({ ...n, review: { ...n.review, requested } }), { immediate: true });
          }}
        />
        {t('noteRequestReview')}
      </label>
      <div class="button-row">
        <button
          type="button"
          class="primary"
          title={t('noteEndCallHint')}
          disabled={isEmptyNote(note)}
          onClick={props.onEndCall}
        >
          {t('noteEndCall')}
        </button>
      </div>
      <details class="note__history" data-testid="note-history">
        <summary>
          {t('noteHistory')} ({props.history.length})
        </summary>
        {props.history.length === 0 ? (
          <p class="hint">{t('noteHistoryEmpty')}</p>
        ) : (
          <ol>
            {props.history.map((earlier) => (
              <li key={earlier.id}>
                <span class="hint">
                  {new Date(earlier.endedAt ?? earlier.createdAt).toLocaleString(locale)} ·{' '}
                  {earlier.agentName || earlier.agentId}
                  {earlier.outcome && ` · ${t(OUTCOME_LABEL[earlier.outcome])}`}
                </span>
                <p class="note__history-text">{earlier.text}</p>
              </li>
            ))}
          </ol>
        )}
      </details>
    </section>
  );
}
