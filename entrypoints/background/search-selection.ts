import { type Browser, browser } from 'wxt/browser';
import { sendMessageToTab } from '@/utils/messaging';
import { pendingSearchItem, selectionToQuery } from '@/utils/pending-search';
import { openPanel } from './side-panel';

export const SEARCH_MENU_ID = 'search-faq-for-selection';
export const SEARCH_COMMAND = 'search-selection';

/** Hands page text to the panel of the tab's window, opened or about to open. */
export async function requestSearch(tabId: number, selection: string | undefined): Promise<void> {
  const text = selectionToQuery(selection);
  if (text) await pendingSearchItem.setValue({ tabId, text, at: Date.now() });
}

export async function onMenuClicked(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): Promise<void> {
  if (info.menuItemId !== SEARCH_MENU_ID || tab?.id === undefined) return;
  openPanel(tab);
  await requestSearch(tab.id, info.selectionText);
}

export async function onCommand(command: string, tab?: Browser.tabs.Tab): Promise<void> {
  if (command !== SEARCH_COMMAND || tab?.id === undefined) return;
  openPanel(tab);
  const selection = await sendMessageToTab(tab.id, 'getSelectionText', undefined).catch(() => '');
  await requestSearch(tab.id, selection);
}

/** "Search FAQ for …" on selected CRM text, and the same from a keyboard shortcut. */
export function setupSearchSelection(): void {
  browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClicked(info, tab));
  browser.commands.onCommand.addListener((command, tab) => void onCommand(command, tab));
}
