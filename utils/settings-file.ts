import type { SiteSetting } from './crm/site-settings';
import { isOverBytes, readTextFile } from './download';
import { LOCALES } from './i18n';
import { DEFAULT_SETTINGS, MAX_RETENTION_DAYS, MIN_RETENTION_DAYS, normaliseSettings, type Settings } from './settings';

export const SETTINGS_FORMAT = 'agent-assist-settings';
export const MAX_SETTINGS_FILE_BYTES = 1024 * 1024;
/** Far more CRM sites than anyone works in; a file with more is not an export of real settings. */
export const MAX_SETTINGS_SITES = 100;

export function settingsToJson(settings: Settings): string {
  return `${JSON.stringify({ format: SETTINGS_FORMAT, version: 1, settings }, null, 2)}\n`;
}

const REASONS: Record<Exclude<keyof Settings, 'sites'>, string> = {
  language: `must be ${['auto', ...LOCALES].map((l) => `"${l}"`).join(', ')}`,
  agentName: 'must be text of at most 80 characters',
  agentId: 'must be text of at most 40 characters',
  retentionDays: `must be a whole number of days from ${MIN_RETENTION_DAYS} to ${MAX_RETENTION_DAYS}`,
};

const SITE_REASONS: Record<keyof SiteSetting, string> = {
  id: 'must be 1 to 60 lower-case letters, digits or "-"',
  name: 'must be text of 1 to 80 characters',
  matches: 'must be 1 to 20 address patterns such as "https://*.example-crm.com/*"',
  enabled: 'must be true or false',
  selectors: 'must map case fields to CSS selectors of at most 500 characters',
};

const GOOD_SITE: SiteSetting = {
  id: 'x',
  name: 'x',
  matches: ['https://x.example.com/*'],
  enabled: false,
  selectors: {},
};

const siteFits = (site: unknown) => normaliseSettings({ sites: [site] }).sites.length === 1;

/** What is wrong with one site from a file: each field is tried in a site that is otherwise valid. */
function siteProblems(site: unknown, where: string): string[] {
  if (typeof site !== 'object' || site === null || Array.isArray(site)) return [`${where}: must be an object`];
  if (siteFits(site)) return [];
  const fields = Object.keys(SITE_REASONS) as (keyof SiteSetting)[];
  const wrong = fields.filter(
    (field) => !(field in site) || !siteFits({ ...GOOD_SITE, [field]: (site as Record<string, unknown>)[field] }),
  );
  return wrong.map((field) => `${where}, ${field}: ${SITE_REASONS[field]}`);
}

/** Every setting the file holds that the stored settings would not keep as it is. */
function problems(raw: Record<string, unknown>, settings: Settings): string[] {
  const found: string[] = [];
  for (const key of Object.keys(REASONS) as (keyof typeof REASONS)[]) {
    if (!Object.hasOwn(raw, key)) continue;
    const value = raw[key];
    const kept = typeof value === 'string' ? value.trim() === settings[key] : value === settings[key];
    if (!kept) found.push(`settings, ${key}: ${REASONS[key]}`);
  }
  if (Object.hasOwn(raw, 'sites')) {
    if (!Array.isArray(raw.sites)) found.push('settings, sites: must be a list');
    else if (raw.sites.length > MAX_SETTINGS_SITES)
      found.push(`settings, sites: has ${raw.sites.length} sites; at most ${MAX_SETTINGS_SITES} are allowed`);
    else found.push(...raw.sites.flatMap((site, i) => siteProblems(site, `settings, site ${i + 1}`)));
  }
  return found;
}

const tooLarge = () => new Error('file: larger than 1 MB');

/**
 * Reads an exported settings file into the settings it holds; the others stay as they are.
 * A value that does not fit refuses the whole file, naming the setting, so a bad file changes nothing.
 */
export function parseSettingsFile(text: string): Partial<Settings> {
  if (isOverBytes(text, MAX_SETTINGS_FILE_BYTES)) throw tooLarge();
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
  if (Array.isArray(file.settings)) throw new Error('file: "settings" must be an object');
  const raw = file.settings as Record<string, unknown>;
  const settings = normaliseSettings(raw);
  const found = problems(raw, settings);
  if (found.length > 0) throw new Error(found.slice(0, 50).join('\n'));
  return Object.fromEntries(
    (Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[])
      .filter((key) => Object.hasOwn(raw, key))
      .map((key) => [key, settings[key]]),
  );
}

/** Reads and parses a settings file, refusing one over 1 MB before reading it. */
export async function readSettingsFile(file: Blob): Promise<Partial<Settings>> {
  return parseSettingsFile(await readTextFile(file, MAX_SETTINGS_FILE_BYTES, tooLarge));
}
