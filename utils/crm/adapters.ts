import type { CaseContext, CrmAdapter } from './case-context';
import { demoAdapter } from './demo-adapter';
import { dynamicsAdapter } from './dynamics-adapter';
import { freshdeskAdapter } from './freshdesk-adapter';
import { genericAdapter } from './generic-adapter';
import { hubspotAdapter } from './hubspot-adapter';
import { salesforceAdapter } from './salesforce-adapter';
import { servicenowAdapter } from './servicenow-adapter';
import { zendeskAdapter } from './zendesk-adapter';
import { zohoDeskAdapter } from './zoho-desk-adapter';

/** Adapters in the order they are tried: products with their own adapter, the demo console, then the generic fallback. */
export const CRM_ADAPTERS: readonly CrmAdapter[] = [
  salesforceAdapter,
  zendeskAdapter,
  freshdeskAdapter,
  servicenowAdapter,
  dynamicsAdapter,
  hubspotAdapter,
  zohoDeskAdapter,
  demoAdapter,
  genericAdapter,
];

/** The adapters that know `url`, most specific first. */
export function adaptersFor(url: URL, adapters: readonly CrmAdapter[] = CRM_ADAPTERS): CrmAdapter[] {
  return adapters.filter((adapter) => adapter.matches(url));
}

/** Reads the case on a page with the first adapter that finds one. */
export function extractCaseContext(
  doc: Document,
  url: URL,
  adapters: readonly CrmAdapter[] = CRM_ADAPTERS,
): CaseContext | null {
  for (const adapter of adaptersFor(url, adapters)) {
    const context = adapter.extract(doc, url);
    if (context) return context;
  }
  return null;
}
