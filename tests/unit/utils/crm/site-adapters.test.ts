import { afterAll, describe, expect, it } from 'vitest';
import { CRM_ADAPTERS, extractCaseContext } from '@/utils/crm/adapters';
import type { CrmAdapter } from '@/utils/crm/case-context';
import { deepQuerySelector } from '@/utils/crm/dom-search';
import { KNOWN_CRM_SITES } from '@/utils/crm/sites';
import { listCrmFixtures, loadCrmFixture } from './crm-fixtures';

const ADAPTER_BY_ID = new Map(CRM_ADAPTERS.map((adapter) => [adapter.id, adapter]));
const FALLBACK_IDS = new Set(['demo', 'generic']);

describe.each(listCrmFixtures())('fixture %s/%s', (dir, name) => {
  const fixture = loadCrmFixture(dir, name);
  const adapter = ADAPTER_BY_ID.get(dir) as CrmAdapter;
  afterAll(() => fixture.close());

  it('is named after an adapter', () => {
    expect(adapter).toBeDefined();
  });

  it('reads the expected case through the registry', () => {
    const context = extractCaseContext(fixture.doc, fixture.url);
    if (fixture.expected === null) {
      expect(context).toBeNull();
      return;
    }
    const { url: _ignored, ...expected } = fixture.expected;
    expect(context).toEqual({ ...expected, url: fixture.url.href });
  });

  it("is read by the product's own adapter", () => {
    const context = extractCaseContext(fixture.doc, fixture.url);
    if (fixture.expected) expect(context?.site).toBe(dir);
    const otherProducts = CRM_ADAPTERS.filter(
      (other) => other.id !== dir && !FALLBACK_IDS.has(other.id) && other.matches(fixture.url),
    );
    expect(otherProducts.map((other) => other.id)).toEqual([]);
    expect(adapter.matches(fixture.url)).toBe(true);
  });

  // A page with no case may still hold a form; what counts there is that nothing is read.
  if (fixture.expected === null) return;

  it('finds the reply editor exactly where the page has one', () => {
    const editor = adapter.findReplyEditor(fixture.doc);
    const marked = deepQuerySelector(fixture.doc, '[data-fixture-reply-editor]');
    if (fixture.expected?.hasReplyEditor) {
      expect(marked, 'fixture marks its editor').not.toBeNull();
      expect(editor).toBe(marked);
    } else {
      expect(marked, 'fixture marks no editor').toBeNull();
      expect(editor).toBeNull();
    }
  });

  if (!FALLBACK_IDS.has(dir)) {
    it('has a case container to watch', () => {
      expect(adapter.caseContainer(fixture.doc)).not.toBeNull();
    });
  }
});

