import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { syncSiteScripts } from '@/entrypoints/background/site-scripts';
import type { SiteSetting } from '@/utils/crm/site-settings';

const site = (id: string, matches: string[], enabled = true): SiteSetting => ({
  id,
  name: id,
  matches,
  enabled,
  selectors: {},
});

describe('syncSiteScripts', () => {
  let registered: { id: string; matches?: string[] }[];
  const scripting = {
    getRegisteredContentScripts: vi.fn(async () => registered),
    registerContentScripts: vi.fn(async (scripts: { id: string }[]) => void registered.push(...scripts)),
    updateContentScripts: vi.fn(async () => undefined),
    unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => {
      registered = registered.filter((s) => !ids.includes(s.id));
    }),
  };
  beforeEach(() => {
    fakeBrowser.reset();
    registered = [];
    Object.assign(fakeBrowser, { scripting });
    for (const fn of Object.values(scripting)) fn.mockClear();
  });

  const grant = (origins: string[]) =>
    vi
      .spyOn(fakeBrowser.permissions, 'contains')
      .mockImplementation(async ({ origins: asked = [] }) => asked.every((o) => origins.includes(o)));

  it('registers the content script only for enabled sites the browser allows', async () => {
    grant(['https://*.zendesk.com/*', 'https://*.example-crm.com/*']);
    await syncSiteScripts([
      site('zendesk', ['https://*.zendesk.com/*']),
      site('custom-1', ['https://*.example-crm.com/*']),
      site('custom-2', ['https://*.other.com/*']),
      site('freshdesk', ['https://*.freshdesk.com/*'], false),
    ]);
    expect(registered.map((s) => s.id).sort()).toEqual(['crm-site-custom-1', 'crm-site-zendesk']);
    expect(scripting.registerContentScripts).toHaveBeenCalledWith(
      expect.arrayContaining([
        expect.objectContaining({ id: 'crm-site-zendesk', js: ['content-scripts/crm.js'], runAt: 'document_idle' }),
      ]),
    );
  });

  it('unregisters a site that was switched off or lost its permission', async () => {
    registered = [{ id: 'crm-site-zendesk' }, { id: 'crm-site-custom-1' }, { id: 'other-script' }];
    grant(['https://*.zendesk.com/*']);
    await syncSiteScripts([
      site('zendesk', ['https://*.zendesk.com/*']),
      site('custom-1', ['https://*.example-crm.com/*']),
    ]);
    expect(registered.map((s) => s.id)).toEqual(['crm-site-zendesk', 'other-script']);
    expect(scripting.updateContentScripts).toHaveBeenCalledWith([expect.objectContaining({ id: 'crm-site-zendesk' })]);
  });

  it('never registers the demo hosts again: the manifest already injects there', async () => {
    grant(['http://127.0.0.1/*']);
    await syncSiteScripts([site('custom-1', ['http://127.0.0.1/*'])]);
    expect(registered).toEqual([]);
  });
});
