import { writeFile } from 'node:fs/promises';
import { expect, test } from './fixtures';

test('the KB owner imports a KB with a preview, sees it used, and rolls it back', async ({ context, extensionId }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByTestId('kb-in-use')).toContainText('built-in knowledge base (92 answers)');

  await options.getByLabel('Import a KB file (JSON or CSV)').setInputFiles('tests/fixtures/kb/small-kb.csv');
  await expect(options.getByTestId('kb-preview')).toContainText(
    '2 answers in the file. Replace: 1 added, 1 changed, 91 removed.',
  );
  await options.getByRole('button', { name: 'Replace the KB' }).click();
  await expect(options.getByTestId('kb-status')).toContainText('Imported: 1 added, 1 changed, 91 removed.');
  await expect(options.getByTestId('kb-in-use')).toContainText('small-kb.csv');

  await options.getByLabel('Try a query').fill('转账老是失败');
  await expect(options.getByTestId('kb-try-results')).toContainText('transfer-failed-zh');

  await options.getByRole('button', { name: 'Undo the last import' }).click();
  await expect(options.getByTestId('kb-in-use')).toContainText('built-in knowledge base (92 answers)');
});

test('a bad KB file is refused with every place named, and nothing changes', async ({
  context,
  extensionId,
}, testInfo) => {
  const bad = testInfo.outputPath('bad-kb.csv');
  await writeFile(bad, 'id,locale,question,alternates,answer,tags,checklist\na,en,,x,y,,\nb,fr,q,,a,,nope\n');
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel('Import a KB file (JSON or CSV)').setInputFiles(bad);
  const errors = options.getByTestId('kb-errors');
  await expect(errors).toContainText('line 2, question: is empty');
  await expect(errors).toContainText('line 3, locale: unknown locale "fr"');
  await expect(errors).toContainText('line 3, checklist: unknown checklist "nope"');
  await expect(options.getByTestId('kb-preview')).toHaveCount(0);
  await expect(options.getByTestId('kb-in-use')).toContainText('built-in knowledge base');
});

test('notes export as a bundle and import back with a merge report; a damaged bundle is refused', async ({
  context,
  extensionId,
}, testInfo) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  // The page has opened (and so created) the extension's database once this shows.
  await expect(options.getByTestId('kb-in-use')).toBeVisible();
  await options.evaluate(async () => {
    const open = indexedDB.open('agent-assist');
    const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
    const store = db.transaction('notes', 'readwrite').objectStore('notes');
    for (let i = 0; i < 30; i++) {
      store.put({
        id: `note-${i}`,
        revision: 1,
        createdAt: 1_700_000_000_000 + i,
        updatedAt: 1_700_000_000_000 + i,
        endedAt: 1_700_000_000_100 + i,
        agentId: 'A-1',
        agentName: 'Lin',
        crm: null,
        caseKey: null,
        category: 'transfer',
        tags: [],
        text: `note ${i}`,
        masked: [],
        faqUsed: [],
        checklistRuns: [],
        outcome: 'resolved',
        followUpDate: null,
        review: { status: 'unreviewed', requested: false, reviewer: null, reviewedAt: null, comments: [] },
      });
    }
  });
  const [download] = await Promise.all([
    options.waitForEvent('download'),
    options.getByRole('button', { name: 'Export all notes (JSON)' }).click(),
  ]);
  const bundle = testInfo.outputPath('notes.json');
  await download.saveAs(bundle);

  await options.getByLabel('Import a notes bundle (JSON)').setInputFiles(bundle);
  await expect(options.getByTestId('notes-import-report')).toContainText(
    '30 notes read: 0 added, 0 updated, 30 unchanged',
  );

  const damaged = testInfo.outputPath('damaged.json');
  const { readFile } = await import('node:fs/promises');
  await writeFile(damaged, (await readFile(bundle, 'utf8')).slice(0, 500));
  await options.getByLabel('Import a notes bundle (JSON)').setInputFiles(damaged);
  await expect(options.getByTestId('notes-import-error')).toContainText('Not imported');
});
