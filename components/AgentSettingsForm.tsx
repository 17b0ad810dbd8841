import { useState } from 'preact/hooks';
import { describeError } from '@/utils/file-issues';
import type { Settings } from '@/utils/settings';
import { useI18n } from './i18n';
import { useDraft } from './use-draft';

export type SaveState = { status: 'idle' } | { status: 'saved' } | { status: 'failed'; reason: string };

interface Props {
  settings: Settings;
  onSave: (change: Partial<Settings>) => Promise<void>;
  /** All settings, sites and selectors included, to a file and back. */
  onExport: () => void;
  onImport: (file: File) => Promise<void>;
}

/** Language and who the agent is; each field saves when it changes. */
export function AgentSettingsForm({ settings, onSave, onExport, onImport }: Props) {
  const { t } = useI18n();
  const [saveState, setSaveState] = useState<SaveState>({ status: 'idle' });
  const name = useDraft(settings.agentName);
  const agentId = useDraft(settings.agentId);
  const save = (change: Partial<Settings>) =>
    onSave(change).then(
      () => setSaveState({ status: 'saved' }),
      (error: unknown) => setSaveState({ status: 'failed', reason: String(error) }),
    );
  return (
    <section class="options-section" aria-labelledby="agent-settings-title">
      <h2 id="agent-settings-title">{t('optionsGeneral')}</h2>
      <div class="field">
        <label for="language">{t('optionsLanguage')}</label>
        <select
          id="language"
          value={settings.language}
          onChange={(event) => void save({ language: event.currentTarget.value as Settings['language'] })}
        >
          <option value="auto">{t('optionsLanguageAuto')}</option>
          <option value="zh-CN">{t('optionsLanguageZh')}</option>
          <option value="en">{t('optionsLanguageEn')}</option>
        </select>
      </div>
      <div class="field">
        <label for="agent-name">{t('optionsAgentName')}</label>
        <input
          id="agent-name"
          ref={name.ref}
          value={name.draft}
          onInput={(event) => name.setDraft(event.currentTarget.value)}
          maxLength={80}
          autoComplete="name"
          onChange={(event) => void save({ agentName: event.currentTarget.value })}
        />
      </div>
      <div class="field">
        <label for="agent-id">{t('optionsAgentId')}</label>
        <input
          id="agent-id"
          ref={agentId.ref}
          value={agentId.draft}
          onInput={(event) => agentId.setDraft(event.currentTarget.value)}
          maxLength={40}
          aria-describedby="agent-hint"
          onChange={(event) => void save({ agentId: event.currentTarget.value })}
        />
      </div>
      <p id="agent-hint" class="hint">
        {t('optionsAgentHint')}
      </p>
      <div class="button-row">
        <button type="button" onClick={onExport}>
          {t('settingsExport')}
        </button>
        <label class="file-button">
          {t('settingsImport')}
          <input
            type="file"
            accept=".json,application/json"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              event.currentTarget.value = '';
              if (!file) return;
              onImport(file).then(
                () => setSaveState({ status: 'saved' }),
                (error: unknown) => setSaveState({ status: 'failed', reason: describeError(error, t).join('\n') }),
              );
            }}
          />
        </label>
      </div>
      <p class="save-state" role="status" data-testid="save-state">
        {saveState.status === 'saved' && t('optionsSaved')}
        {saveState.status === 'failed' && t('optionsSaveFailed', saveState.reason)}
      </p>
    </section>
  );
}
