export type MaskKind = 'card' | 'cvv' | 'otp' | 'password' | 'national-id' | 'bank-account';

export interface MaskedSpan {
  kind: MaskKind;
  /** Offsets in the original text. */
  start: number;
  end: number;
}

export interface Redaction {
  /** The text with every masked character replaced by •; same length as the original. */
  text: string;
  masked: MaskedSpan[];
}

export const MASK_CHAR = '•';

/** Keywords that make a number an id to keep: order, transaction and reference numbers. */
const ID_LABEL =
  /(?:订单号?|交易号|交易单号|流水号|单号|工单号?|参考号|编号|order(?:\s*(?:id|no\.?|number|#))?|transaction(?:\s*(?:id|no\.?|number|#))?|txn(?:\s*id)?|ref(?:erence)?(?:\s*(?:id|no\.?|number|#))?|case(?:\s*(?:id|no\.?|number|#))?|ticket)\s*[:：#]?\s*$/i;

const GROUPED_DIGITS = /(?<![\dA-Za-z])\d(?:[ -]?\d){12,18}(?![\dA-Za-z])/g;
const ID_CANDIDATE = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g;
const CLAUSE_GAP = '[^\\d。.!?;；！？\\n]{0,12}?';
const OTP_WORD =
  '(?:验证码|动态码|校验码|短信码|动态密码|otp|one[-\\s]?time\\s*(?:pass)?code|verification\\s*code|passcode|sms\\s*code|\\bcode)';
const CONNECTOR = '(?:\\bis\\b|\\bwas\\b|是|为|:|：|=|就是)';
const CVV =
  /(?:cvv2?|cvc2?|cvn|security\s*code|安全码|卡背面(?:的)?(?:三|3)位数?(?:字)?)\s*(?:is|was|是|为|:|：|=)?\s*(\d{3,4})(?!\d)/gi;
/** A keyword, then every 4-8 digit run in the rest of its clause: "验证码：第一次 502318，第二次 502319". */
const OTP_CLAUSE = new RegExp(`${OTP_WORD}([^。.!?;；！？\\n]{0,40})`, 'gi');
const OTP_DIGITS = /(?<![\d.,A-Za-z-])(\d{4,8})(?![\d:/-]|[.,]\d|\s*位)/g;
const OTP_BEFORE = new RegExp(`(?<![\\d.,:/-])(\\d{4,8})\\s*${CONNECTOR}${CLAUSE_GAP}${OTP_WORD}`, 'gi');
const PASSWORD_WORD = '(?:支付密码|登录密码|交易密码|取款密码|密码|password|passcode|pin(?:\\s*code)?)';
const SECRET_VALUE = '([A-Za-z0-9!@#$%^&*._-]{4,32})';
const PASSWORD = new RegExp(
  `${PASSWORD_WORD}(\\s*(?:${CONNECTOR}|就是|设的是|设置的是))?\\s*[(（]?\\s*${SECRET_VALUE}`,
  'gi',
);
const PASSWORD_BEFORE = new RegExp(
  `(?<![A-Za-z0-9])${SECRET_VALUE}\\s+(?:is|was)\\s+(?:the|my|her|his|their|our)?\\s*${PASSWORD_WORD}`,
  'gi',
);
/** Words that say what a password is like rather than what it is: "password is incorrect". */
const STATE_WORDS =
  /^(?:incorrect|wrong|invalid|correct|required|reset|changed|expired|locked|weak|strong|too|not|the|a|an|same|different|still|case|lost|missing|blank|empty|fine|ok|okay|working|disclosed|unknown|new|old|long|short|right|mine|hers|his|theirs)$/i;
const ACCOUNT =
  /(?:银行账号|收款账号|账号|卡号|account\s*(?:number|no\.?|#)?|acct\.?(?:\s*(?:number|no\.?))?)\s*(?:is|was|是|为|:|：)?\s*(\d(?:[ -]?\d){7,29})(?![\dA-Za-z])/gi;

function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

/** The Luhn checksum that payment card numbers carry. */
export function isLuhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let digit = digits.charCodeAt(i) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** A PRC resident ID number: 17 digits, a plausible birth date and the right check character. */
export function isResidentId(value: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(value)) return false;
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return false;
  const sum = ID_WEIGHTS.reduce((total, weight, i) => total + weight * Number(value[i]), 0);
  return ID_CHECK[sum % 11] === value[17]!.toUpperCase();
}

/** "尾号 8831", "ending 0005": the last digits of a card or phone, safe to keep. */
const LAST_DIGITS_LABEL =
  /(?:尾号|后四位|后4位|ending(?:\s*in)?|last\s*(?:4|four)(?:\s*digits)?)\s*(?:是|为|:|：)?\s*$/i;

function labelledAsId(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 24), start);
  return ID_LABEL.test(before) || LAST_DIGITS_LABEL.test(before);
}

function* groupMatches(pattern: RegExp, text: string, group: number) {
  for (const match of text.matchAll(pattern)) {
    const value = match[group];
    if (value === undefined) continue;
    const start = match.index + match[0].indexOf(value);
    yield { value, start, end: start + value.length };
  }
}

/** A password value must look like one: a digit in it, or said with "is / 是 / :" and not a describing word. */
function looksLikePassword(value: string, saidWithConnector: boolean): boolean {
  if (/\d/.test(value)) return true;
  return saidWithConnector && !STATE_WORDS.test(value) && !/^[a-z]+ed$/.test(value);
}

function findSpans(text: string): MaskedSpan[] {
  const spans: MaskedSpan[] = [];
  for (const { value, start, end } of groupMatches(GROUPED_DIGITS, text, 0)) {
    const digits = digitsOf(value);
    if (digits.length >= 13 && digits.length <= 19 && isLuhnValid(digits) && !labelledAsId(text, start)) {
      spans.push({ kind: 'card', start, end });
    }
  }
  for (const { value, start, end } of groupMatches(ID_CANDIDATE, text, 0)) {
    if (isResidentId(value) && !labelledAsId(text, start)) spans.push({ kind: 'national-id', start, end });
  }
  for (const span of groupMatches(CVV, text, 1)) spans.push({ kind: 'cvv', start: span.start, end: span.end });
  for (const match of text.matchAll(OTP_CLAUSE)) {
    const clause = match[1]!;
    const clauseStart = match.index + match[0].length - clause.length;
    for (const digits of clause.matchAll(OTP_DIGITS)) {
      const start = clauseStart + digits.index;
      if (!labelledAsId(text, start)) spans.push({ kind: 'otp', start, end: start + digits[1]!.length });
    }
  }
  for (const span of groupMatches(OTP_BEFORE, text, 1)) spans.push({ kind: 'otp', start: span.start, end: span.end });
  for (const match of text.matchAll(PASSWORD)) {
    const value = match[2]!;
    if (!looksLikePassword(value, match[1] !== undefined)) continue;
    const start = match.index + match[0].lastIndexOf(value);
    spans.push({ kind: 'password', start, end: start + value.length });
  }
  for (const span of groupMatches(PASSWORD_BEFORE, text, 1)) {
    if (looksLikePassword(span.value, true)) spans.push({ kind: 'password', start: span.start, end: span.end });
  }
  for (const span of groupMatches(ACCOUNT, text, 1))
    spans.push({ kind: 'bank-account', start: span.start, end: span.end });
  return spans;
}

/** Overlapping finds become one span; the earlier-listed, more specific kind wins. */
function mergeSpans(spans: MaskedSpan[]): MaskedSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: MaskedSpan[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.end) {
      last.end = Math.max(last.end, span.end);
      continue;
    }
    merged.push({ ...span });
  }
  return merged;
}

/** Card and account numbers keep their last four digits so the agent can still refer to them. */
function maskValue(kind: MaskKind, value: string): string {
  const keepLast = kind === 'card' || kind === 'bank-account' ? 4 : 0;
  let digitsLeft = keepLast;
  const chars = [...value];
  for (let i = chars.length - 1; i >= 0; i--) {
    const char = chars[i]!;
    if (char === ' ' || char === '-') continue;
    if (digitsLeft > 0 && /\d/.test(char)) {
      digitsLeft--;
      continue;
    }
    chars[i] = MASK_CHAR;
  }
  return chars.join('');
}

/**
 * Masks card numbers (Luhn-valid), CVV/CVC values, one-time codes, passwords and PINs said
 * aloud, PRC resident ID numbers and bank account numbers. Amounts, dates, times, phone
 * numbers, order and transaction ids and case numbers are left alone.
 */
export function redact(text: string): Redaction {
  const masked = mergeSpans(findSpans(text));
  let out = '';
  let cursor = 0;
  for (const span of masked) {
    out += text.slice(cursor, span.start) + maskValue(span.kind, text.slice(span.start, span.end));
    cursor = span.end;
  }
  return { text: out + text.slice(cursor), masked };
}
