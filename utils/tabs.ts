import { browser } from 'wxt/browser';

/** The CRM tab a panel opened as a normal tab is bound to (`sidepanel.html?tab=<id>`). */
export function boundTabFromSearch(search: string): number | null {
  const value = new URLSearchParams(search).get('tab');
  if (value === null || !/^\d+$/.test(value)) return null;
  return Number(value);
}

/** Calls `listener` with the active tab of the panel's window now and whenever it changes. */
export function watchActiveTab(listener: (tabId: number | null) => void): () => void {
  let windowId: number | undefined;
  const onActivated = (info: { tabId: number; windowId: number }) => {
    if (info.windowId === windowId) listener(info.tabId);
  };
  browser.tabs.onActivated.addListener(onActivated);
  void browser.windows.getCurrent().then(async (current) => {
    windowId = current.id;
    const [tab] = await browser.tabs.query({ active: true, windowId });
    listener(tab?.id ?? null);
  });
  return () => browser.tabs.onActivated.removeListener(onActivated);
}

/** Calls `listener` when a tab finishes loading a page (reload or navigation). */
export function watchTabLoaded(tabId: number, listener: () => void): () => void {
  const onUpdated = (updatedId: number, change: { status?: string }) => {
    if (updatedId === tabId && change.status === 'complete') listener();
  };
  browser.tabs.onUpdated.addListener(onUpdated);
  return () => browser.tabs.onUpdated.removeListener(onUpdated);
}
