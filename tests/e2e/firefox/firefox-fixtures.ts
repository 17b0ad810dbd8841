import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../../wxt.config';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = path.resolve('.output/firefox-mv2-e2e');
const EXTENSION_UUID = '5b0c6f0e-7a51-4a57-9a4f-3f2d2b8c1e01';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

/** Firefox with the e2e build installed under a fixed moz-extension:// origin. */
export async function launchFirefoxWithExtension(): Promise<Browser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }) },
  });
  await browser.installExtension(FIREFOX_EXTENSION_DIR);
  return browser;
}

/** Puppeteer reports extension tabs as about:blank; find one by asking the page itself. */
export async function findPage(browser: Browser, urlPrefix: string, timeoutMs = 15_000): Promise<Page> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const page of await browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.startsWith(urlPrefix)) return page;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`No page at ${urlPrefix} within ${timeoutMs} ms`);
}

/** Polls a text in a page until it matches; puppeteer's waitForFunction is unreliable on extension pages here. */
export async function waitForText(page: Page, selector: string, expected: RegExp, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    last = await page.evaluate((s) => document.querySelector(s)?.textContent ?? '', selector).catch(() => '');
    if (expected.test(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${selector} was "${last}", expected ${expected}`);
}
