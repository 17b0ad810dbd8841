import { browser } from 'wxt/browser';
import { DEMO_CRM_MATCHES } from '@/utils/crm/sites';
import { createTranslator, type MessageKey, resolveLocale } from '@/utils/i18n';
import { loadSettings, watchSettings } from '@/utils/settings';
import { SEARCH_MENU_ID } from './search-selection';

/** Items on the toolbar button's menu that open the supervisor and QA pages. */
export const PAGE_MENU_ITEMS = [
  { id: 'open-review', page: '/review.html', title: 'reviewOpen' },
  { id: 'open-compliance', page: '/compliance.html', title: 'complianceOpen' },
] as const satisfies readonly { id: string; page: string; title: MessageKey }[];

async function createMenus(): Promise<void> {
  const { language, sites } = await loadSettings();
  const t = createTranslator(resolveLocale(language, browser.i18n.getUILanguage()));
  // Menus survive a service-worker restart in Chrome but not in Firefox: start from none.
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: SEARCH_MENU_ID,
    title: t('contextMenuSearchSelection'),
    contexts: ['selection'],
    documentUrlPatterns: [...DEMO_CRM_MATCHES, ...sites.filter((site) => site.enabled).flatMap((site) => site.matches)],
  });
  for (const item of PAGE_MENU_ITEMS) {
    browser.contextMenus.create({
      id: item.id,
      title: t(item.title),
      contexts: [browser.action ? 'action' : 'browser_action'],
    });
  }
}

/** All context-menu items, titled in the agent's language and retitled when it changes. */
export function setupContextMenus(): void {
  void createMenus();
  watchSettings(() => void createMenus());
  browser.contextMenus.onClicked.addListener((info) => {
    const item = PAGE_MENU_ITEMS.find((candidate) => candidate.id === info.menuItemId);
    if (item) void browser.tabs.create({ url: browser.runtime.getURL(item.page) });
  });
}
