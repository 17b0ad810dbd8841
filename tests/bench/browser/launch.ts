import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, extensionFlags, findChromium } from '../../../utils/cli/chromium-path';

/** Headless Chromium for a benchmark, with the built extension when `extensionDir` is given. */
export async function launchChromium(extensionDir?: string): Promise<BrowserContext> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found: install it (apt-get install chromium) or set CHROME_PATH');
  return chromium.launchPersistentContext(await mkdtemp(path.join(tmpdir(), 'agent-assist-bench-')), {
    executablePath,
    headless: true,
    args: [
      ...CHROMIUM_FLAGS,
      '--enable-precise-memory-info',
      ...(extensionDir ? extensionFlags(path.resolve(extensionDir)) : []),
    ],
  });
}
