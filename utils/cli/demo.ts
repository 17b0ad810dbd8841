import { execFileSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { startDemoCrm } from '../../tests/fixtures/demo-crm/server.mjs';
import { CHROMIUM_FLAGS, extensionFlags, findChromium } from './chromium-path';
import { screenshotSideBySide } from './side-by-side';

const EXTENSION_DIR = path.resolve('.output/chrome-mv3');
const USAGE = `npm run demo [-- --screenshot FILE] [--case ID] [--lang en|zh-CN] [--port N]

Builds the Chrome extension, serves the WalletDesk demo CRM on 127.0.0.1 and starts
Chromium with the extension, the demo CRM and the panel beside it.
  --screenshot FILE  run headless and write a PNG of the CRM with the panel, then exit
  --case ID          case to open (default CS-20481)
  --lang LANG        demo CRM language (default zh-CN)
  --port N           demo CRM port (default 5180)`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      screenshot: { type: 'string' },
      case: { type: 'string', default: 'CS-20481' },
      lang: { type: 'string', default: 'zh-CN' },
      port: { type: 'string', default: '5180' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const executablePath = findChromium();
  if (!executablePath) {
    console.error(
      'Chromium was not found. Install it (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROME_PATH to a Chromium or Chrome binary.',
    );
    process.exit(1);
  }
  console.log('Building the Chrome extension…');
  execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });

  const crm = await startDemoCrm({ port: Number(values.port) });
  const headless = values.screenshot !== undefined;
  const context = await chromium.launchPersistentContext(await mkdtemp(path.join(tmpdir(), 'agent-assist-demo-')), {
    executablePath,
    headless,
    viewport: headless ? { width: 1280, height: 720 } : null,
    args: [...CHROMIUM_FLAGS, ...extensionFlags(EXTENSION_DIR), '--window-size=1280,800', '--window-position=0,0'],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;

  const crmPage = context.pages()[0] ?? (await context.newPage());
  await crmPage.goto(new URL(`/cases/${values.case}?lang=${values.lang}`, crm.url).href);
  const tabId = await worker.evaluate(async (url) => (await chrome.tabs.query({ url })).at(0)?.id, crmPage.url());
  const panelUrl = `chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`;

  if (headless) {
    const panel = await context.newPage();
    await panel.goto(panelUrl);
    await panel.getByTestId('case-id').waitFor();
    await screenshotSideBySide(context, crmPage, panel, values.screenshot!);
    console.log(`Wrote ${values.screenshot}`);
    await context.close();
    await crm.close();
    return;
  }
  // A window beside the CRM stands in for the side panel, which only a click on the toolbar button can open.
  await worker.evaluate(
    (url) => chrome.windows.create({ url, type: 'popup', left: 1280, top: 0, width: 420, height: 800 }),
    panelUrl,
  );
  console.log(`Demo CRM: ${crm.url}`);
  console.log(
    'Chromium is running with Agent Assist. The toolbar button opens the real side panel. Close the browser to stop.',
  );
  await new Promise<void>((resolve) => context.on('close', () => resolve()));
  await crm.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  if (!process.env.DISPLAY && !process.argv.includes('--screenshot')) {
    console.error('No display found: use `npm run demo -- --screenshot demo.png` on a machine without one.');
  }
  process.exit(1);
});
