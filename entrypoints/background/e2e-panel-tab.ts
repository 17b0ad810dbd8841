import { browser } from 'wxt/browser';

/**
 * End-to-end builds only (`--mode e2e`): Firefox's test driver can neither open the sidebar
 * nor navigate to moz-extension:// pages, so the panel page is opened as a tab bound to
 * each CRM tab that finishes loading.
 */
export function setupE2ePanelTab(): void {
  const opened = new Set<number>();
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status !== 'complete' || opened.has(tabId) || !tab.url?.startsWith('http')) return;
    opened.add(tabId);
    void browser.tabs.create({ url: `${browser.runtime.getURL('/sidepanel.html')}?tab=${tabId}`, active: false });
  });
}
