import type { Page, Worker } from '@playwright/test';
import { KNOWN_CRM_SITES } from '../../utils/crm/sites';
import { crmFixturePages, startCrmFixtureServer } from './crm-fixture-server';
import { test as base, E2E_EXTENSION_DIR, expect, launchWithExtension } from './fixtures';
import { PanelPage } from './pages/panel-page';

/** The end-to-end build, with every host name resolving to the fixture server on 127.0.0.1. */
const test = base.extend<object, { crmSites: { port: number } }>({
  crmSites: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright requires the destructuring form.
    async ({}, use) => {
      const server = await startCrmFixtureServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  context: async ({ crmSites }, use) => {
    const { context, dispose } = await launchWithExtension(E2E_EXTENSION_DIR, [
      `--host-resolver-rules=MAP * 127.0.0.1:${crmSites.port}, EXCLUDE 127.0.0.1, EXCLUDE localhost`,
      '--ignore-certificate-errors',
    ]);
    await use(context);
    await dispose();
  },
});

const pages = crmFixturePages();
const generic = pages.filter((page) => page.product === 'generic');
const hostPattern = (url: string) => `https://${new URL(url).host}/*`;

async function openSites(page: Page, extensionId: string) {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  return page.getByTestId('sites');
}

async function addSite(sites: ReturnType<Page['getByTestId']>, name: string, pattern: string) {
  await sites.getByLabel('Name').fill(name);
  await sites.getByLabel('Address pattern').fill(pattern);
  await sites.getByRole('button', { name: 'Add site' }).click();
  await expect(sites.locator('li', { hasText: name }).getByRole('checkbox')).toBeChecked();
}

/** Waits until the background has registered the content script for `count` sites. */
async function siteScriptsRegistered(serviceWorker: Worker, count: number) {
  await expect
    .poll(() => serviceWorker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length))
    .toBe(count);
}

test('every product adapter and the generic one read their fixture pages at the products’ own addresses', async ({
  context,
  extensionId,
  serviceWorker,
  openPanel,
}) => {
  test.setTimeout(120_000);
  const sites = await openSites(await context.newPage(), extensionId);
  for (const site of KNOWN_CRM_SITES) {
    const toggle = sites.getByRole('checkbox', { name: `Read cases on ${site.name}` });
    await toggle.click();
    await expect(toggle).toBeChecked();
  }
  const genericHosts = [...new Set(generic.map((page) => hostPattern(page.url)))];
  for (const [i, pattern] of genericHosts.entries()) await addSite(sites, `Ticketing ${i + 1}`, pattern);
  await siteScriptsRegistered(serviceWorker, KNOWN_CRM_SITES.length + genericHosts.length);

  const crmTab = await context.newPage();
  await crmTab.goto(pages[0]!.url);
  const panel = new PanelPage(await openPanel(crmTab));
  for (const page of pages) {
    await crmTab.goto(page.url);
    const where = `${page.product}/${page.name}`;
    if (!page.expected) {
      await expect(panel.noCase(), where).toBeVisible();
      continue;
    }
    await expect(panel.caseId(), where).toHaveText(page.expected.caseId ?? '');
    if (page.expected.subject) await expect(panel.caseSubject(), where).toHaveText(page.expected.subject);
    if (page.expected.customerName)
      await expect(panel.page.getByTestId('case-customer'), where).toHaveText(page.expected.customerName);
  }
});

test('a custom site is read once added and no longer once removed', async ({
  context,
  extensionId,
  serviceWorker,
  openPanel,
}) => {
  const page = generic.find((p) => p.name === 'web-components')!;
  const sites = await openSites(await context.newPage(), extensionId);
  await addSite(sites, 'Nimbus desk', hostPattern(page.url));
  await siteScriptsRegistered(serviceWorker, 1);

  const crmTab = await context.newPage();
  await crmTab.goto(page.url);
  const panel = new PanelPage(await openPanel(crmTab));
  await expect(panel.caseId()).toHaveText(page.expected!.caseId ?? '');

  await sites.locator('li', { hasText: 'Nimbus desk' }).getByRole('button', { name: 'Remove' }).click();
  await expect(sites.locator('li', { hasText: 'Nimbus desk' })).toHaveCount(0);
  await siteScriptsRegistered(serviceWorker, 0);
  await crmTab.reload();
  await expect(panel.noCase()).toBeVisible();
});