/** [adapter id, URL, whether the adapter should claim the page] */
const MATCH_CASES: [string, string, boolean][] = [
  ['salesforce', 'https://acme.lightning.force.com/lightning/r/Case/500Hs00001XyZabIAF/view', true],
  ['salesforce', 'https://acme--uat.sandbox.lightning.force.com/lightning/page/home', true],
  ['salesforce', 'https://acme.my.salesforce.com/500Hs00001XyZab', true],
  ['salesforce', 'https://acme.my.salesforce.com/lightning/o/Case/list', true],
  ['salesforce', 'https://acme.my.salesforce.com/setup/home', false],
  ['salesforce', 'https://lightning.force.com.evil.example/lightning/r/Case/500Hs00001XyZabIAF/view', false],
  ['salesforce', 'https://www.salesforce.com/products/service/', false],
  ['zendesk', 'https://walletco.zendesk.com/agent/tickets/48213', true],
  ['zendesk', 'https://walletco.zendesk.com/agent/tickets/48213/events', true],
  ['zendesk', 'https://walletco.zendesk.com/agent/filters/360001', false],
  ['zendesk', 'https://walletco.zendesk.com/hc/en-us/requests/48213', false],
  ['zendesk', 'https://zendesk.com.evil.example/agent/tickets/1', false],
  ['freshdesk', 'https://walletco.freshdesk.com/a/tickets/20417', true],
  ['freshdesk', 'https://walletco.freshdesk.com/a/tickets/20417?current_tab=details', true],
  ['freshdesk', 'https://walletco.freshdesk.com/a/tickets/filters/all_tickets', false],
  ['freshdesk', 'https://walletco.freshdesk.com/support/tickets/20417', false],
  ['servicenow', 'https://acme.service-now.com/incident.do?sys_id=46d44a5dc0a8010e0127a9f5d8a6dbc9', true],
  ['servicenow', 'https://acme.service-now.com/sn_customerservice_case.do?sys_id=8f3b2c1d', true],
  ['servicenow', 'https://acme.service-now.com/nav_to.do?uri=%2Fincident.do%3Fsys_id%3D46d44a5d', true],
  ['servicenow', 'https://acme.service-now.com/now/nav/ui/classic/params/target/incident.do%3Fsys_id%3D1', true],
  ['servicenow', 'https://acme.service-now.com/now/cwf/agent/record/incident/9d385017c611228701d22104cc95c371', true],
  ['servicenow', 'https://acme.service-now.com/now/workspace/agent/record/sn_customerservice_case/8f3b', true],
  ['servicenow', 'https://acme.service-now.com/now/nav/ui/home', false],
  ['servicenow', 'https://acme.service-now.com/incident_list.do', false],
  ['servicenow', 'https://acme.service-now.com/change_request.do?sys_id=1', false],
  ['dynamics', 'https://acme.crm.dynamics.com/main.aspx?appid=1&pagetype=entityrecord&etn=incident&id=2', true],
  ['dynamics', 'https://acme.crm4.dynamics.com/main.aspx?pagetype=entityrecord&etn=incident', true],
  ['dynamics', 'https://acme.crm11.dynamics.com/main.aspx?appid=1&pagetype=dashboard', true],
  ['dynamics', 'https://acme.operations.dynamics.com/main.aspx', false],
  ['dynamics', 'https://acme.crm.dynamics.com/api/data/v9.2/incidents', false],
  ['hubspot', 'https://app.hubspot.com/help-desk/24681357/view/90011223/ticket/18273645501', true],
  ['hubspot', 'https://app.hubspot.com/help-desk/24681357/view/90011223/ticket/18273645501/thread/99', true],
  ['hubspot', 'https://app.hubspot.com/contacts/24681357/ticket/18273645501', true],
  ['hubspot', 'https://app-eu1.hubspot.com/contacts/24681357/record/0-5/18273649902', true],
  ['hubspot', 'https://app.hubspot.com/contacts/24681357/record/0-1/51', false],
  ['hubspot', 'https://app.hubspot.com/help-desk/24681357/view/90011223', false],
  ['hubspot', 'https://www.hubspot.com/products/service/help-desk', false],
  ['zoho-desk', 'https://desk.zoho.com/support/walletco/ShowHomePage.do#Cases/dv/412830000012345678', true],
  ['zoho-desk', 'https://desk.zoho.eu/agent/walletco/support/tickets/details/412830000012345678', true],
  ['zoho-desk', 'https://desk.zoho.com.cn/agent/walletco/support/tickets/details/533920000004567890', true],
  ['zoho-desk', 'https://desk.zoho.com/support/walletco/ShowHomePage.do#Cases', false],
  ['zoho-desk', 'https://desk.zoho.com/agent/walletco/support/tickets/list/all-cases', false],
  ['zoho-desk', 'https://crm.zoho.com/crm/org1/tab/Cases/412830000012345678', false],
];

describe('matches()', () => {
  it.each(MATCH_CASES)('%s: %s → %s', (id, url, expected) => {
    expect(ADAPTER_BY_ID.get(id)?.matches(new URL(url))).toBe(expected);
  });
});

/** Whether a WebExtension match pattern such as "https://*.zendesk.com/*" covers `url`. */
function patternCovers(pattern: string, url: URL): boolean {
  const [, scheme, host, path] = /^(\w+):\/\/([^/]+)(\/.*)$/.exec(pattern) ?? [];
  if (!scheme || !host || !path || `${scheme}:` !== url.protocol) return false;
  const hostMatches = host.startsWith('*.')
    ? url.hostname === host.slice(2) || url.hostname.endsWith(host.slice(1))
    : url.hostname === host;
  const pathPattern = new RegExp(`^${path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return hostMatches && pathPattern.test(url.pathname + url.search);
}

describe('KNOWN_CRM_SITES', () => {
  const productAdapters = CRM_ADAPTERS.filter((adapter) => !FALLBACK_IDS.has(adapter.id));

  it('lists every product adapter once, and nothing else', () => {
    expect(KNOWN_CRM_SITES.map((site) => site.id).sort()).toEqual(productAdapters.map((adapter) => adapter.id).sort());
  });

  it.each(MATCH_CASES.filter(([, , expected]) => expected))('grants %s the hosts it reads: %s', (id, url) => {
    const site = KNOWN_CRM_SITES.find((known) => known.id === id);
    expect(site?.matches.some((pattern) => patternCovers(pattern, new URL(url)))).toBe(true);
  });

  it('keeps the generic adapter last and the demo adapter after the products', () => {
    const ids = CRM_ADAPTERS.map((adapter) => adapter.id);
    expect(ids.at(-1)).toBe('generic');
    expect(ids.at(-2)).toBe('demo');
  });
});
