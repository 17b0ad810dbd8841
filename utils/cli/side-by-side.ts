import { writeFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';

/** One PNG of the CRM page with the panel beside it, as an agent sees them. */
export async function screenshotSideBySide(
  context: BrowserContext,
  crm: Page,
  panel: Page,
  file: string,
  { height = 720, crmWidth = 1280, panelWidth = 400 } = {},
): Promise<void> {
  await crm.setViewportSize({ width: crmWidth, height });
  await panel.setViewportSize({ width: panelWidth, height });
  const [left, right] = await Promise.all([crm.screenshot(), panel.screenshot()]);
  const canvas = await context.newPage();
  await canvas.setViewportSize({ width: crmWidth + panelWidth + 1, height });
  const img = (png: Buffer) => `<img src="data:image/png;base64,${png.toString('base64')}">`;
  await canvas.setContent(
    `<body style="margin:0;display:flex;gap:1px;background:#888">${img(left)}${img(right)}</body>`,
  );
  await writeFile(file, await canvas.screenshot());
  await canvas.close();
}
