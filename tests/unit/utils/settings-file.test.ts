import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { SiteSetting } from '@/utils/crm/site-settings';
import { describeIssue, FileIssueError } from '@/utils/file-issues';
import { createTranslator } from '@/utils/i18n';
import { DEFAULT_SETTINGS, loadSettings, type Settings, saveSettings } from '@/utils/settings';
import {
  MAX_SETTINGS_FILE_BYTES,
  MAX_SETTINGS_SITES,
  parseSettingsFile,
  readSettingsFile,
  settingsToJson,
} from '@/utils/settings-file';

const site: SiteSetting = {
  id: 'custom-1',
  name: 'Desk',
  matches: ['https://*.example-crm.com/*'],
  enabled: true,
  selectors: { subject: 'h1' },
};
const file = (settings: unknown) => JSON.stringify({ format: 'agent-assist-settings', version: 1, settings });

/** The Options page's import: parse the file, then save what it holds. */
const importFile = async (text: string) => saveSettings(parseSettingsFile(text));

describe('readSettingsFile', () => {
  it('refuses a file over 1 MB without reading it', async () => {
    const text = vi.fn(async () => settingsToJson(DEFAULT_SETTINGS));
    const big = { size: MAX_SETTINGS_FILE_BYTES + 1, text } as unknown as Blob;
    await expect(readSettingsFile(big)).rejects.toThrow('file: larger than 1 MB');
    expect(text).not.toHaveBeenCalled();
  });

  it('reads a file within the limit', async () => {
    await expect(readSettingsFile(new Blob([file({ agentName: 'Lin' })]))).resolves.toEqual({ agentName: 'Lin' });
  });
});

