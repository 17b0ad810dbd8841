import { describe, expect, it } from 'vitest';
import { isValidSitePattern } from '@/utils/crm/site-settings';
import { DEMO_CRM_MATCHES, KNOWN_CRM_SITES, OPTIONAL_CRM_MATCHES } from '@/utils/crm/sites';

describe('CRM sites', () => {
  const patterns = KNOWN_CRM_SITES.flatMap((site) => site.matches.map((pattern) => [site.id, pattern] as const));

  it.each(patterns)('%s asks only for https hosts with a valid pattern: %s', (_id, pattern) => {
    expect(isValidSitePattern(pattern)).toBe(true);
    expect(pattern).toMatch(/^https:\/\/[^/]+\/\*$/);
  });

  it('gives every product a distinct id and name', () => {
    expect(new Set(KNOWN_CRM_SITES.map((site) => site.id)).size).toBe(KNOWN_CRM_SITES.length);
    expect(new Set(KNOWN_CRM_SITES.map((site) => site.name)).size).toBe(KNOWN_CRM_SITES.length);
  });

  it('lets Options ask for every product pattern once, and any https site for custom CRMs', () => {
    expect(new Set(OPTIONAL_CRM_MATCHES).size).toBe(OPTIONAL_CRM_MATCHES.length);
    expect(OPTIONAL_CRM_MATCHES).toEqual(expect.arrayContaining([...patterns.map(([, p]) => p), 'https://*/*']));
    expect(OPTIONAL_CRM_MATCHES).toHaveLength(new Set(patterns.map(([, p]) => p)).size + 1);
  });

  it('keeps the demo CRM on local hosts only, outside the optional permissions', () => {
    expect(DEMO_CRM_MATCHES).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
    expect(OPTIONAL_CRM_MATCHES.some((pattern) => pattern.startsWith('http://'))).toBe(false);
  });
});
