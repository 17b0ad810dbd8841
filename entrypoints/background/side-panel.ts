import { type Browser, browser } from 'wxt/browser';

interface FirefoxSidebarAction {
  open(): Promise<void>;
  toggle(): Promise<void>;
}

function firefoxSidebar(): FirefoxSidebarAction | undefined {
  return (browser as unknown as { sidebarAction?: FirefoxSidebarAction }).sidebarAction;
}

/** The toolbar button opens the panel: Chrome's side panel behaviour, Firefox's sidebar. */
export function setupSidePanel(): void {
  if (browser.sidePanel) {
    void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });
    return;
  }
  const sidebar = firefoxSidebar();
  if (sidebar) (browser.action ?? browser.browserAction).onClicked.addListener(() => void sidebar.toggle());
}

/**
 * Opens the panel beside `tab`. Must run synchronously inside a user-gesture handler
 * (context-menu click, keyboard command): both browsers refuse it after an await.
 */
export function openPanel(tab: Browser.tabs.Tab): void {
  if (browser.sidePanel) {
    void browser.sidePanel.open({ windowId: tab.windowId }).catch(() => undefined);
    return;
  }
  void firefoxSidebar()
    ?.open()
    .catch(() => undefined);
}
