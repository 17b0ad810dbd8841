import { browser } from 'wxt/browser';
import { type SiteSetting, siteList } from '@/utils/crm/site-settings';
import { DEMO_CRM_MATCHES } from '@/utils/crm/sites';
import { loadSettings, watchSettings } from '@/utils/settings';

const SCRIPT_PREFIX = 'crm-site-';
const CONTENT_SCRIPT = 'content-scripts/crm.js';

/** Enabled sites whose host permission the browser actually holds. */
async function grantedSites(sites: readonly SiteSetting[]): Promise<SiteSetting[]> {
  const granted: SiteSetting[] = [];
  for (const site of sites.filter((s) => s.enabled)) {
    if (await browser.permissions.contains({ origins: site.matches })) granted.push(site);
  }
  return granted;
}

/**
 * Registers the CRM content script for exactly the enabled sites with permission, and
 * unregisters it everywhere else: no content script runs on a site that is not enabled.
 */
export async function syncSiteScripts(sites: readonly SiteSetting[]): Promise<void> {
  const wanted = await grantedSites(siteList(sites));
  const registered = (await browser.scripting.getRegisteredContentScripts()).filter((s) =>
    s.id.startsWith(SCRIPT_PREFIX),
  );
  // The demo hosts already get the script from the manifest; registering them again would inject twice.
  const scripts = wanted
    .map((site) => ({ site, matches: site.matches.filter((pattern) => !DEMO_CRM_MATCHES.includes(pattern)) }))
    .filter(({ matches }) => matches.length > 0)
    .map(({ site, matches }) => ({
      id: `${SCRIPT_PREFIX}${site.id}`,
      matches,
      js: [CONTENT_SCRIPT],
      runAt: 'document_idle' as const,
    }));
  const stale = registered.filter((script) => !scripts.some((s) => s.id === script.id));
  if (stale.length > 0) await browser.scripting.unregisterContentScripts({ ids: stale.map((s) => s.id) });
  const existing = new Set(registered.map((s) => s.id));
  const fresh = scripts.filter((s) => !existing.has(s.id));
  const kept = scripts.filter((s) => existing.has(s.id));
  if (kept.length > 0) await browser.scripting.updateContentScripts(kept);
  if (fresh.length > 0) await browser.scripting.registerContentScripts(fresh);
}

/** Keeps content-script registrations in step with the sites in settings and the permissions granted. */
export function setupSiteScripts(): void {
  const sync = () => void loadSettings().then(({ sites }) => syncSiteScripts(sites));
  sync();
  watchSettings(({ sites }) => void syncSiteScripts(sites));
  browser.permissions.onRemoved.addListener(sync);
  browser.permissions.onAdded.addListener(sync);
}
