import { useMemo } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { AgentSettingsForm } from '@/components/AgentSettingsForm';
import { ChecklistAdminSection } from '@/components/ChecklistAdminSection';
import { GapsSection } from '@/components/GapsSection';
import { I18nProvider, useI18n } from '@/components/i18n';
import { KbAdminSection } from '@/components/KbAdminSection';
import { NotesAdminSection } from '@/components/NotesAdminSection';
import { SitesSection } from '@/components/SitesSection';
import { useGrantedSites } from '@/components/use-granted-sites';
import { useLiveQuery } from '@/components/use-live-query';
import { useSettings } from '@/components/use-settings';
import {
  checklistsToJson,
  importChecklists,
  loadChecklists,
  readChecklistFile,
} from '@/utils/checklists/checklist-store';
import { type SiteSetting, siteList } from '@/utils/crm/site-settings';
import { getDatabase } from '@/utils/db/database';
import { downloadBlob, downloadText, readChunks } from '@/utils/download';
import { readEvalQueriesFile } from '@/utils/kb/eval-queries';
import { gapsToCsv, listGaps } from '@/utils/kb/feedback-store';
import { kbToCsv, kbToJson, readKbFile } from '@/utils/kb/kb-file';
import { type ActiveKb, importKb, loadActiveKb, rollBackKb } from '@/utils/kb/kb-store';
import { evaluate } from '@/utils/matcher/evaluate';
import { buildIndex, search } from '@/utils/matcher/matcher';
import { isNoReceiverError } from '@/utils/messaging';
import { notesBundleChunks, notesCsvChunks } from '@/utils/notes/notes-bundle';
import { chunksToBlob, importNotesBundle, notePages } from '@/utils/notes/notes-transfer';
import { recentPurges } from '@/utils/notes/retention';
import { type Settings, saveSettings } from '@/utils/settings';
import { readSettingsFile, settingsToJson } from '@/utils/settings-file';
import { releaseSite, requestSite, testSiteSelectors } from '@/utils/site-permissions';

const db = getDatabase();

function KbAdmin({ kb, knownChecklists }: { kb: ActiveKb; knownChecklists: ReadonlySet<string> }) {
  const index = useMemo(() => buildIndex(kb.entries), [kb]);
  const stamp = new Date().toISOString().slice(0, 10);
  return (
    <KbAdminSection
      kb={kb}
      readFile={(file) => readKbFile(file, { knownChecklists })}
      applyImport={(fileName, entries, mode) => importKb(db, entries, { fileName, mode })}
      rollBack={() => rollBackKb(db)}
      exportKb={(format) =>
        format === 'json'
          ? downloadText(`agent-assist-kb-${stamp}.json`, kbToJson(kb.entries), 'application/json')
          : downloadText(`agent-assist-kb-${stamp}.csv`, kbToCsv(kb.entries), 'text/csv')
      }
      trySearch={(text) => search(index, text, { limit: 3 })}
      evaluateFile={async (file) => {
        const queries = await readEvalQueriesFile(file);
        return evaluate((text) => search(index, text, { limit: 10 }).results.map((r) => r.entry.id), queries);
      }}
    />
  );
}

function Options({ settings }: { settings: Settings }) {
  const { t } = useI18n();
  const kb = useLiveQuery(() => loadActiveKb(db), []);
  const gaps = useLiveQuery(() => listGaps(db), []);
  const checklists = useLiveQuery(() => loadChecklists(db), []);
  const purges = useLiveQuery(() => recentPurges(db), []) ?? [];
  const stamp = new Date().toISOString().slice(0, 10);
  const sites = siteList(settings.sites);
  const granted = useGrantedSites(sites);
  // Known products are stored only once touched; custom sites always.
  const saveSites = (next: SiteSetting[]) =>
    saveSettings({
      sites: next.filter(
        (site) => site.enabled || site.id.startsWith('custom-') || Object.keys(site.selectors).length > 0,
      ),
    });
  document.title = t('optionsTitle');
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <AgentSettingsForm
        settings={settings}
        onSave={async (change) => {
          await saveSettings(change);
        }}
        onExport={() =>
          downloadText(`agent-assist-settings-${stamp}.json`, settingsToJson(settings), 'application/json')
        }
        onImport={async (file) => {
          await saveSettings(await readSettingsFile(file));
        }}
      />
      <SitesSection
        sites={sites}
        granted={granted}
        onEnable={async (site, enabled) => {
          const ok = enabled ? await requestSite(site) : true;
          if (!ok) return false;
          await saveSites(sites.map((s) => (s.id === site.id ? { ...s, enabled } : s)));
          if (!enabled)
            await releaseSite(
              site,
              sites.filter((s) => s.enabled),
            );
          return true;
        }}
        onAdd={async (site) => {
          if (!(await requestSite(site))) return false;
          await saveSites([...sites, site]);
          return true;
        }}
        onRemove={(site) => {
          void saveSites(sites.filter((s) => s.id !== site.id)).then(() =>
            releaseSite(
              site,
              sites.filter((s) => s.enabled),
            ),
          );
        }}
        onSaveSelectors={(site, selectors) =>
          void saveSites(sites.map((s) => (s.id === site.id ? { ...s, selectors } : s)))
        }
        onTest={(site, selectors) =>
          testSiteSelectors(site, selectors).catch((error: Error) => {
            if (error.message === 'no-tab') throw new Error(t('sitesNoTab'));
            if (isNoReceiverError(error)) throw new Error(t('sitesTestNoAnswer'));
            throw new Error(t('sitesTestFailed', error.message));
          })
        }
      />
      {kb && checklists && <KbAdmin kb={kb} knownChecklists={new Set(checklists.active.map((c) => c.id))} />}
      {checklists && (
        <ChecklistAdminSection
          checklists={checklists.active}
          onExport={() =>
            downloadText(
              `agent-assist-checklists-${stamp}.json`,
              checklistsToJson(checklists.active),
              'application/json',
            )
          }
          onImport={async (file) => importChecklists(db, await readChecklistFile(file))}
        />
      )}
      {checklists && (
        <NotesAdminSection
          retentionDays={settings.retentionDays}
          purges={purges}
          onRetentionChange={(retentionDays) => saveSettings({ retentionDays })}
          onExport={async (format) => {
            const blob =
              format === 'json'
                ? await chunksToBlob(notesBundleChunks(notePages(db)), 'application/json')
                : await chunksToBlob(
                    notesCsvChunks(notePages(db), (run) => checklists.byVersion(run.checklistId, run.version)),
                    'text/csv',
                  );
            downloadBlob(`agent-assist-notes-${stamp}.${format}`, blob);
          }}
          onImport={(file, onProgress) => importNotesBundle(db, () => readChunks(file), file.size, onProgress)}
        />
      )}
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
