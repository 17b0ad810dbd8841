import { useCallback, useEffect, useMemo } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CaseHeader } from '@/components/CaseHeader';
import { ChecklistSection, FRAUD_CHECKLIST_ID } from '@/components/ChecklistSection';
import { FaqSection } from '@/components/FaqSection';
import { FraudWarning } from '@/components/FraudWarning';
import { I18nProvider, useI18n } from '@/components/i18n';
import { NoteSection } from '@/components/NoteSection';
import { PanelMenu } from '@/components/PanelMenu';
import { useBoundTab } from '@/components/use-bound-tab';
import { useCallNote } from '@/components/use-call-note';
import { useCaseContext } from '@/components/use-case-context';
import { useDebounced } from '@/components/use-debounced';
import { useKnowledgeBase } from '@/components/use-knowledge-base';
import { useLiveQuery } from '@/components/use-live-query';
import { useSettings } from '@/components/use-settings';
import {
  applyAction,
  type RunAction,
  type RunError,
  type StepAction,
  startRun,
} from '@/utils/checklists/checklist-run';
import { loadChecklists } from '@/utils/checklists/checklist-store';
import { suggestChecklists } from '@/utils/checklists/checklist-triggers';
import { detectFraudSignals } from '@/utils/checklists/fraud-signals';
import { getDatabase } from '@/utils/db/database';
import { recentFeedback, recordFeedback, recordGap } from '@/utils/kb/feedback-store';
import type { KbEntry } from '@/utils/kb/kb-entry';
import type { Vote } from '@/utils/matcher/feedback-ranking';
import { search } from '@/utils/matcher/matcher';
import { caseQueryText, type SuggestionQuery, type Suggestions, suggest } from '@/utils/matcher/suggest';
import { notify, sendMessageToTab } from '@/utils/messaging';
import { type CallNote, type Category, caseKeyOf, OUTCOMES, type Outcome } from '@/utils/notes/call-note';
import { caseHistory } from '@/utils/notes/note-store';
import type { Settings } from '@/utils/settings';

const db = getDatabase();
const NO_VOTES: Vote[] = [];
const NO_SUGGESTIONS: Suggestions = { suggestions: [], noGoodMatch: false, leadingQuery: null };
const CHECKLIST_CATEGORY: Record<string, Category> = {
  lockout: 'lockout',
  fraud: 'fraud',
  'transfer-failure': 'transfer',
};
/** The background stores what the panel could not finish saving before it closed. */
const handOffClosingDraft = (note: CallNote, basedOn: number) => void notify('saveClosingDraft', { note, basedOn });
/** The note feeds suggestions once typing pauses this long. */
const NOTE_QUERY_DELAY_MS = 600;

function Panel({ settings }: { settings: Settings }) {
  const { t, locale } = useI18n();
  const tabId = useBoundTab();
  const caseState = useCaseContext(tabId);
  const context = caseState.status === 'case' ? caseState.context : null;
  const { index } = useKnowledgeBase(db);
  const votes = useLiveQuery(() => recentFeedback(db), []) ?? NO_VOTES;
  const agent = useMemo(
    () => ({ id: settings.agentId, name: settings.agentName }),
    [settings.agentId, settings.agentName],
  );
  const call = useCallNote(db, caseState.status === 'loading' ? null : context, agent, {
    handOffOnClose: handOffClosingDraft,
  });
  const caseKey = caseKeyOf(context);
  const history = useLiveQuery(() => (caseKey ? caseHistory(db, caseKey) : Promise.resolve([])), [caseKey]) ?? [];
  document.title = t('panelTitle');

  const caseText = context ? caseQueryText(context) : '';
  const noteText = useDebounced(call.note?.text ?? '', NOTE_QUERY_DELAY_MS);
  const background = useMemo(() => {
    const queries: SuggestionQuery[] = [
      ...(caseText ? [{ source: 'case' as const, text: caseText }] : []),
      ...(noteText.trim() ? [{ source: 'note' as const, text: noteText }] : []),
    ];
    return index ? suggest(index, queries, votes) : NO_SUGGESTIONS;
  }, [index, caseText, noteText, votes]);

  const checklists = useLiveQuery(() => loadChecklists(db), []);
  const fraudSignals = useMemo(() => detectFraudSignals(`${caseText}\n${noteText}`), [caseText, noteText]);
  const checklistSuggestions = useMemo(
    () =>
      checklists
        ? suggestChecklists(checklists.active, {
            texts: [caseText, noteText],
            faqLinks: background.suggestions
              .slice(0, 3)
              .map((s) => ({ entryId: s.entry.id, checklist: s.entry.checklist })),
          })
        : [],
    [checklists, caseText, noteText, background],
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

  const onStartChecklist = useCallback(
    (checklistId: string) => {
      const definition = checklists?.active.find((d) => d.id === checklistId);
      if (!definition) return;
      update(
        (n) =>
          n.checklistRuns.some((run) => run.checklistId === checklistId)
            ? n
            : {
                ...n,
                category: n.category ?? CHECKLIST_CATEGORY[checklistId] ?? null,
                checklistRuns: [...n.checklistRuns, startRun(definition, crypto.randomUUID(), Date.now())],
              },
        { immediate: true },
      );
    },
    [checklists, update],
  );
  const onChecklistAction = useCallback(
    (runId: string, action: StepAction): RunError | null => {
      const run = note?.checklistRuns.find((r) => r.id === runId);
      const definition = run && checklists?.byVersion(run.checklistId, run.version);
      if (!run || !definition) return 'unknown-step';
      const result = applyAction(definition, run, { ...action, at: Date.now() } as RunAction);
      if (result.error) return result.error;
      // A checklist's outcome step is the call's outcome too.
      const outcome = action.type === 'set-value' && action.stepId === 'outcome' ? (action.value as Outcome) : null;
      update(
        (n) => ({
          ...n,
          outcome: outcome && OUTCOMES.includes(outcome) ? outcome : n.outcome,
          checklistRuns: n.checklistRuns.map((r) => (r.id === runId ? result.run : r)),
        }),
        { immediate: true },
      );
      return null;
    },
    [note, checklists, update],
  );

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
        <PanelMenu
          onOpen={(page) =>
            page === 'options'
              ? void browser.runtime.openOptionsPage()
              : void browser.tabs.create({
                  url: browser.runtime.getURL(page === 'review' ? '/review.html' : '/compliance.html'),
                })
          }
        />
      </div>
      {fraudSignals.length > 0 && !call.note?.checklistRuns.some((run) => run.checklistId === FRAUD_CHECKLIST_ID) && (
        <FraudWarning signals={fraudSignals} onStart={() => onStartChecklist(FRAUD_CHECKLIST_ID)} />
      )}
      <FaqSection
        index={index}
        tabId={tabId}
        background={background}
        votes={votes}
        insertReply={insertReply}
        copyText={(text) => navigator.clipboard.writeText(text)}
        onVote={onVote}
        onGap={onGap}
        onUse={onUse}
        startableChecklist={(id) =>
          call.note?.checklistRuns.some((run) => run.checklistId === id)
            ? null
            : (checklists?.active.find((d) => d.id === id)?.title[locale] ?? null)
        }
        onStartChecklist={onStartChecklist}
      />
      {checklists && call.note && (
        <ChecklistSection
          definitions={checklists.active}
          definitionOf={(run) => checklists.byVersion(run.checklistId, run.version)}
          runs={call.note.checklistRuns}
          suggestions={checklistSuggestions}
          onStart={onStartChecklist}
          onAction={onChecklistAction}
        />
      )}
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
