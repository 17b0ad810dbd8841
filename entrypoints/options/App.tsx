import { browser } from 'wxt/browser';
import { AgentSettingsForm } from '@/components/AgentSettingsForm';
import { I18nProvider, useI18n } from '@/components/i18n';
import { useSettings } from '@/components/use-settings';
import { type Settings, saveSettings } from '@/utils/settings';

function Options({ settings }: { settings: Settings }) {
  const { t } = useI18n();
  document.title = t('optionsTitle');
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <AgentSettingsForm
        settings={settings}
        onSave={async (change) => {
          await saveSettings(change);
        }}
      />
    </main>
  );
}

export function App() {
  const settings = useSettings();
  if (!settings) return null;
  return (
    <I18nProvider language={settings.language} uiLanguage={browser.i18n.getUILanguage()}>
      <Options settings={settings} />
    </I18nProvider>
  );
}
