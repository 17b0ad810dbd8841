/** Hosts where the bundled demo CRM runs; the only CRM host enabled out of the box. */
export const DEMO_CRM_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];

export interface KnownCrmSite {
  /** The id of the site adapter that reads this product. */
  id: string;
  name: string;
  /** Match patterns for the product's hosts, to request as optional host permissions. */
  matches: string[];
}

/**
 * CRM products with their own site adapter. Match patterns cannot say "crm<N>.dynamics.com" or
 * "a ticket path", so they cover whole hosts; the adapters decide which pages hold a case.
 */
export const KNOWN_CRM_SITES: readonly KnownCrmSite[] = [
  {
    id: 'salesforce',
    name: 'Salesforce Service Cloud',
    matches: ['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*'],
  },
  { id: 'zendesk', name: 'Zendesk', matches: ['https://*.zendesk.com/*'] },
  { id: 'freshdesk', name: 'Freshdesk', matches: ['https://*.freshdesk.com/*'] },
  {
    id: 'servicenow',
    name: 'ServiceNow',
    matches: ['https://*.service-now.com/*', 'https://*.servicenowservices.com/*'],
  },
  { id: 'dynamics', name: 'Dynamics 365 Customer Service', matches: ['https://*.dynamics.com/*'] },
  {
    id: 'hubspot',
    name: 'HubSpot Service Hub',
    matches: ['https://app.hubspot.com/*', 'https://app-eu1.hubspot.com/*'],
  },
  {
    id: 'zoho-desk',
    name: 'Zoho Desk',
    matches: [
      'https://desk.zoho.com/*',
      'https://desk.zoho.eu/*',
      'https://desk.zoho.in/*',
      'https://desk.zoho.com.au/*',
      'https://desk.zoho.jp/*',
      'https://desk.zoho.com.cn/*',
    ],
  },
];

/** What Options may ask for: every known product, and any https site for custom CRMs. */
export const OPTIONAL_CRM_MATCHES = [...new Set([...KNOWN_CRM_SITES.flatMap((site) => site.matches), 'https://*/*'])];
