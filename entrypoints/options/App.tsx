import { useMemo } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { AgentSettingsForm } from '@/components/AgentSettingsForm';
import { GapsSection } from '@/components/GapsSection';
import { I18nProvider, useI18n } from '@/components/i18n';
import { KbAdminSection } from '@/components/KbAdminSection';
import { useLiveQuery } from '@/components/use-live-query';
import { useSettings } from '@/components/use-settings';
import { BUILT_IN_CHECKLIST_IDS } from '@/utils/checklists/checklist-ids';
import { getDatabase } from '@/utils/db/database';
import { downloadText } from '@/utils/download';
import { parseEvalQueries } from '@/utils/kb/eval-queries';
import { gapsToCsv, listGaps } from '@/utils/kb/feedback-store';
import { decodeKbBytes, kbToCsv, kbToJson, parseKbFile } from '@/utils/kb/kb-file';
import { type ActiveKb, importKb, loadActiveKb, rollBackKb } from '@/utils/kb/kb-store';
import { evaluate } from '@/utils/matcher/evaluate';
import { buildIndex, search } from '@/utils/matcher/matcher';
import { type Settings, saveSettings } from '@/utils/settings';

const db = getDatabase();
const knownChecklists = new Set<string>(BUILT_IN_CHECKLIST_IDS);

function KbAdmin({ kb }: { kb: ActiveKb }) {
  const index = useMemo(() => buildIndex(kb.entries), [kb]);
  const stamp = new Date().toISOString().slice(0, 10);
  return (
    <KbAdminSection
      kb={kb}
      readFile={async (file) =>
        parseKbFile(file.name, decodeKbBytes(new Uint8Array(await file.arrayBuffer())), { knownChecklists })
      }
      applyImport={(fileName, entries, mode) => importKb(db, entries, { fileName, mode })}
      rollBack={() => rollBackKb(db)}
      exportKb={(format) =>
        format === 'json'
          ? downloadText(`agent-assist-kb-${stamp}.json`, kbToJson(kb.entries), 'application/json')
          : downloadText(`agent-assist-kb-${stamp}.csv`, kbToCsv(kb.entries), 'text/csv')
      }
      trySearch={(text) => search(index, text, { limit: 3 })}
      evaluateFile={async (file) => {
        const queries = parseEvalQueries(await file.text());
        return evaluate((text) => search(index, text, { limit: 10 }).results.map((r) => r.entry.id), queries);
      }}
    />
  );
}

function Options({ settings }: { settings: Settings }) {
  const { t } = useI18n();
  const kb = useLiveQuery(() => loadActiveKb(db), []);
  const gaps = useLiveQuery(() => listGaps(db), []);
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
      {kb && <KbAdmin kb={kb} />}
      {gaps && (
        <GapsSection
          gaps={gaps}
          onExport={() =>
            downloadText(`agent-assist-gaps-${new Date().toISOString().slice(0, 10)}.csv`, gapsToCsv(gaps), 'text/csv')
          }
          onClear={() => void db.knowledgeGaps.clear()}
        />
      )}
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
