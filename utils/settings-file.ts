import type { SiteSetting } from './crm/site-settings';
import { isOverBytes, readTextFile } from './download';
import { FILE, type FileIssue, FileIssueError, type IssuePlace } from './file-issues';
import type { MessageKey } from './i18n';
import { DEFAULT_SETTINGS, MAX_RETENTION_DAYS, MIN_RETENTION_DAYS, normaliseSettings, type Settings } from './settings';

export const SETTINGS_FORMAT = 'agent-assist-settings';
export const MAX_SETTINGS_FILE_BYTES = 1024 * 1024;
/** Far more CRM sites than anyone works in; a file with more is not an export of real settings. */
export const MAX_SETTINGS_SITES = 100;

export function settingsToJson(settings: Settings): string {
  return `${JSON.stringify({ format: SETTINGS_FORMAT, version: 1, settings }, null, 2)}\n`;
}

const REASONS: Record<Exclude<keyof Settings, 'sites'>, Pick<FileIssue, 'reason' | 'args'>> = {
  language: { reason: 'issueSettingsLanguage' },
  agentName: { reason: 'issueSettingsTextAtMost', args: [80] },
  agentId: { reason: 'issueSettingsTextAtMost', args: [40] },
  retentionDays: { reason: 'issueSettingsRetention', args: [MIN_RETENTION_DAYS, MAX_RETENTION_DAYS] },
};

const SITE_REASONS: Record<keyof SiteSetting, MessageKey> = {
  id: 'issueSettingsSiteId',
  name: 'issueSettingsSiteName',
  matches: 'issueSettingsSiteMatches',
  enabled: 'issueTrueOrFalse',
  selectors: 'issueSettingsSiteSelectors',
};

const SETTINGS: IssuePlace = { kind: 'settings' };

const GOOD_SITE: SiteSetting = {
  id: 'x',
  name: 'x',
  matches: ['https://x.example.com/*'],
  enabled: false,
  selectors: {},
};

const siteFits = (site: unknown) => normaliseSettings({ sites: [site] }).sites.length === 1;

/** What is wrong with one site from a file: each field is tried in a site that is otherwise valid. */
function siteProblems(site: unknown, position: number): FileIssue[] {
  const place: IssuePlace = { kind: 'site', position };
  if (typeof site !== 'object' || site === null || Array.isArray(site)) return [{ place, reason: 'issueMustBeObject' }];
  if (siteFits(site)) return [];
  const fields = Object.keys(SITE_REASONS) as (keyof SiteSetting)[];
  const wrong = fields.filter(
    (field) => !(field in site) || !siteFits({ ...GOOD_SITE, [field]: (site as Record<string, unknown>)[field] }),
  );
  return wrong.map((field) => ({ place, field, reason: SITE_REASONS[field] }));
}

/** Every setting the file holds that the stored settings would not keep as it is. */
function problems(raw: Record<string, unknown>, settings: Settings): FileIssue[] {
  const found: FileIssue[] = [];
  for (const key of Object.keys(REASONS) as (keyof typeof REASONS)[]) {
    if (!Object.hasOwn(raw, key)) continue;
    const value = raw[key];
    const kept = typeof value === 'string' ? value.trim() === settings[key] : value === settings[key];
    if (!kept) found.push({ place: SETTINGS, field: key, ...REASONS[key] });
  }
  if (Object.hasOwn(raw, 'sites')) {
    if (!Array.isArray(raw.sites)) found.push({ place: SETTINGS, field: 'sites', reason: 'issueMustBeList' });
    else if (raw.sites.length > MAX_SETTINGS_SITES)
      found.push({
        place: SETTINGS,
        field: 'sites',
        reason: 'issueTooManySites',
        args: [raw.sites.length, MAX_SETTINGS_SITES],
      });
    else found.push(...raw.sites.flatMap((site, i) => siteProblems(site, i + 1)));
  }
  return found;
}

const fileError = (reason: MessageKey, ...args: (string | number)[]) =>
  new FileIssueError([{ place: FILE, reason, args }]);
const tooLarge = () => fileError('issueFileTooLarge', MAX_SETTINGS_FILE_BYTES / 1024 / 1024);

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
    throw fileError('issueNotJson');
  }
  const file = data as { format?: unknown; version?: unknown; settings?: unknown };
  if (file?.format !== SETTINGS_FORMAT) throw fileError('issueFormatMustBe', SETTINGS_FORMAT);
  if (file.version !== 1) throw fileError('issueVersionNotSupported', String(JSON.stringify(file.version)));
  if (typeof file.settings !== 'object' || file.settings === null) throw fileError('issueSettingsMissing');
  if (Array.isArray(file.settings)) throw fileError('issueSettingsNotObject');
  const raw = file.settings as Record<string, unknown>;
  const settings = normaliseSettings(raw);
  const found = problems(raw, settings);
  if (found.length > 0) throw new FileIssueError(found.slice(0, 50));
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
