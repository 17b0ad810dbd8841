import { describe, expect, it } from 'vitest';
import { extractCaseContext } from '@/utils/crm/adapters';
import {
  applySelectorOverrides,
  enabledSitesFromStored,
  isValidSitePattern,
  overriddenReplyEditor,
  type SiteSetting,
  siteForUrl,
  siteList,
} from '@/utils/crm/site-settings';
import { KNOWN_CRM_SITES } from '@/utils/crm/sites';
import { parseHtml } from '../../dom';

const custom: SiteSetting = {
  id: 'custom-1',
  name: 'Our desk',
  matches: ['https://*.example-crm.com/*'],
  enabled: true,
  selectors: {},
};

describe('site patterns', () => {
  it.each([
    ['https://*.example-crm.com/*', true],
    ['https://desk.example.com/tickets/*', true],
    ['http://127.0.0.1/*', true],
    ['https://*/*', false],
    ['<all_urls>', false],
    ['ftp://example.com/*', false],
    ['https://example.com', false],
    ['javascript:alert(1)', false],
    ['', false],
  ])('%s -> %s', (pattern, valid) => {
    expect(isValidSitePattern(pattern)).toBe(valid);
  });
});

describe('site list', () => {
  it('lists every known product, off unless enabled, then custom sites', () => {
    const list = siteList([
      { ...custom },
      { id: 'zendesk', name: 'x', matches: ['https://*.zendesk.com/*'], enabled: true, selectors: { subject: 'h1' } },
    ]);
    expect(list.map((s) => s.id)).toEqual([...KNOWN_CRM_SITES.map((s) => s.id), 'custom-1']);
    expect(list.find((s) => s.id === 'zendesk')).toMatchObject({
      enabled: true,
      selectors: { subject: 'h1' },
      name: 'Zendesk',
    });
    expect(list.find((s) => s.id === 'freshdesk')?.enabled).toBe(false);
  });

  it('finds the enabled site of a page', () => {
    expect(siteForUrl([custom], 'https://acme.example-crm.com/t/1')?.id).toBe('custom-1');
    expect(siteForUrl([{ ...custom, enabled: false }], 'https://acme.example-crm.com/t/1')).toBeUndefined();
    expect(siteForUrl([custom], 'https://example.org/')).toBeUndefined();
  });

  it('reads enabled sites from raw storage and ignores anything malformed', () => {
    expect(
      enabledSitesFromStored({
        sites: [custom, { ...custom, enabled: false }, { ...custom, matches: ['x'] }, null, 7],
      }),
    ).toEqual([custom]);
    expect(enabledSitesFromStored(undefined)).toEqual([]);
    expect(enabledSitesFromStored({ sites: 'no' })).toEqual([]);
  });
});

describe('selector overrides', () => {
  const url = 'https://acme.example-crm.com/t/77';
  const doc = parseHtml(
    `<title>Desk</title><h1>Ticket 77</h1><div class="subj">Card frozen abroad</div><span id="who">Ana</span>
     <input id="ref" value="W-123"><div class="reply" contenteditable="true"></div>`,
    url,
  );

  it('reads the named fields instead of what the adapter found', () => {
    const context = applySelectorOverrides(extractCaseContext(doc, new URL(url)), doc, new URL(url), {
      subject: '.subj',
      customerName: '#who',
      customerRef: '#ref',
    });
    expect(context).toMatchObject({ subject: 'Card frozen abroad', customerName: 'Ana', customerRef: 'W-123' });
  });

  it('makes a case from selectors on a page the adapters do not read', () => {
    const empty = parseHtml('<p>hello</p><b class="id">T-9</b>', url);
    expect(applySelectorOverrides(null, empty, new URL(url), { caseId: '.id' })).toMatchObject({
      site: 'custom',
      caseId: 'T-9',
    });
    expect(applySelectorOverrides(null, empty, new URL(url), { caseId: '.missing' })).toBeNull();
  });

  it('ignores selectors that are invalid or find nothing, and finds an overridden reply box', () => {
    const base = extractCaseContext(doc, new URL(url));
    expect(applySelectorOverrides(base, doc, new URL(url), { subject: '[[[', status: '.nope' })).toEqual(base);
    expect(overriddenReplyEditor(doc, { replyEditor: '.reply' })?.className).toBe('reply');
  });
});
