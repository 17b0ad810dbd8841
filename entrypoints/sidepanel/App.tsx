import { browser } from 'wxt/browser';
import { CaseHeader } from '@/components/CaseHeader';
import { I18nProvider, useI18n } from '@/components/i18n';
import { useBoundTab } from '@/components/use-bound-tab';
import { useCaseContext } from '@/components/use-case-context';
import { useSettings } from '@/components/use-settings';

function Panel() {
  const { t } = useI18n();
  const tabId = useBoundTab();
  const caseState = useCaseContext(tabId);
  document.title = t('panelTitle');
  return (
    <div class="panel">
      <div class="panel__bar">
        <CaseHeader state={caseState} />
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()} title={t('menuOptions')}>
          {t('menuOptions')}
        </button>
      </div>
    </div>
  );
}

export function App() {
  const settings = useSettings();
  if (!settings) return null;
  return (
    <I18nProvider language={settings.language} uiLanguage={browser.i18n.getUILanguage()}>
      <Panel />
    </I18nProvider>
  );
}
