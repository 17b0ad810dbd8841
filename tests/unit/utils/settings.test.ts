import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  normaliseSettings,
  SETTINGS_VERSION,
  saveSettings,
  settingsItem,
  watchSettings,
} from '@/utils/settings';

describe('settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('starts from the defaults when nothing is stored', async () => {
    await expect(loadSettings()).resolves.toEqual(DEFAULT_SETTINGS);
  });

  it('saves a change and keeps the other fields', async () => {
    await saveSettings({ agentName: '  Lin Yue ' });
    await saveSettings({ language: 'zh-CN' });
    await expect(loadSettings()).resolves.toEqual({ ...DEFAULT_SETTINGS, language: 'zh-CN', agentName: 'Lin Yue' });
  });

  it.each([
    ['a string', 'oops', DEFAULT_SETTINGS],
    ['null', null, DEFAULT_SETTINGS],
    ['an unknown language', { language: 'fr', agentName: 'A' }, { ...DEFAULT_SETTINGS, agentName: 'A' }],
    ['wrong types', { language: 'en', agentName: 42, agentId: ['x'] }, { ...DEFAULT_SETTINGS, language: 'en' }],
    ['an over-long name', { agentName: 'x'.repeat(500) }, DEFAULT_SETTINGS],
    ['fields from a later version', { agentId: 'B-2', future: true }, { ...DEFAULT_SETTINGS, agentId: 'B-2' }],
    ['a retention period below the minimum', { retentionDays: 1 }, DEFAULT_SETTINGS],
  ])('repairs %s into valid settings', (_case, stored, expected) => {
    expect(normaliseSettings(stored)).toEqual(expected);
  });

  it('migrates version 1 settings to the latest: fields kept, retention and sites added', async () => {
    await fakeBrowser.storage.local.set({
      settings: { language: 'en', agentName: 'Old', agentId: '7' },
      settings$: { v: 1 },
    });
    await settingsItem.migrate();
    await expect(fakeBrowser.storage.local.get('settings$')).resolves.toEqual({ settings$: { v: SETTINGS_VERSION } });
    await expect(loadSettings()).resolves.toEqual({
      language: 'en',
      agentName: 'Old',
      agentId: '7',
      retentionDays: 180,
      sites: [],
    });
  });

  it('migrates version 2 settings to version 3 with no sites enabled', async () => {
    await fakeBrowser.storage.local.set({
      settings: { ...DEFAULT_SETTINGS, retentionDays: 30, sites: undefined },
      settings$: { v: 2 },
    });
    await settingsItem.migrate();
    await expect(loadSettings()).resolves.toMatchObject({ retentionDays: 30, sites: [] });
  });

  it('keeps valid sites and drops malformed ones', () => {
    const good = {
      id: 'custom-1',
      name: 'Our desk',
      matches: ['https://*.example-crm.com/*'],
      enabled: true,
      selectors: { subject: 'h1' },
    };
    const stored = { sites: [good, { ...good, id: 'bad id' }, { ...good, matches: ['<all_urls>'] }, 'x'] };
    expect(normaliseSettings(stored).sites).toEqual([good]);
  });

  it.each([
    [3, 180],
    [7, 7],
    [90, 90],
    [99_999, 180],
    ['30', 180],
  ])('retention of %j days is stored as %j', (days, expected) => {
    expect(normaliseSettings({ retentionDays: days }).retentionDays).toBe(expected);
  });

  it('does not lose a change when two saves overlap', async () => {
    await Promise.all([saveSettings({ agentName: 'Lin' }), saveSettings({ agentId: 'A-7' })]);
    await expect(loadSettings()).resolves.toMatchObject({ agentName: 'Lin', agentId: 'A-7' });
  });

  it('tells watchers about changes made elsewhere', async () => {
    const seen: string[] = [];
    const unwatch = watchSettings((settings) => seen.push(settings.language));
    await saveSettings({ language: 'en' });
    unwatch();
    expect(seen).toEqual(['en']);
  });
});
