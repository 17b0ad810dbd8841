import { browser } from 'wxt/browser';
import type { CaseContext } from './crm/case-context';
import type { SiteSelectors, SiteSetting } from './crm/site-settings';
import { sendMessageToTab } from './messaging';

/** Ids of the sites whose hosts the browser lets the extension read. */
export async function grantedSiteIds(sites: readonly SiteSetting[]): Promise<Set<string>> {
  const granted = new Set<string>();
  for (const site of sites) if (await browser.permissions.contains({ origins: site.matches })) granted.add(site.id);
  return granted;
}

/** Asks for a site's hosts. Call it straight from a click: browsers refuse it otherwise. */
export function requestSite(site: SiteSetting): Promise<boolean> {
  return browser.permissions.request({ origins: site.matches });
}

/**
 * Gives back the hosts of a site no other enabled site still needs. Hosts the manifest requires
 * (the demo CRM) cannot be given back, so they are not asked for.
 */
export async function releaseSite(site: SiteSetting, stillEnabled: readonly SiteSetting[]): Promise<void> {
  const needed = new Set([
    ...(browser.runtime.getManifest().host_permissions ?? []),
    ...stillEnabled.filter((s) => s.id !== site.id).flatMap((s) => s.matches),
  ]);
  const origins = site.matches.filter((pattern) => !needed.has(pattern));
  if (origins.length > 0) await browser.permissions.remove({ origins });
}

/** Reads the most recently used tab of a site with the given selectors, without saving them. */
export async function testSiteSelectors(site: SiteSetting, selectors: SiteSelectors): Promise<CaseContext | null> {
  const tabs = await browser.tabs.query({ url: site.matches });
  const tab = tabs.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
  if (tab?.id === undefined) throw new Error('no-tab');
  return sendMessageToTab(tab.id, 'getCaseContext', { selectors });
}

/** Calls `listener` when the extension gains or loses a permission. */
export function watchPermissions(listener: () => void): () => void {
  browser.permissions.onAdded.addListener(listener);
  browser.permissions.onRemoved.addListener(listener);
  return () => {
    browser.permissions.onAdded.removeListener(listener);
    browser.permissions.onRemoved.removeListener(listener);
  };
}
