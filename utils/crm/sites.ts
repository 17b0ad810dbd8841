/** Hosts where the bundled demo CRM runs; the only CRM host enabled out of the box. */
export const DEMO_CRM_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];
