import * as v from 'valibot';
import { storage } from 'wxt/utils/storage';
import { LOCALES } from './i18n';

const SettingsSchema = v.object({
  language: v.fallback(v.picklist(['auto', ...LOCALES]), 'auto'),
  agentName: v.fallback(v.pipe(v.string(), v.trim(), v.maxLength(80)), ''),
  agentId: v.fallback(v.pipe(v.string(), v.trim(), v.maxLength(40)), ''),
});

export type Settings = v.InferOutput<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = { language: 'auto', agentName: '', agentId: '' };

/** Current stored shape; raise it and add a migration when a field changes meaning. */
export const SETTINGS_VERSION = 1;

/** Repairs whatever is stored (older shapes, hand edits, bad values) into valid settings. */
export function normaliseSettings(stored: unknown): Settings {
  const record = typeof stored === 'object' && stored !== null ? stored : {};
  return v.parse(SettingsSchema, { ...DEFAULT_SETTINGS, ...record });
}

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
});

export async function loadSettings(): Promise<Settings> {
  return normaliseSettings(await settingsItem.getValue());
}

/** Saves a change to some fields and returns the settings as stored. */
export async function saveSettings(change: Partial<Settings>): Promise<Settings> {
  const next = normaliseSettings({ ...(await loadSettings()), ...change });
  await settingsItem.setValue(next);
  return next;
}

/** Calls `listener` with the settings whenever they change in any part of the extension. */
export function watchSettings(listener: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => listener(normaliseSettings(value)));
}
