import type { CaseContext, CrmAdapter } from './case-context';
import { type CaseField, type CaseFieldSources, readCaseFields, toCaseContext } from './case-fields';
import { deepQuerySelector, type PageSearch, searchPage } from './dom-search';
import { elementText, firstText } from './element-text';
import { newestMessageText, parseTime, writtenBy } from './message-thread';
import { findEditor } from './reply-editor';

// Classic forms (incident.do, sn_customerservice_case.do) give every field the id "<table>.<column>",
// reference fields a visible "sys_display.<table>.<column>" and read-only ones "sys_readonly.…": the
// ids g_form and test tools use. In Next Experience the form sits in the gsft_main iframe, itself in
// the shadow root of the shell's macroponent; deep search reaches it. Workspaces (/now/cwf/agent,
// /now/workspace) render fields as web components, read here by field name and label.

const CLASSIC_TABLES = ['incident', 'sn_customerservice_case'] as const;
const CLASSIC_FORM = /\b(?:incident|sn_customerservice_case)\.do\b/;
const WORKSPACE_PATH = /^\/now\/(?:workspace|cwf\/agent|sow)\//;
const WORKSPACE_RECORD = /\/record\/(?:incident|sn_customerservice_case)\/([0-9a-f]{32})/;

function classicSelectors(table: string): Record<CaseField, string[]> {
  const id = (column: string) => `[id="${table}.${column}"]`;
  const display = (column: string) => `[id="sys_display.${table}.${column}"]`;
  return {
    caseId: [`[id="sys_readonly.${table}.number"]`, id('number')],
    subject: [id('short_description'), `[id="sys_readonly.${table}.short_description"]`],
    customerName: [display('caller_id'), display('contact'), display('consumer')],
    customerRef: [display('account'), display('consumer_profile')],
    channel: [id('contact_type')],
    status: [id('state')],
    description: [id('description'), `[id="sys_readonly.${table}.description"]`],
  };
}

/** Workspace fields by column name, on the field component or its control. */
function workspaceSelectors(column: string): string[] {
  const field = `[data-field-name="${column}"]`;
  return [`${field} >>> input`, `${field} >>> textarea`, `${field} >>> select`, `[name="${column}"]`];
}

const SOURCES: CaseFieldSources[] = [
  ...CLASSIC_TABLES.map((table) => ({ selectors: classicSelectors(table) })),
  {
    selectors: {
      caseId: workspaceSelectors('number'),
      subject: workspaceSelectors('short_description'),
      customerName: [...workspaceSelectors('caller_id'), ...workspaceSelectors('contact')],
      customerRef: workspaceSelectors('account'),
      channel: workspaceSelectors('contact_type'),
      status: workspaceSelectors('state'),
      description: workspaceSelectors('description'),
    },
    labels: {
      caseId: ['number', '编号'],
      subject: ['short description', '简短描述'],
      customerName: ['caller', 'contact', 'consumer', '呼叫方', '联系人', '消费者'],
      customerRef: ['account', 'wallet id', '客户', '钱包账户'],
      channel: ['channel', '渠道'],
      status: ['state', '状态'],
      description: ['description', '描述'],
    },
  },
];

/** Activity stream entries; the stream lists newest first by default, so their times decide. */
const ACTIVITY_ENTRY = '.h-card, [data-activity-id]';
const ACTIVITY_AUTHOR = '.sn-card-component-createdby, [data-activity-author]';
const ACTIVITY_TIME = '.date-calendar, .sn-card-component-time, time';
const ACTIVITY_BODY = ['.sn-widget-textblock-body', '[data-activity-body]'];

const REPLY_EDITOR_SELECTORS = [
  // "Additional comments (Customer visible)": the journal the customer reads.
  'textarea#activity-stream-comments-textarea',
  'textarea#activity-stream-textarea',
  '[id="incident.comments"]',
  '[id="sn_customerservice_case.comments"]',
  'textarea[aria-label*="Additional comments" i]',
  'textarea[aria-label*="附加注释"]',
  '[data-field-name="comments"] >>> textarea',
];

/** The classic form named anywhere in the URL: directly, in nav_to.do?uri=… or in a Next Experience path. */
function namesClassicForm(url: URL): boolean {
  const target = url.pathname + url.search;
  try {
    return CLASSIC_FORM.test(decodeURIComponent(target));
  } catch {
    // A malformed escape: test the raw text instead.
    return CLASSIC_FORM.test(target);
  }
}

function activityTime(entry: Element): number | null {
  const marker = deepQuerySelector(entry, ACTIVITY_TIME);
  return parseTime(marker?.getAttribute('datetime') ?? marker?.getAttribute('title') ?? elementText(marker));
}

function readFields(search: PageSearch) {
  for (const source of SOURCES) {
    const fields = readCaseFields(search, source);
    if (fields.caseId || fields.subject) return fields;
  }
  return null;
}

function recordIdFromUrl(url: URL): string | null {
  return WORKSPACE_RECORD.exec(url.pathname)?.[1] ?? new URLSearchParams(url.search).get('sys_id');
}

function findReplyEditorIn(search: PageSearch): HTMLElement | null {
  return findEditor(search, REPLY_EDITOR_SELECTORS);
}

function extract(doc: Document, url: URL): CaseContext | null {
  const search = searchPage(doc);
  const fields = readFields(search);
  if (!fields) return null;
  fields.caseId ??= recordIdFromUrl(url);
  const fromCustomer = writtenBy(search.all(ACTIVITY_ENTRY), ACTIVITY_AUTHOR, fields.customerName);
  const latest = newestMessageText(fromCustomer, (entry) => firstText(searchPage(entry), ACTIVITY_BODY), activityTime);
  return toCaseContext('servicenow', url, fields, latest, findReplyEditorIn(search) !== null);
}

/** ServiceNow: classic incident and CSM case forms (also inside gsft_main) and agent workspaces. */
export const servicenowAdapter: CrmAdapter = {
  id: 'servicenow',
  matches: (url) =>
    (url.hostname.endsWith('.service-now.com') || url.hostname.endsWith('.servicenowservices.com')) &&
    (WORKSPACE_PATH.test(url.pathname) || namesClassicForm(url)),
  extract,
  findReplyEditor: (doc) => findReplyEditorIn(searchPage(doc)),
  caseContainer: (doc) => deepQuerySelector(doc, 'form[id$=".do"], main, [role="main"]'),
};
