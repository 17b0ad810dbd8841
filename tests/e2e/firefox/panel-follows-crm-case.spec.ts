import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type DemoCrm, startDemoCrm } from '../../fixtures/demo-crm/server.mjs';
import { EXTENSION_ORIGIN, findPage, launchFirefoxWithExtension, waitForText } from './firefox-fixtures';

let crm: DemoCrm;
let firefox: Browser;

beforeAll(async () => {
  crm = await startDemoCrm();
  firefox = await launchFirefoxWithExtension();
});

afterAll(async () => {
  await firefox?.close();
  await crm?.close();
});

test('in Firefox the content script reads the demo case and the panel shows it, following switches', async () => {
  const page = await firefox.newPage();
  await page.goto(new URL('/cases/CS-20481?lang=zh-CN', crm.url).href);
  const panel = await findPage(firefox, `${EXTENSION_ORIGIN}/sidepanel.html`);

  expect(await waitForText(panel, '[data-testid="case-id"]', /CS-20481/)).toBe('CS-20481');
  expect(await waitForText(panel, '[data-testid="case-subject"]', /锁/)).toMatch(/锁/);

  await page.click('a[href="/cases/CS-20484"]');
  expect(await waitForText(panel, '[data-testid="case-id"]', /CS-20484/)).toBe('CS-20484');
  expect(await waitForText(panel, '[data-testid="case-subject"]', /Transfer failed/)).toMatch(/TRF-4012/);
});
