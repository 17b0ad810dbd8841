import { useCallback, useEffect, useMemo } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CaseHeader } from '@/components/CaseHeader';
import { FaqSection } from '@/components/FaqSection';
import { I18nProvider, useI18n } from '@/components/i18n';
import { NoteSection } from '@/components/NoteSection';
import { useBoundTab } from '@/components/use-bound-tab';
import { useCallNote } from '@/components/use-call-note';
import { useCaseContext } from '@/components/use-case-context';
import { useDebounced } from '@/components/use-debounced';
import { useKnowledgeBase } from '@/components/use-knowledge-base';
import { useLiveQuery } from '@/components/use-live-query';
import { useSettings } from '@/components/use-settings';
import { getDatabase } from '@/utils/db/database';
import { recentFeedback, recordFeedback, recordGap } from '@/utils/kb/feedback-store';
import type { KbEntry } from '@/utils/kb/kb-entry';
import type { Vote } from '@/utils/matcher/feedback-ranking';
import { search } from '@/utils/matcher/matcher';
import { caseQueryText, type SuggestionQuery } from '@/utils/matcher/suggest';
import { sendMessageToTab } from '@/utils/messaging';
import { caseKeyOf } from '@/utils/notes/call-note';
import { caseHistory } from '@/utils/notes/note-store';
import type { Settings } from '@/utils/settings';

const db = getDatabase();
const NO_VOTES: Vote[] = [];
/** The note feeds suggestions once typing pauses this long. */
const NOTE_QUERY_DELAY_MS = 600;

function Panel({ settings }: { settings: Settings }) {
  const { t } = useI18n();
  const tabId = useBoundTab();
  const caseState = useCaseContext(tabId);
  const context = caseState.status === 'case' ? caseState.context : null;
  const { index } = useKnowledgeBase(db);
  const votes = useLiveQuery(() => recentFeedback(db), []) ?? NO_VOTES;
  const agent = useMemo(
    () => ({ id: settings.agentId, name: settings.agentName }),
    [settings.agentId, settings.agentName],
  );
  const call = useCallNote(db, caseState.status === 'loading' ? null : context, agent);
  const caseKey = caseKeyOf(context);
  const history = useLiveQuery(() => (caseKey ? caseHistory(db, caseKey) : Promise.resolve([])), [caseKey]) ?? [];
  document.title = t('panelTitle');

  const caseText = context ? caseQueryText(context) : '';
  const noteText = useDebounced(call.note?.text ?? '', NOTE_QUERY_DELAY_MS);
  const backgroundQueries = useMemo<SuggestionQuery[]>(
    () => [
      ...(caseText ? [{ source: 'case' as const, text: caseText }] : []),
      ...(noteText.trim() ? [{ source: 'note' as const, text: noteText }] : []),
    ],
    [caseText, noteText],
  );

  const insertReply = useCallback(
    (text: string) =>
      tabId === null
        ? Promise.resolve({ ok: false, reason: 'no-editor' } as const)
        : sendMessageToTab(tabId, 'insertReply', { text }),
    [tabId],
  );
  const { update } = call;
  const onUse = useCallback(
    (entry: KbEntry, action: 'inserted' | 'copied') =>
      update(
        (n) => ({
          ...n,
          faqUsed: [...n.faqUsed, { entryId: entry.id, question: entry.question, action, at: Date.now() }],
        }),
        {
          immediate: true,
        },
      ),
    [update],
  );
  const onVote = useCallback(
    (vote: Vote) => {
      void recordFeedback(db, { ...vote, agentId: settings.agentId });
      update(
        (n) => ({
          ...n,
          faqUsed: n.faqUsed.map((use) => (use.entryId === vote.entryId ? { ...use, helpful: vote.helpful } : use)),
        }),
        { immediate: true },
      );
    },
    [settings.agentId, update],
  );
  const onGap = useCallback((text: string) => void recordGap(db, 'search', text), []);
  const { note, endCall } = call;
  const onEndCall = useCallback(async () => {
    if (note && index && note.text.trim().length >= 20 && search(index, note.text).noGoodMatch) {
      void recordGap(db, 'note', note.text);
    }
    await endCall();
  }, [note, index, endCall]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.altKey && event.shiftKey && event.code === 'KeyE') {
        event.preventDefault();
        void onEndCall();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [onEndCall]);

  return (
    <div class="panel">
      <div class="panel__bar">
        <CaseHeader state={caseState} />
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()} title={t('menuOptions')}>
          {t('menuOptions')}
        </button>
      </div>
      <FaqSection
        index={index}
        tabId={tabId}
        backgroundQueries={backgroundQueries}
        votes={votes}
        insertReply={insertReply}
        copyText={(text) => navigator.clipboard.writeText(text)}
        onVote={onVote}
        onGap={onGap}
        onUse={onUse}
      />
      {call.note && (
        <NoteSection
          note={call.note}
          saveState={call.saveState}
          lastMasked={call.lastMasked}
          hasCase={context !== null}
          history={history}
          onChange={call.update}
          onEndCall={() => void onEndCall()}
          onKeepMine={call.keepMine}
          onLoadTheirs={call.loadTheirs}
        />
      )}
    </div>
  );
}

export function App() {
  const settings = useSettings();
  if (!settings) return null;
  return (
    <I18nProvider language={settings.language} uiLanguage={browser.i18n.getUILanguage()}>
      <Panel settings={settings} />
    </I18nProvider>
  );
}
