import { screenshotSideBySide } from '../../utils/cli/side-by-side';
import { expect, test } from './fixtures';
import { DemoCrmPage } from './pages/demo-crm-page';
import { PanelPage } from './pages/panel-page';

test('the panel shows the open case and follows case switches', async ({ context, crm, openPanel }) => {
  const crmPage = new DemoCrmPage(await context.newPage(), crm.url);
  await crmPage.openCase('CS-20482');
  const panel = new PanelPage(await openPanel(crmPage.page));

  await expect(panel.caseId()).toHaveText('CS-20482');
  await expect(panel.caseSubject()).toContainText('Forgot password');

  await crmPage.page.bringToFront();
  const switchedAt = Date.now();
  await crmPage.switchTo('CS-20484');
  await expect(panel.caseId()).toHaveText('CS-20484', { timeout: 2000 });
  expect(Date.now() - switchedAt).toBeLessThan(1500);
  await expect(panel.caseSubject()).toContainText('Transfer failed');

  await crmPage.page.goBack();
  await expect(panel.caseId()).toHaveText('CS-20482');
  await screenshotSideBySide(context, crmPage.page, panel.page, 'test-results/panel-beside-demo-crm.png');
});

test('a CRM page with no open case shows the no-case state', async ({ context, crm, openPanel }) => {
  const page = await context.newPage();
  await page.goto(new URL('/?lang=en', crm.url).href);
  const panel = new PanelPage(await openPanel(page));
  await expect(panel.noCase()).toBeVisible();
});