describe('settings file', () => {
  it('round-trips every setting, sites and selectors included', () => {
    const settings = { ...DEFAULT_SETTINGS, agentName: 'Lin', sites: [site] };
    expect(parseSettingsFile(settingsToJson(settings))).toEqual(settings);
  });

  it('reads a file with a byte order mark and trims names as the form does', () => {
    expect(parseSettingsFile(`\uFEFF${file({ agentName: '  Lin Yue ', agentId: ' A-7 ' })}`)).toEqual({
      agentName: 'Lin Yue',
      agentId: 'A-7',
    });
  });

  it.each([
    ['an empty file', '', /^file: not valid JSON$/],
    ['only white space', '  \n ', /^file: not valid JSON$/],
    ['a truncated file', settingsToJson(DEFAULT_SETTINGS).slice(0, 40), /^file: not valid JSON$/],
    ['null', 'null', /"format" must be/],
    ['another format', '{"format":"other","version":1,"settings":{}}', /"format" must be/],
    ['a newer version', '{"format":"agent-assist-settings","version":3,"settings":{}}', /version 3/],
    ['no settings', '{"format":"agent-assist-settings","version":1}', /"settings" is missing/],
    ['settings that are a list', file([]), /^file: "settings" must be an object$/],
    ['a file over 1 MB', ' '.repeat(2 * 1024 * 1024), /larger than 1 MB/],
  ])('refuses %s', (_name, text, message) => {
    expect(() => parseSettingsFile(text)).toThrow(message);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an unknown language', { language: '<script>' }, 'settings, language: must be "auto", "en", "zh-CN"'],
    ['a name of 81 characters', { agentName: 'x'.repeat(81) }, 'settings, agentName: must be text of at most 80'],
    ['an agent id that is a list', { agentId: ['A-7'] }, 'settings, agentId: must be text of at most 40'],
    ['a negative retention', { retentionDays: -5 }, 'settings, retentionDays: must be a whole number of days from 7'],
    ['a retention in text', { retentionDays: '30' }, 'settings, retentionDays: must be a whole number'],
    ['a retention of 1.5 days', { retentionDays: 1.5 }, 'settings, retentionDays: must be a whole number'],
    ['sites that are not a list', { sites: { a: site } }, 'settings, sites: must be a list'],
    ['a site that is text', { sites: [site, 'zendesk'] }, 'settings, site 2: must be an object'],
    ['a site with a path in its id', { sites: [{ ...site, id: '../x' }] }, 'settings, site 1, id: must be 1 to 60'],
    [
      'a site with a bad address pattern',
      { sites: [{ ...site, matches: ['javascript:alert(1)'] }] },
      'settings, site 1, matches: must be 1 to 20 address patterns',
    ],
    [
      'a site with a selector for an unknown field',
      { sites: [{ ...site, selectors: { password: 'input' } }] },
      'settings, site 1, selectors: must map case fields',
    ],
    ['a site without "enabled"', { sites: [{ ...site, enabled: undefined }] }, 'settings, site 1, enabled: must be'],
    [
      `more than ${MAX_SETTINGS_SITES} sites`,
      { sites: Array.from({ length: MAX_SETTINGS_SITES + 1 }, (_, i) => ({ ...site, id: `custom-${i}` })) },
      `settings, sites: has ${MAX_SETTINGS_SITES + 1} sites; at most ${MAX_SETTINGS_SITES} are allowed`,
    ],
  ])('refuses %s, naming the setting', (_name, settings, message) => {
    expect(() => parseSettingsFile(file({ ...DEFAULT_SETTINGS, ...settings }))).toThrow(message);
  });

  it('names every wrong setting at once', () => {
    expect(() =>
      parseSettingsFile(file({ language: 'fr', retentionDays: 0, sites: [{ ...site, name: '', enabled: 'yes' }] })),
    ).toThrow(
      /^settings, language: .*\nsettings, retentionDays: .*\nsettings, site 1, name: .*\nsettings, site 1, enabled: .*$/,
    );
  });

  it('says every wrong setting in Chinese, with the setting names as written', () => {
    let error: unknown;
    try {
      parseSettingsFile(
        file({ language: 'fr', retentionDays: 0, sites: [{ ...site, name: '', enabled: 'yes' }, 'x'] }),
      );
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(FileIssueError);
    expect((error as FileIssueError).issues.map((issue) => describeIssue(issue, createTranslator('zh-CN')))).toEqual([
      '设置，language：应为 "auto"、"en" 或 "zh-CN"',
      '设置，retentionDays：应为 7 到 3650 之间的整数天数',
      '设置，第 1 个网站，name：应为 1 到 80 个字符的文本',
      '设置，第 1 个网站，enabled：应为 true 或 false',
      '设置，第 2 个网站：应为对象',
    ]);
  });

  it('keeps HTML in names as plain text and ignores "__proto__" and unknown keys', () => {
    const text = file({ agentName: '<img src=x onerror=alert(1)>', theme: 'dark' }).replace(
      '"settings":{',
      '"settings":{"__proto__":{"retentionDays":7,"polluted":true},',
    );
    const settings = parseSettingsFile(text);
    expect(settings).toEqual({ agentName: '<img src=x onerror=alert(1)>' });
    expect(Object.getPrototypeOf(settings)).toBe(Object.prototype);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

describe('importing a settings file in Options', () => {
  const stored: Settings = { ...DEFAULT_SETTINGS, agentName: 'Lin', agentId: 'A-7', retentionDays: 30, sites: [site] };
  beforeEach(async () => {
    fakeBrowser.reset();
    await saveSettings(stored);
  });

  it.each([
    ['an empty file', ''],
    ['settings that are a list', file([])],
    ['one bad value among good ones', file({ ...DEFAULT_SETTINGS, agentName: 'Eve', retentionDays: -1 })],
    ['one bad site among good ones', file({ ...DEFAULT_SETTINGS, sites: [site, { ...site, id: 'x', matches: [] }] })],
  ])('changes nothing for %s', async (_name, text) => {
    await expect(importFile(text)).rejects.toThrow();
    await expect(loadSettings()).resolves.toEqual(stored);
  });

  it('changes only the settings a file holds', async () => {
    await importFile(file({ language: 'zh-CN' }));
    await expect(loadSettings()).resolves.toEqual({ ...stored, language: 'zh-CN' });
  });

  it('replaces everything with an exported file', async () => {
    const exported: Settings = { ...DEFAULT_SETTINGS, agentName: 'Wang', retentionDays: 90 };
    await importFile(settingsToJson(exported));
    await expect(loadSettings()).resolves.toEqual(exported);
  });
});
