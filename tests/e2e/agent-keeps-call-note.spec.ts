import { expect, test } from './fixtures';
import { DemoCrmPage } from './pages/demo-crm-page';

test('the note autosaves masked, survives reloading panel and CRM, and ends into the case history', async ({
  context,
  crm,
  openPanel,
}) => {
  const crmPage = new DemoCrmPage(await context.newPage(), crm.url);
  await crmPage.openCase('CS-20481', 'zh-CN');
  const panel = await openPanel(crmPage.page);
  const note = panel.getByLabel('Note', { exact: true });

  await note.click();
  await note.pressSequentially('客户说卡号 4111 1111 1111 1111 已冻结,', { delay: 5 });
  await expect(panel.getByTestId('note-save-state')).toContainText('Saved', { timeout: 5000 });
  await expect(note).toHaveValue('客户说卡号 •••• •••• •••• 1111 已冻结,');
  await expect(panel.getByTestId('note-masked')).toContainText('card number');

  await note.press('End');
  await note.pressSequentially('已指导自助重置。');
  await panel.getByLabel('Outcome').selectOption('resolved');
  await expect(panel.getByTestId('note-save-state')).toContainText('Saved');

  await crmPage.page.reload();
  await panel.reload();
  await expect(panel.getByLabel('Note', { exact: true })).toHaveValue(
    '客户说卡号 •••• •••• •••• 1111 已冻结,已指导自助重置。',
  );
  await expect(panel.getByLabel('Outcome')).toHaveValue('resolved');

  await panel.getByRole('button', { name: 'End call' }).click();
  await expect(panel.getByLabel('Note', { exact: true })).toHaveValue('');
  await panel.getByTestId('note-history').locator('summary').click();
  await expect(panel.getByTestId('note-history')).toContainText('已指导自助重置');
  await expect(panel.getByTestId('note-history')).toContainText('Resolved');
});

test('inserting an FAQ answer is recorded in the note', async ({ context, crm, openPanel }) => {
  const crmPage = new DemoCrmPage(await context.newPage(), crm.url);
  await crmPage.openCase('CS-20484', 'en');
  const panel = await openPanel(crmPage.page);
  await panel.getByTestId('suggestion').first().getByRole('button', { name: 'Insert' }).click();
  await expect(panel.getByTestId('note-save-state')).toContainText('Saved');
  const stored = await panel.evaluate(async () => {
    const open = indexedDB.open('agent-assist');
    const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
    return new Promise<{ faqUsed: { entryId: string; action: string }[] }[]>((resolve) => {
      const request = db.transaction('notes').objectStore('notes').getAll();
      request.onsuccess = () => resolve(request.result);
    });
  });
  expect(stored[0]?.faqUsed).toEqual([expect.objectContaining({ entryId: 'transfer-failed-en', action: 'inserted' })]);
});
