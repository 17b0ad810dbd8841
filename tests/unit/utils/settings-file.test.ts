import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { parseSettingsFile, settingsToJson } from '@/utils/settings-file';

describe('settings file', () => {
  it('round-trips every setting, sites and selectors included', () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      agentName: 'Lin',
      sites: [
        {
          id: 'custom-1',
          name: 'Desk',
          matches: ['https://*.example-crm.com/*'],
          enabled: true,
          selectors: { subject: 'h1' },
        },
      ],
    };
    expect(parseSettingsFile(settingsToJson(settings))).toEqual(settings);
  });

  it.each([
    ['', /not valid JSON/],
    ['{"format":"other","version":1,"settings":{}}', /"format" must be/],
    ['{"format":"agent-assist-settings","version":3,"settings":{}}', /version 3/],
    ['{"format":"agent-assist-settings","version":1}', /"settings" is missing/],
    [' '.repeat(2 * 1024 * 1024), /larger than 1 MB/],
  ])('refuses %#', (text, message) => {
    expect(() => parseSettingsFile(text)).toThrow(message);
  });

  it('repairs hostile values to defaults', () => {
    const text = JSON.stringify({
      format: 'agent-assist-settings',
      version: 1,
      settings: { language: '<script>', retentionDays: -5, sites: [{ id: '../x' }] },
    });
    expect(parseSettingsFile(text)).toEqual(DEFAULT_SETTINGS);
  });
});
