import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DemoCrmPage } from './pages/demo-crm-page';

/** Works the failed-transfer checklist on the "not debited" path; `skipBasics` skips a required step. */
async function workTransferChecklist(panel: Page, skipBasics: boolean) {
  await panel.getByLabel('Start a checklist…').selectOption('transfer-failure');
  const run = panel.getByTestId('checklist-run');
  const error = run.getByTestId('step-error-message');
  await error.getByRole('textbox').fill('Recipient account unavailable');
  await error.getByRole('button', { name: 'Save' }).click();
  if (skipBasics) {
    await run.getByTestId('step-check-basics').getByRole('button', { name: 'Skip' }).click();
    await run.getByTestId('step-check-basics').getByLabel('Reason for skipping').fill('Customer in a hurry');
    await run.getByTestId('step-check-basics').getByRole('button', { name: 'Skip step' }).click();
  } else {
    await run.getByTestId('step-check-basics').getByRole('checkbox').check();
  }
  await run.getByTestId('step-check-recipient').getByRole('checkbox').check();
  await run.getByTestId('step-money-debited').getByRole('button', { name: 'No, not debited' }).click();
  await run.getByTestId('step-guide-retry').getByRole('checkbox').check();
  await run.getByTestId('step-outcome').getByRole('button', { name: 'Resolved on the call' }).click();
  await expect(run.getByTestId('checklist-summary')).toBeVisible();
}

async function expectNoSeriousA11yIssues(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('calls saved in the panel are reviewed by a supervisor and measured by QA, who drills into the non-compliant one', async ({
  context,
  crm,
  openPanel,
  extensionId,
}) => {
  test.setTimeout(90_000);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel('Your name').fill('Lin Yue');
  await options.getByLabel('Agent ID').fill('A-1024');
  await options.getByLabel('Agent ID').press('Tab');
  await expect(options.getByTestId('save-state')).toHaveText('Saved');
  await options.close();
  const crmPage = new DemoCrmPage(await context.newPage(), crm.url);
  await crmPage.openCase('CS-20484', 'en');
  const panel = await openPanel(crmPage.page);
  await workTransferChecklist(panel, false);
  await panel
    .getByLabel('Note', { exact: true })
    .fill('Transfer to a closed account; guided a retry to the new account.');
  await panel.getByRole('button', { name: 'End call' }).click();
  await expect(panel.getByLabel('Note', { exact: true })).toHaveValue('');

  await crmPage.page.bringToFront();
  await crmPage.switchTo('CS-20485');
  await expect(panel.getByTestId('case-id')).toHaveText('CS-20485');
  await workTransferChecklist(panel, true);
  await panel.getByLabel('Note', { exact: true }).fill('对方说没收到,已引导重试。');
  await panel.getByRole('button', { name: 'End call' }).click();
  await expect(panel.getByLabel('Note', { exact: true })).toHaveValue('');

  const review = await context.newPage();
  await review.setViewportSize({ width: 1280, height: 720 });
  await review.goto(`chrome-extension://${extensionId}/review.html`);
  await expect(review.getByTestId('review-count')).toHaveText('2 of 2 calls');
  await review.getByTestId('filter-text').fill('重试');
  await expect(review.getByTestId('review-count')).toHaveText('1 of 2 calls');
  await review.getByRole('button', { name: 'Clear filters' }).click();
  await review.getByRole('row').filter({ hasText: 'CS-20485' }).getByRole('button').click();
  await expect(review.getByTestId('note-detail')).toContainText('Customer in a hurry');
  await review.getByLabel('Comment (C)').fill('Check network, balance and limits before a retry.');
  await review.getByRole('button', { name: 'Needs coaching' }).click();
  await expect(review.getByTestId('detail-review-status')).toHaveText('Needs coaching');
  await expect(review.getByTestId('review-history')).toContainText('Check network, balance and limits');
  await expectNoSeriousA11yIssues(review);
  await review.screenshot({ path: 'test-results/review-page.png' });
  await review.emulateMedia({ colorScheme: 'dark' });
  await expectNoSeriousA11yIssues(review);
  await review.screenshot({ path: 'test-results/review-page-dark.png' });

  const compliance = await context.newPage();
  await compliance.setViewportSize({ width: 1280, height: 720 });
  await compliance.goto(`chrome-extension://${extensionId}/compliance.html`);
  const transferRow = compliance
    .getByTestId('compliance-by-checklist')
    .locator('tr[data-checklist-id="transfer-failure"]');
  await expect(transferRow.locator('td').nth(0)).toHaveText('2');
  await expect(transferRow.locator('td').nth(1)).toHaveText('50%');
  await expect(compliance.getByTestId('compliance-skipped')).toContainText('Customer in a hurry');
  await expect(compliance.getByTestId('compliance-by-agent')).toContainText('Lin Yue');
  await expect(compliance.getByTestId('trend-chart').locator('canvas')).toBeVisible();
  await expectNoSeriousA11yIssues(compliance);
  await compliance.screenshot({ path: 'test-results/compliance-page.png', fullPage: true });
  await compliance.emulateMedia({ colorScheme: 'dark' });
  await expectNoSeriousA11yIssues(compliance);
  await compliance.emulateMedia({ colorScheme: 'light' });

  await transferRow.locator('td').nth(1).getByRole('link').click();
  await expect(compliance).toHaveURL(/review\.html\?.*compliance=not-compliant/);
  await expect(compliance.getByTestId('review-count')).toHaveText('1 of 2 calls');
  await compliance.getByRole('row').filter({ hasText: 'CS-20485' }).getByRole('button').click();
  await expect(compliance.getByTestId('review-history')).toContainText('Check network, balance and limits');
});
