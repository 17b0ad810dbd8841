import { type CaseContext, type CrmAdapter, cleanText } from './case-context';
import { type CaseField, labelMap, toCaseContext } from './case-fields';
import { type PageSearch, searchPage } from './dom-search';
import { elementText, firstText } from './element-text';
import { readLabelledValues } from './labelled-fields';
import { newestMessageText } from './message-thread';
import { findEditor, RICH_EDITOR_SELECTORS } from './reply-editor';

/** Field labels as ticketing pages print them, in English and Chinese, lower case. */
const FIELD_LABELS: Record<CaseField, string[]> = {
  caseId: [
    'case number',
    'case no',
    'case no.',
    'case #',
    'case id',
    'ticket',
    'ticket #',
    'ticket id',
    'ticket number',
    'ticket no',
    'ticket no.',
    'incident',
    'incident number',
    'request id',
    'request #',
    'request number',
    'issue key',
    'reference',
    '工单号',
    '工单编号',
    '工单号码',
    '工单id',
    '工单',
    '案件编号',
    '服务单号',
    '服务请求号',
    '投诉单号',
    '事件编号',
    '单号',
    '编号',
  ],
  subject: [
    'subject',
    'title',
    'summary',
    'issue',
    'topic',
    'ticket subject',
    'case subject',
    'short description',
    '主题',
    '标题',
    '摘要',
    '问题摘要',
    '工单标题',
    '问题标题',
    '事由',
  ],
  customerName: [
    'customer',
    'customer name',
    'requester',
    'requester name',
    'requestor',
    'reporter',
    'contact',
    'contact name',
    'caller',
    'client',
    'client name',
    'end user',
    'submitted by',
    'user',
    'name',
    '客户',
    '客户姓名',
    '客户名称',
    '联系人',
    '请求人',
    '提交人',
    '申请人',
    '来电人',
    '用户',
    '用户姓名',
    '姓名',
  ],
  customerRef: [
    'account',
    'account number',
    'account id',
    'account ref',
    'customer id',
    'customer number',
    'customer no',
    'customer reference',
    'customer ref',
    'member id',
    'user id',
    'wallet id',
    'wallet account',
    '账户',
    '账号',
    '账户号',
    '账户编号',
    '客户编号',
    '客户号',
    '用户id',
    '钱包账户',
    '钱包账号',
    '会员号',
  ],
  channel: [
    'channel',
    'origin',
    'source',
    'via',
    'contact type',
    'received via',
    '渠道',
    '来源',
    '来源渠道',
    '受理渠道',
    '接入渠道',
    '来电渠道',
  ],
  status: ['status', 'state', 'ticket status', 'case status', '状态', '工单状态', '处理状态', '当前状态'],
  description: [
    'description',
    'problem description',
    'issue description',
    'details',
    'issue details',
    'request details',
    'problem',
    '问题描述',
    '问题说明',
    '详细描述',
    '工单描述',
    '描述',
    '详情',
    '问题详情',
    '问题内容',
    '问题',
  ],
};

const LABEL_TO_FIELD = labelMap(FIELD_LABELS);

/** Longest believable value per field, so a label next to a whole panel does not swallow it. */
const MAX_VALUE_LENGTH: Partial<Record<CaseField, number>> = {
  caseId: 40,
  subject: 240,
  customerName: 80,
  customerRef: 80,
  channel: 40,
  status: 40,
};

const HEADING_SELECTORS = ['h1', '[role="heading"][aria-level="1"]', 'h2', 'h3'];
/** How many headings are tried for a subject when the first only names the ticket. */
const MAX_SUBJECT_HEADINGS = 6;
/** Customer cards that print the name without a label. */
const CUSTOMER_NAME_HINTS = [
  '[data-customer-name]',
  '[class*="customer" i][class*="name" i]',
  '[class*="requester" i][class*="name" i]',
  '[class*="contact" i][class*="name" i]',
];

