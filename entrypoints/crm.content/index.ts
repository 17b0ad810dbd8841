import { defineContentScript } from 'wxt/utils/define-content-script';
import { adaptersFor, extractCaseContext } from '@/utils/crm/adapters';
import { watchCase } from '@/utils/crm/case-watcher';
import { insertIntoEditor, selectedText } from '@/utils/crm/insert-reply';
import { DEMO_CRM_MATCHES } from '@/utils/crm/sites';
import { notify, onMessage } from '@/utils/messaging';

export default defineContentScript({
  matches: DEMO_CRM_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    const pageUrl = () => new URL(location.href);
    const replyEditor = () => {
      for (const adapter of adaptersFor(pageUrl())) {
        const editor = adapter.findReplyEditor(document);
        if (editor) return editor;
      }
      return null;
    };
    const watcher = watchCase({
      window,
      extract: () => extractCaseContext(document, pageUrl()),
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
    const removers = [
      onMessage('getCaseContext', () => watcher.refresh()),
      onMessage('getSelectionText', () => selectedText(document)),
      onMessage('insertReply', ({ text }) => insertIntoEditor(replyEditor(), text)),
    ];
    ctx.onInvalidated(() => {
      for (const remove of removers) remove();
    });
  },
});
