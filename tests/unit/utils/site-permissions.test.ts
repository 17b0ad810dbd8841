import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { SiteSetting } from '@/utils/crm/site-settings';
import {
  grantedSiteIds,
  releaseSite,
  requestSite,
  testSiteSelectors,
  watchPermissions,
} from '@/utils/site-permissions';
import { makeTab } from '../../fixtures/factories';

const site = (id: string, matches: string[], enabled = true): SiteSetting => ({
  id,
  name: id,
  matches,
  enabled,
  selectors: {},
});
const zendesk = site('zendesk', ['https://*.zendesk.com/*']);
const salesforce = site('salesforce', ['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*']);
const custom = site('custom-1', ['https://*.my.salesforce.com/*']);

/** The fake browser leaves permission events unimplemented; this one keeps its listeners and calls them. */
function fakeEvent(event: typeof fakeBrowser.permissions.onAdded): () => void {
  const listeners = new Set<() => void>();
  vi.spyOn(event, 'addListener').mockImplementation((listener) => void listeners.add(listener as () => void));
  vi.spyOn(event, 'removeListener').mockImplementation((listener) => void listeners.delete(listener as () => void));
  return () => {
    for (const listener of listeners) listener();
  };
}

describe('site permissions', () => {
  beforeEach(() => fakeBrowser.reset());

  it('counts a site as granted only when the browser allows all its hosts', async () => {
    const allowed = ['https://*.zendesk.com/*', 'https://*.my.salesforce.com/*'];
    vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async ({ origins = [] }) =>
      origins.every((origin) => allowed.includes(origin)),
    );
    expect(await grantedSiteIds([zendesk, salesforce, custom])).toEqual(new Set(['zendesk', 'custom-1']));
    expect(await grantedSiteIds([])).toEqual(new Set());
  });

  it("asks for exactly the site's hosts", async () => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(async () => false);
    await expect(requestSite(salesforce)).resolves.toBe(false);
    expect(request).toHaveBeenCalledWith({ origins: salesforce.matches });
  });

  it.each<[string, SiteSetting, SiteSetting[], string[] | null]>([
    ['gives back every host no other site needs', zendesk, [zendesk, salesforce], ['https://*.zendesk.com/*']],
    ['keeps a host another enabled site shares', salesforce, [salesforce, custom], ['https://*.lightning.force.com/*']],
    ['asks nothing when every host is still needed', custom, [custom, salesforce], null],
    ['gives back all hosts when no site is left', salesforce, [], salesforce.matches],
    [
      'keeps the hosts the manifest requires',
      site('custom-2', ['http://127.0.0.1/*', 'https://desk.example/*']),
      [],
      ['https://desk.example/*'],
    ],
  ])('releasing a site %s', async (_name, released, stillEnabled, removed) => {
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
      manifest_version: 3,
      name: 'Agent Assist',
      version: '1',
      host_permissions: ['http://127.0.0.1/*', 'http://localhost/*'],
    });
    const remove = vi.spyOn(fakeBrowser.permissions, 'remove').mockImplementation(async () => true);
    await releaseSite(released, stillEnabled);
    if (removed) expect(remove).toHaveBeenCalledWith({ origins: removed });
    else expect(remove).not.toHaveBeenCalled();
  });

  it("tests selectors on the site's most recently used tab, in its top frame", async () => {
    const query = vi
      .spyOn(fakeBrowser.tabs, 'query')
      .mockImplementation(async () => [
        makeTab({ id: 3, lastAccessed: 10 }),
        makeTab({ id: 4, lastAccessed: 30 }),
        makeTab({ id: 5 }),
      ]);
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async () => ({ ok: true, value: null }));
    await expect(testSiteSelectors(zendesk, { subject: 'h1' })).resolves.toBeNull();
    expect(query).toHaveBeenCalledWith({ url: zendesk.matches });
    expect(send).toHaveBeenCalledWith(
      4,
      { channel: 'agent-assist', type: 'getCaseContext', data: { selectors: { subject: 'h1' } } },
      { frameId: 0 },
    );
  });

  it('says so when no tab of the site is open', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async () => []);
    await expect(testSiteSelectors(zendesk, {})).rejects.toThrow('no-tab');
  });

  it('calls the listener when a permission is added or removed, until it stops watching', () => {
    const fire = {
      added: fakeEvent(fakeBrowser.permissions.onAdded),
      removed: fakeEvent(fakeBrowser.permissions.onRemoved),
    };
    const listener = vi.fn();
    const stop = watchPermissions(listener);
    fire.added();
    fire.removed();
    expect(listener).toHaveBeenCalledTimes(2);
    stop();
    fire.added();
    fire.removed();
    expect(listener).toHaveBeenCalledTimes(2);
  });
});