const CASE_ID_IN_TEXT = [
  /(?:#|\b(?:case|ticket|incident|request)\s*(?:no\.?|number|#)?\s*:?\s*)([A-Z]{0,5}-?\d{3,12})\b/i,
  /(?:工单|案件|单号)\s*[#号:：]?\s*([A-Z]{0,5}-?\d{3,12})/i,
  // Issue keys in brackets, as Jira-like tools put them in the title: "[WS-1042] Card declined".
  /\[([A-Z][A-Z0-9]{1,9}-\d{1,7})\]/,
];

/** Elements that may be one message of a conversation. */
const MESSAGE_CANDIDATES = [
  '[data-author]',
  '[data-author-type]',
  '[data-author-role]',
  '[data-from]',
  '[data-sender]',
  '[data-sender-type]',
  '[data-role]',
  '[data-thread-type]',
  '[data-message-type]',
  '[data-direction]',
  'article',
  'li',
  '[role="article"]',
  '[role="listitem"]',
  '[class*="message" i]',
  '[class*="comment" i]',
  '[class*="reply" i]',
  '[class*="conversation" i]',
  '[class*="thread" i]',
  '[class*="chat" i]',
].join(',');
const AUTHOR_ATTRIBUTES = [
  'data-author',
  'data-author-type',
  'data-author-role',
  'data-from',
  'data-sender',
  'data-sender-type',
  'data-role',
  'data-thread-type',
  'data-message-type',
  'data-direction',
];
const CUSTOMER_WORDS = [
  'customer',
  'requester',
  'requestor',
  'end-user',
  'enduser',
  'end_user',
  'client',
  'contact',
  'inbound',
  'incoming',
  'visitor',
  'guest',
  '客户',
  '用户',
];
const AGENT_WORDS = [
  'agent',
  'staff',
  'support',
  'operator',
  'internal',
  'note',
  'outbound',
  'outgoing',
  'admin',
  'system',
  'bot',
  'private',
  'response',
  '客服',
  '坐席',
  '内部',
];
const MESSAGE_LIKE = /message|comment|reply|conversation|thread|post|chat|bubble|email|entry/i;
const MESSAGE_BODY_SELECTORS = [
  '[data-message-body]',
  '[class*="body" i]',
  '[class*="content" i]',
  '[class*="text" i]',
  'blockquote',
  'p',
];
const AUTHOR_NAME = '[data-author-name], [class*="author" i], [class*="sender" i], [class*="from" i]';
const MAX_MESSAGE_CANDIDATES = 4000;

const REPLY_EDITOR_SELECTORS = [
  'textarea[name*="reply" i]',
  'textarea[id*="reply" i]',
  'textarea[aria-label*="reply" i]',
  'textarea[placeholder*="reply" i]',
  '[contenteditable][aria-label*="reply" i]',
  '[contenteditable][id*="reply" i]',
  'textarea[placeholder*="回复"]',
  'textarea[aria-label*="回复"]',
  '[contenteditable][aria-label*="回复"]',
  'textarea[name*="response" i]',
  'textarea[name*="comment" i]',
  'textarea[name*="message" i]',
  ...RICH_EDITOR_SELECTORS,
  '[contenteditable]',
  'textarea',
];

function caseIdFromText(text: string): string | null {
  for (const pattern of CASE_ID_IN_TEXT) {
    const match = pattern.exec(text);
    if (match?.[1]) return match[1];
  }
  return null;
}

/** A heading such as "Ticket #4821 – Card blocked" without its number: "Card blocked". */
function subjectFromHeading(heading: string, caseId: string): string | null {
  if (!heading.includes(caseId)) return heading;
  const at = heading.indexOf(caseId);
  const around = [heading.slice(0, at), heading.slice(at + caseId.length)].map((part) =>
    part
      .replace(/\b(?:case|ticket|incident|request)\s*(?:no\.?|number)?\s*[#:：]?\s*$/i, '')
      .replace(/(?:工单|案件)\s*[#号:：]?\s*$/, '')
      .replace(/^[\s\-–—|:：#\])]+|[\s\-–—|:：#[(]+$/g, ''),
  );
  return cleanText(around.filter(Boolean).join(' '));
}

/** Who wrote a message according to its own attributes or class names, when it says. */
function authorKind(message: Element): 'customer' | 'agent' | null {
  const said = [
    ...AUTHOR_ATTRIBUTES.map((name) => message.getAttribute(name) ?? ''),
    message.getAttribute('class') ?? '',
  ];
  for (const value of said) {
    const text = value.toLowerCase();
    if (!text) continue;
    const customer = CUSTOMER_WORDS.some((word) => text.includes(word));
    const agent = AGENT_WORDS.some((word) => text.includes(word));
    if (customer !== agent) return customer ? 'customer' : 'agent';
  }
  return null;
}

function isMessageLike(el: Element): boolean {
  if (el.tagName === 'ARTICLE' || el.tagName === 'LI') return true;
  if (AUTHOR_ATTRIBUTES.some((name) => el.hasAttribute(name))) return true;
  return MESSAGE_LIKE.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('role') ?? ''}`);
}

function sameName(a: string | null, b: string | null): boolean {
  if (!a || !b) return false;
  const left = a.toLowerCase();
  const right = b.toLowerCase();
  return left === right || left.includes(right) || right.includes(left);
}

/** A message that names one author, the customer; a box with several authors is a whole thread. */
function signedByCustomer(el: Element, customerName: string): boolean {
  const authors = el.querySelectorAll(AUTHOR_NAME);
  return authors.length === 1 && sameName(elementText(authors[0]), customerName);
}

/**
 * Messages written by the customer: marked so by attributes or class names (innermost match kept),
 * or, when a thread marks nobody, signed with the customer's name (outermost match kept, so the
 * message rather than its header).
 */
function customerMessages(search: PageSearch, customerName: string | null): Element[] {
  const candidates = search.all(MESSAGE_CANDIDATES).slice(0, MAX_MESSAGE_CANDIDATES).filter(isMessageLike);
  const kinds = candidates.map(authorKind);
  const marked = candidates.filter((_, i) => kinds[i] === 'customer');
  if (marked.length > 0) {
    // In page order an element's descendants come right after it, so checking the next one is enough.
    return marked.filter((el, i) => !marked[i + 1] || !el.contains(marked[i + 1]!));
  }
  if (!customerName) return [];
  const signed = candidates.filter((el, i) => kinds[i] !== 'agent' && signedByCustomer(el, customerName));
  // An element's descendants follow it in page order, so only the last one kept can contain the next.
  const outermost: Element[] = [];
  for (const el of signed) if (!outermost.at(-1)?.contains(el)) outermost.push(el);
  return outermost;
}

function messageBody(message: Element): string | null {
  return firstText(searchPage(message), MESSAGE_BODY_SELECTORS) ?? elementText(message);
}

function findReplyEditorIn(search: PageSearch): HTMLElement | null {
  return findEditor(search, REPLY_EDITOR_SELECTORS);
}

/** Heading texts in order of importance: h1s first, then h2s and h3s. */
function headings(search: PageSearch): string[] {
  return HEADING_SELECTORS.flatMap((selector) => search.all(selector))
    .slice(0, MAX_SUBJECT_HEADINGS)
    .map((heading) => elementText(heading))
    .filter((text): text is string => text !== null);
}

/** The first heading that says more than the ticket number, such as a subject under "Ticket #4821". */
function subjectFromHeadings(texts: readonly string[], caseId: string): string | null {
  for (const text of texts) {
    const subject = subjectFromHeading(text, caseId);
    if (subject) return subject;
  }
  return null;
}

function readCase(doc: Document, url: URL): CaseContext | null {
  const search = searchPage(doc);
  const fields = readLabelledValues(search, LABEL_TO_FIELD, { maxLength: MAX_VALUE_LENGTH });
  const headingTexts = headings(search);
  const caseId =
    fields.caseId?.replace(/^#\s*/, '') ?? caseIdFromText(`${headingTexts[0] ?? ''} ${cleanText(doc.title) ?? ''}`);
  const subject = fields.subject ?? (caseId ? subjectFromHeadings(headingTexts, caseId) : null);
  if (!caseId && !subject) return null;
  const customerName = fields.customerName ?? firstText(search, CUSTOMER_NAME_HINTS);
  const latestMessage = newestMessageText(customerMessages(search, customerName), messageBody);
  return toCaseContext(
    'generic',
    url,
    {
      caseId: caseId ?? null,
      subject: subject ?? null,
      customerName,
      customerRef: fields.customerRef ?? null,
      channel: fields.channel ?? null,
      status: fields.status ?? null,
      description: fields.description ?? null,
    },
    latestMessage,
    findReplyEditorIn(search) !== null,
  );
}

/** Fallback for ticketing pages that no site adapter knows: labelled fields, headings, title and thread. */
export const genericAdapter: CrmAdapter = {
  id: 'generic',
  matches: () => true,
  extract: (doc, url) => {
    try {
      return readCase(doc, url);
    } catch {
      // Any page on the web can end up here; a strange one must not break the content script.
      return null;
    }
  },
  findReplyEditor: (doc) => findReplyEditorIn(searchPage(doc)),
  caseContainer: (doc) => doc.querySelector('main, [role="main"]'),
};
