import { useCallback, useMemo } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CaseHeader } from '@/components/CaseHeader';
import { FaqSection } from '@/components/FaqSection';
import { I18nProvider, useI18n } from '@/components/i18n';
import { useBoundTab } from '@/components/use-bound-tab';
import { useCaseContext } from '@/components/use-case-context';
import { useKnowledgeBase } from '@/components/use-knowledge-base';
import { useLiveQuery } from '@/components/use-live-query';
import { useSettings } from '@/components/use-settings';
import { getDatabase } from '@/utils/db/database';
import { recentFeedback, recordFeedback, recordGap } from '@/utils/kb/feedback-store';
import type { Vote } from '@/utils/matcher/feedback-ranking';
import { caseQueryText, type SuggestionQuery } from '@/utils/matcher/suggest';
import { sendMessageToTab } from '@/utils/messaging';
import type { Settings } from '@/utils/settings';

const db = getDatabase();
const NO_VOTES: Vote[] = [];

function Panel({ settings }: { settings: Settings }) {
  const { t } = useI18n();
  const tabId = useBoundTab();
  const caseState = useCaseContext(tabId);
  const { index } = useKnowledgeBase(db);
  const votes = useLiveQuery(() => recentFeedback(db), []) ?? NO_VOTES;
  document.title = t('panelTitle');

  const caseText = caseState.status === 'case' ? caseQueryText(caseState.context) : '';
  const backgroundQueries = useMemo<SuggestionQuery[]>(
    () => (caseText ? [{ source: 'case', text: caseText }] : []),
    [caseText],
  );
  const insertReply = useCallback(
    (text: string) =>
      tabId === null
        ? Promise.resolve({ ok: false, reason: 'no-editor' } as const)
        : sendMessageToTab(tabId, 'insertReply', { text }),
    [tabId],
  );
  const onVote = useCallback(
    (vote: Vote) => void recordFeedback(db, { ...vote, agentId: settings.agentId }),
    [settings.agentId],
  );
  const onGap = useCallback((text: string) => void recordGap(db, 'search', text), []);

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
      />
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
