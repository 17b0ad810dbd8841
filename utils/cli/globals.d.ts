import type { browser } from 'wxt/browser';

declare global {
  /** Chrome's extension API, for code evaluated in the extension's service worker. */
  const chrome: typeof browser;
}
