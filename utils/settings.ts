import * as v from 'valibot';
import { storage } from 'wxt/utils/storage';
import { isValidSitePattern, OVERRIDABLE_FIELDS } from './crm/site-settings';
import { LOCALES } from './i18n';

export const DEFAULT_RETENTION_DAYS = 180;
export const MIN_RETENTION_DAYS = 7;
export const MAX_RETENTION_DAYS = 3650;

const SiteSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,60}$/)),
  name: v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(80)),
  matches: v.pipe(
    v.array(v.pipe(v.string(), v.check(isValidSitePattern, 'not a match pattern'))),
    v.nonEmpty(),
    v.maxLength(20),
  ),
  enabled: v.boolean(),
  selectors: v.record(v.picklist(OVERRIDABLE_FIELDS), v.pipe(v.string(), v.maxLength(500))),
});

const SettingsSchema = v.object({
  language: v.fallback(v.picklist(['auto', ...LOCALES]), 'auto'),
  agentName: v.fallback(v.pipe(v.string(), v.trim(), v.maxLength(80)), ''),
  agentId: v.fallback(v.pipe(v.string(), v.trim(), v.maxLength(40)), ''),
  retentionDays: v.fallback(
    v.pipe(v.number(), v.integer(), v.minValue(MIN_RETENTION_DAYS), v.maxValue(MAX_RETENTION_DAYS)),
    DEFAULT_RETENTION_DAYS,
  ),
  // Sites the agent enabled or configured; a malformed one is dropped rather than breaking all settings.
  sites: v.fallback(
    v.pipe(
      v.array(v.unknown()),
      v.transform((items) =>
        items.flatMap((item) => {
          const parsed = v.safeParse(SiteSchema, item);
          return parsed.success ? [parsed.output] : [];
        }),
      ),
    ),
    [],
  ),
});

export type Settings = v.InferOutput<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  language: 'auto',
  agentName: '',
  agentId: '',
  retentionDays: DEFAULT_RETENTION_DAYS,
  sites: [],
};

/** Current stored shape; raise it and add a migration when a field changes meaning. */
export const SETTINGS_VERSION = 3;

/** Upgrades from each stored version to the next. */
export const SETTINGS_MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  // Version 2 added note retention; older settings get the default period.
  2: (old) => ({ ...old, retentionDays: DEFAULT_RETENTION_DAYS }),
  // Version 3 added CRM sites beyond the demo host: none enabled at first.
  3: (old) => ({ ...old, sites: [] }),
};

/** Repairs whatever is stored (older shapes, hand edits, bad values) into valid settings. */
export function normaliseSettings(stored: unknown): Settings {
  const record = typeof stored === 'object' && stored !== null ? stored : {};
  return v.parse(SettingsSchema, { ...DEFAULT_SETTINGS, ...record });
}

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: SETTINGS_MIGRATIONS,
});

export async function loadSettings(): Promise<Settings> {
  return normaliseSettings(await settingsItem.getValue());
}

let saving: Promise<unknown> = Promise.resolve();

/**
 * Saves a change to some fields and returns the settings as stored. Saves from one page run
 * one after another, so two quick changes (name, then id) do not overwrite each other.
 */
export function saveSettings(change: Partial<Settings>): Promise<Settings> {
  const save = saving.then(async () => {
    const next = normaliseSettings({ ...(await loadSettings()), ...change });
    await settingsItem.setValue(next);
    return next;
  });
  saving = save.catch(() => undefined);
  return save;
}

/** Calls `listener` with the settings whenever they change in any part of the extension. */
export function watchSettings(listener: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => listener(normaliseSettings(value)));
}
