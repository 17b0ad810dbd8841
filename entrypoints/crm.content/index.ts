import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { adaptersFor, extractCaseContext } from '@/utils/crm/adapters';
import { watchCase } from '@/utils/crm/case-watcher';
import { insertIntoEditor, selectedText } from '@/utils/crm/insert-reply';
import {
  applySelectorOverrides,
  enabledSitesFromStored,
  overriddenReplyEditor,
  type SiteSelectors,
  siteForUrl,
} from '@/utils/crm/site-settings';
import { DEMO_CRM_MATCHES } from '@/utils/crm/sites';
import { notify, onMessage } from '@/utils/messaging';

export default defineContentScript({
  matches: DEMO_CRM_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    const pageUrl = () => new URL(location.href);
    // Selectors the agent set for this site in Options take precedence over the adapter.
    let selectors: SiteSelectors = {};
    const read = (override: SiteSelectors = selectors) =>
      applySelectorOverrides(extractCaseContext(document, pageUrl()), document, pageUrl(), override);
    const replyEditor = () => {
      const overridden = overriddenReplyEditor(document, selectors);
      if (overridden) return overridden;
      for (const adapter of adaptersFor(pageUrl())) {
        const editor = adapter.findReplyEditor(document);
        if (editor) return editor;
      }
      return null;
    };
    const watcher = watchCase({
      window,
      extract: () => read(),
      container: () =>
        adaptersFor(pageUrl())
          .map((adapter) => adapter.caseContainer(document))
          .find(Boolean) ?? null,
      onChange: (context) => {
        // After an extension update this old script may still run; it must not call a dead runtime.
        if (ctx.isValid) notify('caseContextChanged', context).catch(() => undefined);
      },
      signal: ctx.signal,
    });
    const useSettings = (stored: unknown) => {
      selectors = siteForUrl(enabledSitesFromStored(stored), location.href)?.selectors ?? {};
      watcher.refresh();
    };
    // Raw storage, not the settings module: the schema library would double this script's size.
    void browser.storage.local.get('settings').then(({ settings }) => useSettings(settings));
    const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && changes.settings) useSettings(changes.settings.newValue);
    };
    browser.storage.onChanged.addListener(onStorage);
    const removers = [
      () => browser.storage.onChanged.removeListener(onStorage),
      // With selectors given (Options: "test on the current tab"), read with those, without saving them.
      onMessage('getCaseContext', (data) => (data?.selectors ? read(data.selectors) : watcher.refresh())),
      onMessage('getSelectionText', () => selectedText(document)),
      onMessage('insertReply', ({ text }) => insertIntoEditor(replyEditor(), text)),
    ];
    ctx.onInvalidated(() => {
      for (const remove of removers) remove();
    });
  },
});
