import { expect, test } from './fixtures';
import { DemoCrmPage } from './pages/demo-crm-page';
import { PanelPage } from './pages/panel-page';

test('a custom site with selector overrides: tested on the open tab, saved, then read by the panel', async ({
  context,
  crm,
  extensionId,
  openPanel,
}) => {
  const crmPage = new DemoCrmPage(await context.newPage(), crm.url);
  await crmPage.openCase('CS-20482', 'en');
  const panel = new PanelPage(await openPanel(crmPage.page));
  await expect(panel.caseSubject()).toContainText('Forgot password');

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const sites = options.getByTestId('sites');
  await expect(sites.getByRole('checkbox', { name: 'Read cases on Zendesk' })).not.toBeChecked();

  await sites.getByLabel('Name').fill('Local desk');
  await sites.getByLabel('Address pattern').fill('not a pattern');
  await sites.getByRole('button', { name: 'Add site' }).click();
  await expect(options.getByTestId('sites-error')).toContainText('not an address pattern');

  await sites.getByLabel('Address pattern').fill('http://127.0.0.1/*');
  await sites.getByRole('button', { name: 'Add site' }).click();
  const site = sites.locator('li', { hasText: 'Local desk' });
  await expect(site.getByRole('checkbox')).toBeChecked();

  await site.getByText('Where the fields are (CSS selectors)').click();
  await site.getByLabel('Subject').fill('[data-field="customer-name"]');
  await site.getByRole('button', { name: 'Test on the current tab' }).click();
  await expect(site.locator('.test-result')).toContainText('Daniel Brooks');
  await expect(panel.caseSubject()).toContainText('Forgot password');

  await site.getByRole('button', { name: 'Save selectors' }).click();
  await expect(panel.caseSubject()).toHaveText('Daniel Brooks');
});
