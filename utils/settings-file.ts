import { normaliseSettings, type Settings } from './settings';

export const SETTINGS_FORMAT = 'agent-assist-settings';

export function settingsToJson(settings: Settings): string {
  return `${JSON.stringify({ format: SETTINGS_FORMAT, version: 1, settings }, null, 2)}\n`;
}

/** Reads an exported settings file; values that do not fit are repaired to their defaults. */
export function parseSettingsFile(text: string): Settings {
  if (text.length > 1024 * 1024) throw new Error('file: larger than 1 MB');
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new Error('file: not valid JSON');
  }
  const file = data as { format?: unknown; version?: unknown; settings?: unknown };
  if (file?.format !== SETTINGS_FORMAT) throw new Error(`file: "format" must be "${SETTINGS_FORMAT}"`);
  if (file.version !== 1) throw new Error(`file: version ${JSON.stringify(file.version)} is not supported`);
  if (typeof file.settings !== 'object' || file.settings === null) throw new Error('file: "settings" is missing');
  return normaliseSettings(file.settings);
}
