import type { MessageKey } from '@/utils/i18n';
import type { Suggestion } from '@/utils/matcher/suggest';
import { HighlightedText } from './HighlightedText';
import { useI18n } from './i18n';

const SOURCE_LABEL: Record<Suggestion['source'], MessageKey> = {
  case: 'faqSourceCase',
  search: 'faqSourceSearch',
  selection: 'faqSourceSelection',
  note: 'faqSourceNote',
};

export interface SuggestionCardProps {
  suggestion: Suggestion;
  active: boolean;
  expanded: boolean;
  vote: boolean | undefined;
  onActivate: () => void;
  onToggle: () => void;
  onInsert: () => void;
  onCopy: () => void;
  onVote: (helpful: boolean) => void;
  /** Title of the checklist this answer links to, when it can be started now. */
  checklistTitle: string | null;
  onStartChecklist: () => void;
}

function ThumbIcon({ down = false }: { down?: boolean }) {
  return (
    <svg
      width="14"
      height="14"
      viewBox="0 0 24 24"
      aria-hidden="true"
      style={down ? { transform: 'rotate(180deg)' } : undefined}
    >
      <path
        fill="currentColor"
        d="M2 21h4V9H2v12zm20-11a2 2 0 0 0-2-2h-6.3l1-4.6v-.3c0-.4-.2-.8-.4-1.1L13.2 1 6.6 7.6C6.2 8 6 8.5 6 9v10a2 2 0 0 0 2 2h9c.8 0 1.5-.5 1.8-1.2l3-7.1c.1-.2.2-.5.2-.7v-2z"
      />
    </svg>
  );
}

/** One suggested FAQ answer: question, where it came from, the answer when opened, actions. */
export function SuggestionCard(props: SuggestionCardProps) {
  const { t, locale } = useI18n();
  const { suggestion, active, expanded, vote } = props;
  const { entry, matchedTerms } = suggestion;
  const answerId = `answer-${entry.id}`;
  return (
    <li
      class={`card${active ? ' card--active' : ''}`}
      data-testid="suggestion"
      data-entry-id={entry.id}
      aria-current={active ? 'true' : undefined}
      onFocusIn={props.onActivate}
    >
      <div class="card__head">
        <button
          type="button"
          class="card__question"
          aria-expanded={expanded}
          aria-controls={active || expanded ? answerId : undefined}
          tabIndex={active ? 0 : -1}
          data-card-focus
          onClick={props.onToggle}
        >
          <HighlightedText text={entry.question} terms={matchedTerms} />
        </button>
        <span class="card__meta">
          <span class="card__source">{t(SOURCE_LABEL[suggestion.source])}</span>
          {entry.locale !== locale && (
            <span class="card__locale">{t(entry.locale === 'en' ? 'faqLocaleEn' : 'faqLocaleZh')}</span>
          )}
        </span>
      </div>
      {(active || expanded) && (
        <p
          id={answerId}
          class={`card__answer${expanded ? '' : ' card__answer--clamped'}`}
          lang={entry.locale}
          data-testid="answer"
        >
          <HighlightedText text={entry.answer} terms={matchedTerms} />
        </p>
      )}
      <div class="card__actions">
        <button
          type="button"
          class="primary"
          title={t('faqInsertHint')}
          onClick={props.onInsert}
          tabIndex={active ? 0 : -1}
        >
          {t('faqInsert')}
        </button>
        <button type="button" title={t('faqCopyHint')} onClick={props.onCopy} tabIndex={active ? 0 : -1}>
          {t('faqCopy')}
        </button>
        {props.checklistTitle && (
          <button type="button" onClick={props.onStartChecklist} tabIndex={active ? 0 : -1}>
            {t('clStart', props.checklistTitle)}
          </button>
        )}
        <span class="card__vote">
          <button
            type="button"
            aria-pressed={vote === true}
            title={t('faqHelpful')}
            aria-label={t('faqHelpful')}
            onClick={() => props.onVote(true)}
            tabIndex={active ? 0 : -1}
          >
            <ThumbIcon />
          </button>
          <button
            type="button"
            aria-pressed={vote === false}
            title={t('faqNotHelpful')}
            aria-label={t('faqNotHelpful')}
            onClick={() => props.onVote(false)}
            tabIndex={active ? 0 : -1}
          >
            <ThumbIcon down />
          </button>
        </span>
      </div>
    </li>
  );
}
