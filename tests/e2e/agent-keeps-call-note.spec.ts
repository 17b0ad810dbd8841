import type { Page } from '@playwright/test';
import { EXTENSION_DIR, expect, launchWithExtension, test } from './fixtures';
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

/** Every stored note, as the extension's database holds it, in id order. */
function storedNotes(page: Page) {
  return page.evaluate(async () => {
    const open = indexedDB.open('agent-assist');
    const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
    return new Promise<unknown[]>((resolve) => {
      const request = db.transaction('notes').objectStore('notes').getAll();
      request.onsuccess = () => resolve(request.result);
    });
  });
}

test('a note with a card number and a code survives closing the panel mid-sentence, masked, and comes back identical from an export into a fresh browser', async ({
  context,
  crm,
  extensionId,
  openPanel,
}, testInfo) => {
  const crmPage = new DemoCrmPage(await context.newPage(), crm.url);
  await crmPage.openCase('CS-20483', 'en');
  let panel = await openPanel(crmPage.page);
  const note = () => panel.getByLabel('Note', { exact: true });
  await note().click();
  await note().pressSequentially('Card 4111 1111 1111 1111, the verification code is 583920 and she', { delay: 2 });
  await panel.close({ runBeforeUnload: true });

  panel = await openPanel(crmPage.page);
  await expect(note()).toHaveValue('Card •••• •••• •••• 1111, the verification code is •••••• and she');
  await note().press('End');
  await note().pressSequentially(' never got the SMS.');
  await panel.getByRole('button', { name: 'End call' }).click();
  await expect(note()).toHaveValue('');

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const before = await storedNotes(options);
  expect(before).toEqual([
    expect.objectContaining({
      text: 'Card •••• •••• •••• 1111, the verification code is •••••• and she never got the SMS.',
    }),
  ]);
  const [download] = await Promise.all([
    options.waitForEvent('download'),
    options.getByRole('button', { name: 'Export all notes (JSON)' }).click(),
  ]);
  const bundle = testInfo.outputPath('notes.json');
  await download.saveAs(bundle);

  // A fresh profile: nothing stored, as on a supervisor's machine or after a wipe.
  const fresh = await launchWithExtension(EXTENSION_DIR);
  try {
    const worker = fresh.context.serviceWorkers()[0] ?? (await fresh.context.waitForEvent('serviceworker'));
    const freshOptions = await fresh.context.newPage();
    await freshOptions.goto(`chrome-extension://${new URL(worker.url()).host}/options.html`);
    await expect(freshOptions.getByTestId('kb-in-use')).toBeVisible();
    expect(await storedNotes(freshOptions)).toEqual([]);
    await freshOptions.getByLabel('Import a notes bundle (JSON)').setInputFiles(bundle);
    await expect(freshOptions.getByTestId('notes-import-report')).toContainText('1 notes read: 1 added');
    expect(await storedNotes(freshOptions)).toEqual(before);
  } finally {
    await fresh.dispose();
  }
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
