import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, test as base, chromium, type Page, type Worker } from '@playwright/test';
import { CHROMIUM_FLAGS, extensionFlags } from '../../utils/cli/chromium-path';
import { type DemoCrm, startDemoCrm } from '../fixtures/demo-crm/server.mjs';

export const EXTENSION_DIR = path.resolve('.output/chrome-mv3');
/** The end-to-end build: every CRM host granted from install (see wxt.config.ts). */
export const E2E_EXTENSION_DIR = path.resolve('.output/chrome-mv3-e2e');
export const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** Chromium with an extension loaded, in a fresh profile that is removed afterwards. */
export async function launchWithExtension(
  extensionDir: string,
  extraArgs: string[] = [],
): Promise<{ context: BrowserContext; dispose: () => Promise<void> }> {
  const profile = await mkdtemp(path.join(tmpdir(), 'agent-assist-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 720 },
    args: [...extensionFlags(extensionDir), ...CHROMIUM_FLAGS, '--lang=en-US', ...extraArgs],
  });
  return {
    context,
    dispose: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

interface Fixtures {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  /** Opens the panel page in a tab, bound to the CRM page's tab like the real side panel. */
  openPanel: (crm: Page) => Promise<Page>;
}

interface WorkerFixtures {
  crm: DemoCrm;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  crm: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright requires the destructuring form.
    async ({}, use) => {
      const server = await startDemoCrm();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  // biome-ignore lint/correctness/noEmptyPattern: Playwright requires the destructuring form.
  context: async ({}, use) => {
    const { context, dispose } = await launchWithExtension(EXTENSION_DIR);
    await use(context);
    await dispose();
  },
  serviceWorker: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(worker);
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },
  openPanel: async ({ context, extensionId, serviceWorker }, use) => {
    await use(async (crm) => {
      const crmUrl = crm.url();
      const tabId = await serviceWorker.evaluate(async (url) => {
        const tabs = await chrome.tabs.query({});
        return tabs.find((tab) => tab.url === url)?.id;
      }, crmUrl);
      if (tabId === undefined) throw new Error(`No tab found for ${crmUrl}`);
      const panel = await context.newPage();
      await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
      return panel;
    });
  },
});

export const expect = test.expect;
