import { expect, test } from './fixtures';
import { DemoCrmPage } from './pages/demo-crm-page';
import { PanelPage } from './pages/panel-page';

test('lockout case: the right answer comes first, goes into the reply box, and is marked helpful', async ({
  context,
  crm,
  openPanel,
}) => {
  const crmPage = new DemoCrmPage(await context.newPage(), crm.url);
  await crmPage.openCase('CS-20481', 'zh-CN');
  const panel = new PanelPage(await openPanel(crmPage.page));

  const first = panel.suggestions().first();
  await expect(first).toHaveAttribute('data-entry-id', 'account-locked-zh');
  await expect(first).toContainText('From the case');

  await first.getByRole('button', { name: 'Insert' }).click();
  await expect(panel.status()).toContainText('Inserted');
  await expect(crmPage.replyEditor()).toHaveValue(/忘记密码|锁定/);

  await first.getByRole('button', { name: 'Helpful', exact: true }).click();
  await expect(first.getByRole('button', { name: 'Helpful', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect
    .poll(() =>
      panel.page.evaluate(async () => {
        const open = indexedDB.open('agent-assist');
        const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
        const rows = await new Promise<unknown[]>((resolve) => {
          const request = db.transaction('feedback').objectStore('feedback').getAll();
          request.onsuccess = () => resolve(request.result);
        });
        return rows;
      }),
    )
    .toEqual([expect.objectContaining({ entryId: 'account-locked-zh', helpful: true })]);
});

test('keyboard: / searches, arrows move, Ctrl+Enter inserts at the caret of a rich editor', async ({
  context,
  crm,
  openPanel,
}) => {
  const crmPage = new DemoCrmPage(await context.newPage(), crm.url);
  await crmPage.openCase('CS-20488', 'en');
  const panel = new PanelPage(await openPanel(crmPage.page));
  await expect(panel.suggestions().first()).toBeVisible();

  await panel.page.keyboard.press('/');
  await expect(panel.searchBox()).toBeFocused();
  await panel.page.keyboard.type('someone logged into my account from another phone');
  await expect(panel.suggestions().first()).toHaveAttribute('data-entry-id', 'unauthorized-login-en');
  await expect(panel.suggestions().first()).toContainText('From your search');

  await panel.page.keyboard.press('ArrowDown');
  await expect(panel.suggestions().nth(1)).toHaveAttribute('aria-current', 'true');
  await panel.page.keyboard.press('ArrowUp');
  await panel.page.keyboard.press('Enter');
  await expect(panel.suggestions().first().getByRole('button').first()).toHaveAttribute('aria-expanded', 'true');

  await panel.page.keyboard.press('Control+Enter');
  await expect(panel.status()).toContainText('Inserted');
  await expect(crmPage.replyEditor()).toContainText(/device|password/i);
});

test('no good match says so and counts the search as a knowledge gap', async ({ context, crm, openPanel }) => {
  const crmPage = new DemoCrmPage(await context.newPage(), crm.url);
  await crmPage.openCase('CS-20490', 'en');
  const panel = new PanelPage(await openPanel(crmPage.page));
  await panel.searchBox().fill('what is the weather in paris tomorrow');
  await expect(panel.page.getByTestId('faq-empty')).toContainText('No good match');
  await expect
    .poll(
      () =>
        panel.page.evaluate(async () => {
          const open = indexedDB.open('agent-assist');
          const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
          return new Promise<number>((resolve) => {
            const request = db.transaction('knowledgeGaps').objectStore('knowledgeGaps').count();
            request.onsuccess = () => resolve(request.result);
          });
        }),
      { timeout: 6000 },
    )
    .toBe(1);
});

test('text selected on the CRM page reaches the panel through the context menu', async ({
  context,
  crm,
  openPanel,
  serviceWorker,
}) => {
  const crmPage = new DemoCrmPage(await context.newPage(), crm.url);
  await crmPage.openCase('CS-20484', 'en');
  const panel = new PanelPage(await openPanel(crmPage.page));
  await expect(panel.suggestions().first()).toBeVisible();

  const selection = await crmPage.page.evaluate(() => {
    const element = document.querySelector('[data-field="subject"]')!;
    const range = document.createRange();
    range.selectNodeContents(element);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    return getSelection()!.toString();
  });
  // The menu click itself needs a real right-click; dispatching the event runs the extension's own handler.
  await serviceWorker.evaluate(
    async ({ text, url }) => {
      const [tab] = await chrome.tabs.query({ url });
      const onClicked = chrome.contextMenus.onClicked as unknown as { dispatch: (...args: unknown[]) => void };
      onClicked.dispatch(
        { menuItemId: 'search-faq-for-selection', selectionText: text, editable: false, pageUrl: url },
        tab,
      );
    },
    { text: selection, url: crmPage.page.url() },
  );
  await expect(panel.searchBox()).toHaveValue(selection);
  await expect(panel.suggestions().first()).toContainText('From selected text');
  await expect(panel.suggestions().first()).toHaveAttribute('data-entry-id', 'transfer-failed-en');
});
