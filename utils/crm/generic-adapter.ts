import { type CaseContext, type CrmAdapter, cleanText } from './case-context';

type LabelledField = Exclude<keyof CaseContext, 'site' | 'url' | 'hasReplyEditor' | 'latestMessage'>;

/** Field labels as ticketing pages print them, in English and Chinese, lower case. */
const FIELD_LABELS: Record<LabelledField, string[]> = {
  caseId: [
    'case number',
    'case no',
    'case #',
    'case id',
    'ticket',
    'ticket #',
    'ticket id',
    'ticket number',
    'ticket no',
    'incident',
    'incident number',
    'request id',
    'reference',
    '工单号',
    '工单编号',
    '工单',
    '案件编号',
    '服务单号',
    '单号',
    '编号',
  ],
  subject: ['subject', 'title', 'summary', 'issue', 'topic', '主题', '标题', '摘要', '问题摘要', '事由'],
  customerName: [
    'customer',
    'customer name',
    'requester',
    'requestor',
    'contact',
    'contact name',
    'caller',
    'name',
    '客户',
    '客户姓名',
    '客户名称',
    '联系人',
    '请求人',
    '来电人',
    '姓名',
  ],
  customerRef: [
    'account',
    'account number',
    'account ref',
    'customer id',
    'customer reference',
    'customer ref',
    'member id',
    '账户',
    '账号',
    '账户号',
    '客户编号',
    '会员号',
  ],
  channel: ['channel', 'origin', 'source', 'via', '渠道', '来源', '来电渠道'],
  status: ['status', 'state', '状态', '工单状态'],
  description: [
    'description',
    'problem description',
    'details',
    'issue description',
    'problem',
    '问题描述',
    '描述',
    '详情',
    '问题详情',
    '问题',
  ],
};

const LABEL_TO_FIELD = new Map<string, LabelledField>(
  (Object.entries(FIELD_LABELS) as [LabelledField, string[]][]).flatMap(([field, labels]) =>
    labels.map((label) => [label, field] as const),
  ),
);

const MAX_LABEL_LENGTH = 24;
const REPLY_EDITOR_SELECTOR = [
  'textarea[name*="reply" i]',
  'textarea[id*="reply" i]',
  'textarea[aria-label*="reply" i]',
  '[contenteditable="true"][aria-label*="reply" i]',
  '[contenteditable="true"][id*="reply" i]',
  'textarea[placeholder*="回复"]',
  '[contenteditable="true"]',
  'textarea',
].join(',');

function normaliseLabel(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[:：*]\s*$/, '')
    .trim()
    .toLowerCase();
}

/** The value that belongs to a label element: the paired cell, control or next sibling. */
function valueOfLabel(label: Element): string | null {
  const doc = label.ownerDocument;
  if (label.tagName === 'DT') return cleanText(nextElement(label, 'DD')?.textContent);
  if (label.tagName === 'TH') return cleanText(label.nextElementSibling?.textContent);
  if (label.tagName === 'LABEL') {
    const forId = label.getAttribute('for');
    const control = forId ? doc.getElementById(forId) : label.querySelector('input, textarea, select');
    if (control) return cleanText(controlValue(control));
  }
  const sibling = label.nextElementSibling;
  if (sibling) return cleanText(controlValue(sibling));
  return null;
}

function nextElement(el: Element, tagName: string): Element | null {
  for (let next = el.nextElementSibling; next; next = next.nextElementSibling) {
    if (next.tagName === tagName) return next;
  }
  return null;
}

function controlValue(el: Element): string | null {
  if (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') return (el as HTMLInputElement).value;
  if (el.tagName === 'SELECT') return (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? null;
  return el.textContent;
}

/** Reads "Label: value" pairs from definition lists, tables, form labels and label-like spans. */
function readLabelledFields(doc: Document): Partial<Record<LabelledField, string>> {
  const found: Partial<Record<LabelledField, string>> = {};
  const candidates = doc.body?.querySelectorAll('dt, th, label, [class*="label" i], strong, b, span') ?? [];
  for (const candidate of candidates) {
    const text = candidate.textContent ?? '';
    if (text.length > MAX_LABEL_LENGTH + 2) continue;
    const field = LABEL_TO_FIELD.get(normaliseLabel(text));
    if (!field || found[field]) continue;
    const value = valueOfLabel(candidate);
    if (value && normaliseLabel(value) !== normaliseLabel(text)) found[field] = value;
  }
  return found;
}

const CASE_ID_IN_TEXT =
  /(?:#|\b(?:case|ticket|incident)\s*(?:no\.?|number|#)?\s*:?\s*)([A-Z]{0,5}-?\d{3,12})\b|(?:工单|案件)\s*[#号:：]?\s*([A-Z]{0,5}-?\d{3,12})/i;

function caseIdFromText(text: string): string | null {
  const match = CASE_ID_IN_TEXT.exec(text);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

function latestThreadMessage(doc: Document): string | null {
  const messages = doc.querySelectorAll(
    '[data-author="customer"], [class*="message" i][class*="customer" i], [class*="message" i][class*="inbound" i], [class*="comment" i][class*="public" i]',
  );
  return cleanText(messages[messages.length - 1]?.textContent);
}

function findReplyEditor(doc: Document): HTMLElement | null {
  return doc.querySelector<HTMLElement>(REPLY_EDITOR_SELECTOR);
}

function extract(doc: Document, url: URL): CaseContext | null {
  const fields = readLabelledFields(doc);
  const title = cleanText(doc.title);
  const heading = cleanText(doc.querySelector('h1')?.textContent);
  const caseId = fields.caseId ?? caseIdFromText(`${heading ?? ''} ${title ?? ''}`);
  const subject = fields.subject ?? (caseId ? heading : null);
  if (!caseId && !subject) return null;
  return {
    site: 'generic',
    url: url.href,
    caseId: caseId ?? null,
    subject: subject ?? null,
    customerName: fields.customerName ?? null,
    customerRef: fields.customerRef ?? null,
    channel: fields.channel ?? null,
    status: fields.status ?? null,
    description: fields.description ?? null,
    latestMessage: latestThreadMessage(doc),
    hasReplyEditor: findReplyEditor(doc) !== null,
  };
}

/** Fallback for ticketing pages that no site adapter knows: labelled fields, headings and title. */
export const genericAdapter: CrmAdapter = {
  id: 'generic',
  matches: () => true,
  extract,
  findReplyEditor,
  caseContainer: (doc) => doc.querySelector('main, [role="main"]'),
};
