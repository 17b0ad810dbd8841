import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { DEMO_CRM_MATCHES, OPTIONAL_CRM_MATCHES } from './utils/crm/sites';

export const GECKO_ID = 'agent-assist@wallet-support.example';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  hooks: {
    // The content script runs in every CRM tab and needs no polyfill: Chromium's MV3 APIs return
    // promises and Firefox has browser.* natively. Dropping it keeps the script under 40 KB.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) return;
      const alias = config.resolve?.alias;
      if (Array.isArray(alias)) {
        config.resolve!.alias = alias.filter((entry) => entry.find !== 'wxt/browser');
      } else if (alias) {
        delete (alias as Record<string, string>)['wxt/browser'];
      }
    },
  },
  vite: () => ({
    plugins: [preact({ prefreshEnabled: false, prerender: { enabled: false } })],
  }),
  manifest: ({ browser, mode }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      'storage',
      'unlimitedStorage',
      'contextMenus',
      'alarms',
      'scripting',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    // End-to-end builds for Chromium hold every CRM host from install: a test cannot answer the
    // browser's permission prompt, and Chromium says yes at once to hosts it already granted.
    host_permissions:
      mode === 'e2e' && browser !== 'firefox' ? [...DEMO_CRM_MATCHES, ...OPTIONAL_CRM_MATCHES] : DEMO_CRM_MATCHES,
    // Other CRM sites are asked for one by one, when the agent enables them in Options.
    ...(browser === 'firefox'
      ? { optional_permissions: OPTIONAL_CRM_MATCHES }
      : { optional_host_permissions: OPTIONAL_CRM_MATCHES }),
    action: { default_title: '__MSG_actionTitle__' },
    commands: {
      [browser === 'firefox' ? '_execute_sidebar_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+A' },
        description: '__MSG_commandOpenPanel__',
      },
      'search-selection': {
        suggested_key: { default: 'Alt+Shift+F' },
        description: '__MSG_commandSearchSelection__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
