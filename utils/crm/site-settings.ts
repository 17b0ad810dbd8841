import { MatchPattern } from 'wxt/utils/match-patterns';
import type { CaseContext } from './case-context';
import { cleanText } from './case-context';
import { deepQuerySelector } from './dom-search';
import { KNOWN_CRM_SITES } from './sites';

/** Case fields whose place on the page a site setting may name with a CSS selector. */
export const OVERRIDABLE_FIELDS = [
  'caseId',
  'subject',
  'customerName',
  'customerRef',
  'channel',
  'status',
  'description',
  'latestMessage',
  'replyEditor',
] as const;
export type OverridableField = (typeof OVERRIDABLE_FIELDS)[number];
export type SiteSelectors = Partial<Record<OverridableField, string>>;

/** A CRM site the agent enabled: a known product or a custom one, with optional selector overrides. */
export interface SiteSetting {
  id: string;
  name: string;
  matches: string[];
  enabled: boolean;
  selectors: SiteSelectors;
}

const PATTERN = /^https?:\/\/(\*|(\*\.)?[a-z0-9.-]+)(:\d+)?\/.*$/i;

/** True for an http(s) match pattern with a host, like https://*.example-crm.com/*. */
export function isValidSitePattern(pattern: string): boolean {
  if (!PATTERN.test(pattern.trim()) || /^https?:\/\/\*\//.test(pattern.trim())) return false;
  try {
    new MatchPattern(pattern.trim());
    return true;
  } catch {
    return false;
  }
}

/**
 * The enabled sites in stored settings, read without the settings schema so the content
 * script stays small; sites with a pattern that is not valid are left out.
 */
export function enabledSitesFromStored(stored: unknown): SiteSetting[] {
  const sites = (stored as { sites?: unknown } | null)?.sites;
  if (!Array.isArray(sites)) return [];
  return sites.filter(
    (site): site is SiteSetting =>
      typeof site === 'object' &&
      site !== null &&
      site.enabled === true &&
      Array.isArray(site.matches) &&
      site.matches.every((pattern: unknown) => typeof pattern === 'string' && isValidSitePattern(pattern)) &&
      typeof site.selectors === 'object' &&
      site.selectors !== null,
  );
}

/** Every site the Options page lists: the known products (off unless enabled) and custom ones. */
export function siteList(stored: readonly SiteSetting[]): SiteSetting[] {
  const byId = new Map(stored.map((site) => [site.id, site]));
  const known = KNOWN_CRM_SITES.map((site) => ({
    id: site.id,
    name: site.name,
    matches: site.matches,
    enabled: byId.get(site.id)?.enabled ?? false,
    selectors: byId.get(site.id)?.selectors ?? {},
  }));
  const custom = stored.filter((site) => !KNOWN_CRM_SITES.some((k) => k.id === site.id));
  return [...known, ...custom];
}

/** The enabled site whose patterns include `url`, if any. */
export function siteForUrl(sites: readonly SiteSetting[], url: string | URL): SiteSetting | undefined {
  return sites.find((site) => site.enabled && site.matches.some((pattern) => new MatchPattern(pattern).includes(url)));
}

/** The element a selector names, or null when the selector is empty, invalid or finds nothing. */
function select(doc: Document, selector: string | undefined): Element | null {
  if (!selector?.trim()) return null;
  try {
    return deepQuerySelector(doc, selector);
  } catch {
    return null;
  }
}

/**
 * A case context with the fields a site's selectors name read from those places instead.
 * Without a case from the adapters, selectors for the case id or subject can still make one.
 */
export function applySelectorOverrides(
  context: CaseContext | null,
  doc: Document,
  url: URL,
  selectors: SiteSelectors,
): CaseContext | null {
  const read = (field: Exclude<OverridableField, 'replyEditor'>) => {
    const element = select(doc, selectors[field]);
    if (!element) return undefined;
    const value =
      element.tagName === 'INPUT' || element.tagName === 'TEXTAREA'
        ? (element as HTMLInputElement).value
        : element.textContent;
    return cleanText(value);
  };
  const overrides: Partial<CaseContext> = {};
  for (const field of OVERRIDABLE_FIELDS) {
    if (field === 'replyEditor') continue;
    const value = read(field);
    if (value !== undefined) overrides[field] = value;
  }
  const editor = select(doc, selectors.replyEditor);
  if (!context && !overrides.caseId && !overrides.subject) return null;
  const base: CaseContext = context ?? {
    site: 'custom',
    url: url.href,
    caseId: null,
    subject: null,
    customerName: null,
    customerRef: null,
    channel: null,
    status: null,
    description: null,
    latestMessage: null,
    hasReplyEditor: false,
  };
  return { ...base, ...overrides, hasReplyEditor: base.hasReplyEditor || editor !== null };
}

/** The reply editor a site's selector names, when it names one. */
export function overriddenReplyEditor(doc: Document, selectors: SiteSelectors): HTMLElement | null {
  return select(doc, selectors.replyEditor) as HTMLElement | null;
}
