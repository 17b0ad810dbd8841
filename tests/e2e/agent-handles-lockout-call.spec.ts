import { expect, test } from './fixtures';
import { DemoCrmPage } from './pages/demo-crm-page';

test('lockout call: start the suggested checklist, work it from the keyboard, reload, finish with a summary', async ({
  context,
  crm,
  openPanel,
}) => {
  const crmPage = new DemoCrmPage(await context.newPage(), crm.url);
  await crmPage.openCase('CS-20481', 'zh-CN');
  const panel = await openPanel(crmPage.page);

  await panel.getByTestId('start-lockout').click();
  const run = panel.getByTestId('checklist-run');
  await expect(run).toHaveAttribute('data-checklist-id', 'lockout');

  // Space ticks the focused step, J moves down.
  await run.getByTestId('step-verify-identity').focus();
  await panel.keyboard.press('Space');
  await panel.keyboard.press('j');
  await panel.keyboard.press('Space');
  await expect(run.getByTestId('step-never-ask-secrets').getByRole('checkbox')).toBeChecked();

  await run.getByTestId('step-lock-reason').getByRole('button', { name: 'Wrong password attempts' }).click();
  await run.getByTestId('step-self-service-reset').getByRole('checkbox').check();

  await crmPage.page.reload();
  await panel.reload();
  const reloaded = panel.getByTestId('checklist-run');
  await expect(reloaded.getByTestId('step-never-ask-secrets').getByRole('checkbox')).toBeChecked();
  await expect(reloaded.getByTestId('checklist-progress')).toHaveText('4 of 5 steps');

  await reloaded.getByTestId('step-reset-result').getByRole('button', { name: 'Yes, password reset' }).click();
  await reloaded.getByTestId('step-confirm-sign-in').getByRole('checkbox').check();
  await reloaded.getByTestId('step-contact-change-guard').getByRole('checkbox').check();
  // S skips the focused step; a required step needs a reason.
  await reloaded.getByTestId('step-prevention-advice').focus();
  await panel.keyboard.press('s');
  await panel.keyboard.type('Customer had to hang up');
  await panel.keyboard.press('Enter');
  await expect(reloaded.getByTestId('step-prevention-advice')).toContainText('Skipped: Customer had to hang up');
  await reloaded.getByTestId('step-outcome').getByRole('button', { name: 'Resolved' }).click();
  await expect(reloaded.getByTestId('checklist-summary')).toContainText('1 required step(s) skipped');
});

test('a scam case raises the fraud warning; F starts the fraud checklist; codes are refused as inputs', async ({
  context,
  crm,
  openPanel,
}) => {
  const crmPage = new DemoCrmPage(await context.newPage(), crm.url);
  await crmPage.openCase('CS-20493', 'en');
  const panel = await openPanel(crmPage.page);
  await expect(panel.getByTestId('fraud-warning')).toContainText('safe account');
  await panel.locator('body').click({ position: { x: 5, y: 5 } });
  await panel.keyboard.press('f');
  const run = panel.getByTestId('checklist-run');
  await expect(run).toHaveAttribute('data-checklist-id', 'fraud');
  await expect(panel.getByTestId('fraud-warning')).toHaveCount(0);

  const amount = run.getByTestId('step-transaction-amount');
  await amount.getByRole('textbox').fill('4111 1111 1111 1111');
  await amount.getByRole('button', { name: 'Save' }).click();
  await expect(amount.getByRole('alert')).toContainText('looks like a card');
  await amount.getByRole('textbox').fill('$1,200');
  await amount.getByRole('button', { name: 'Save' }).click();
  await expect(amount.getByRole('alert')).toHaveCount(0);
});
