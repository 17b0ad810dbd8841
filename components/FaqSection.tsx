import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { MessageKey } from '@/utils/i18n';
import type { KbEntry } from '@/utils/kb/kb-entry';
import type { Vote } from '@/utils/matcher/feedback-ranking';
import type { MatchIndex } from '@/utils/matcher/matcher';
import { type Suggestion, type SuggestionQuery, type Suggestions, suggest } from '@/utils/matcher/suggest';
import type { InsertReplyResult } from '@/utils/messaging';
import { type KeyPlace, panelActionFor } from '@/utils/panel-shortcuts';
import { useI18n } from './i18n';
import { SearchBox } from './SearchBox';
import { SuggestionCard } from './SuggestionCard';
import { usePendingSearch } from './use-pending-search';

/** How long a search must sit unanswered before it counts as a knowledge gap. */
const GAP_DELAY_MS = 2000;

export interface FaqSectionProps {
  index: MatchIndex | null;
  tabId: number | null;
  /** Suggestions that need no typing (the case on the page, the call note), shown while the search box is empty. */
  background: Suggestions;
  votes: readonly Vote[];
  insertReply: (text: string) => Promise<InsertReplyResult>;
  copyText: (text: string) => Promise<void>;
  onVote: (vote: Vote) => void;
  onGap: (text: string) => void;
  /** An answer went to the customer: inserted into the reply box or copied. */
  onUse: (entry: KbEntry, action: 'inserted' | 'copied') => void;
  /** The title of a linked checklist that can be started now, or null. */
  startableChecklist: (checklistId: string) => string | null;
  onStartChecklist: (checklistId: string) => void;
}

const INSERT_FAILURE: Record<string, MessageKey> = {
  'no-editor': 'faqNoEditorCopied',
  'editor-readonly': 'faqEditorReadonly',
};

function keyPlace(target: EventTarget | null): KeyPlace {
  const el = target as HTMLElement | null;
  if (!el?.closest) return 'other';
  if (el.id === 'faq-search') return 'search';
  if (el.closest('.suggestions')) return 'list';
  if (el.matches('input, textarea, select, [contenteditable="true"]')) return 'text-field';
  return 'other';
}

/** FAQ suggestions for the case, the search box, selected page text and the note, with their actions. */
export function FaqSection(props: FaqSectionProps) {
  const { t } = useI18n();
  const { index, tabId, background, votes } = props;
  const [search, setSearch] = useState<SuggestionQuery>({ source: 'search', text: '' });
  const [activeIndex, setActiveIndex] = useState(0);
  const [expandedId, setExpandedId] = useState<string | null>(null);
  const [given, setGiven] = useState<Record<string, boolean>>({});
  const [status, setStatus] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLOListElement>(null);

  usePendingSearch(
    tabId,
    useCallback((text: string) => {
      setSearch({ source: 'selection', text });
      setActiveIndex(0);
    }, []),
  );

  const searched = useMemo(
    () => (index && search.text.trim() ? suggest(index, [search], votes) : null),
    [index, search, votes],
  );
  const { suggestions, noGoodMatch, leadingQuery } = searched ?? background;
  const active: Suggestion | undefined = suggestions[Math.min(activeIndex, suggestions.length - 1)];

  const { onGap } = props;
  useEffect(() => {
    if (!noGoodMatch || !search.text.trim()) return;
    const timer = setTimeout(() => onGap(search.text), GAP_DELAY_MS);
    return () => clearTimeout(timer);
  }, [noGoodMatch, search.text, onGap]);

  const copy = async (suggestion: Suggestion, success: MessageKey = 'faqCopied') => {
    try {
      await props.copyText(suggestion.entry.answer);
      props.onUse(suggestion.entry, 'copied');
      setStatus(t(success));
    } catch (error) {
      setStatus(t('faqCopyFailed', String(error)));
    }
  };

  const insert = async (suggestion: Suggestion) => {
    const result = await props.insertReply(suggestion.entry.answer).catch(() => null);
    if (result?.ok) {
      props.onUse(suggestion.entry, 'inserted');
      setStatus(t('faqInserted'));
    } else await copy(suggestion, result ? (INSERT_FAILURE[result.reason] ?? 'faqInsertFailed') : 'faqInsertFailed');
  };

  const vote = (suggestion: Suggestion, helpful: boolean) => {
    setGiven((previous) => ({ ...previous, [suggestion.entry.id]: helpful }));
    const query = suggestion.source === 'search' || suggestion.source === 'selection' ? search : leadingQuery;
    props.onVote({ query: query?.text ?? '', entryId: suggestion.entry.id, helpful });
    setStatus(t('faqThanks'));
  };

  // Key presses can come faster than renders: read and move the active card through a ref.
  const activeRef = useRef(activeIndex);
  activeRef.current = Math.min(activeIndex, Math.max(0, suggestions.length - 1));
  const moveBy = (delta: number) => {
    const bounded = Math.max(0, Math.min(suggestions.length - 1, activeRef.current + delta));
    activeRef.current = bounded;
    setActiveIndex(bounded);
    const place = keyPlace(document.activeElement);
    if (place === 'list') {
      requestAnimationFrame(() =>
        listRef.current?.querySelectorAll<HTMLElement>('[data-card-focus]')[bounded]?.focus(),
      );
    }
  };

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const action = panelActionFor(event, keyPlace(event.target));
      if (!action) return;
      if (action === 'focus-search') searchRef.current?.focus();
      else if (action === 'next') moveBy(1);
      else if (action === 'previous') moveBy(-1);
      else {
        const current = suggestions[activeRef.current];
        if (!current) return;
        if (action === 'toggle') setExpandedId((id) => (id === current.entry.id ? null : current.entry.id));
        else if (action === 'insert') void insert(current);
        else if (action === 'copy') void copy(current);
      }
      event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  });

  return (
    <section class="panel__section faq" aria-labelledby="faq-heading">
      <h2 id="faq-heading" class="section-heading">
        {t('faqHeading')}
      </h2>
      <SearchBox
        value={search.text}
        inputRef={searchRef}
        onInput={(text) => {
          setSearch({ source: 'search', text });
          setActiveIndex(0);
        }}
      />
      {suggestions.length > 0 ? (
        <ol class="suggestions" ref={listRef} aria-label={t('faqHeading')}>
          {suggestions.map((suggestion, i) => (
            <SuggestionCard
              key={suggestion.entry.id}
              suggestion={suggestion}
              active={suggestion === active}
              expanded={expandedId === suggestion.entry.id}
              vote={given[suggestion.entry.id]}
              onActivate={() => setActiveIndex(i)}
              onToggle={() => setExpandedId((id) => (id === suggestion.entry.id ? null : suggestion.entry.id))}
              onInsert={() => void insert(suggestion)}
              onCopy={() => void copy(suggestion)}
              onVote={(helpful) => vote(suggestion, helpful)}
              checklistTitle={suggestion.entry.checklist ? props.startableChecklist(suggestion.entry.checklist) : null}
              onStartChecklist={() => suggestion.entry.checklist && props.onStartChecklist(suggestion.entry.checklist)}
            />
          ))}
        </ol>
      ) : (
        <p class="empty" data-testid="faq-empty">
          {noGoodMatch ? t('faqNoGoodMatch') : t('faqNothingYet')}
        </p>
      )}
      {suggestions.length > 0 && <p class="hint">{t('faqKeyboardHint')}</p>}
      <p class="status-line" role="status" data-testid="faq-status">
        {status}
      </p>
    </section>
  );
}
