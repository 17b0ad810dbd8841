import { normalizeText } from '../matcher/normalize';

export type FraudSignal = 'safe-account' | 'code-request' | 'refund-link' | 'remote-access' | 'impersonation';

const ENTITY_EN =
  '(?:the\\s+)?(?:bank|police|cops?|customer\\s+service|support|staff|(?:an?\\s+)?(?:officer|agent|employee)|(?:your|the)\\s+(?:company|wallet|app)|you(?:r\\s+team)?|government|tax\\s+office|court)';
const ENTITY_ZH = '(?:客服|公安|警察|民警|银行|工作人员|官方|平台|检察院|法院|税务|支付宝|微信|钱包)';

/** Patterns of what scammers say and do, in English and Chinese, on normalised (lower-case, NFKC) text. */
const PATTERNS: Record<FraudSignal, RegExp[]> = {
  'safe-account': [
    /\b(?:safe|secure|safety|protected|holding)\s+account\b/,
    /安全(?:账|帐)户|资金(?:监管|保护)(?:账|帐)户|保护(?:账|帐)户/,
  ],
  'code-request': [
    /\b(?:asked|asking|asks|ask|wanted|wants|told|telling)\s+(?:me|him|her|them|us|the customer)?\s*(?:for|to\s+(?:give|read|send|share|tell))\s+(?:him|her|them)?\s*(?:the|my|his|her|their|a)?\s*(?:\w+\s+)?(?:code|otp|pin|password|passcode)/,
    /\b(?:read|give|send|share)\s+(?:out\s+)?(?:the|my|his|her)\s+(?:\w+\s+)?(?:code|otp|pin|password)\s+to\s+(?:him|her|them|the caller)/,
    /(?:对方|他|她|骗子|那人|有人|来电|陌生人|自称)[^，。,.!?！？]{0,8}(?:让|叫|要|要求|问)(?:我|客户|他|她)?[^，。,.!?！？]{0,6}(?:验证码|动态码|校验码|短信码|密码)/,
    /索要[^，。,.!?！？]{0,6}(?:验证码|密码|动态码)/,
  ],
  'refund-link': [
    /\b(?:refund|compensation|claim|rebate)\s+(?:link|url|website|page)\b/,
    /\b(?:click|tap|open)(?:ed|ing)?\s+(?:on\s+)?(?:a|the|this)\s+link\s+(?:to|for)\s+(?:get|receive|claim|a|the|my)?\s*(?:refund|compensation|money back)/,
    /退款链接|理赔链接|赔付链接|退费链接|(?:点|点击|打开)[^，。,.!?！？]{0,6}链接[^，。,.!?！？]{0,6}(?:退款|理赔|赔偿|退费)/,
  ],
  'remote-access': [
    /\b(?:anydesk|teamviewer|rustdesk|quick\s*support|screen\s*shar(?:e|ing)|share\s+(?:my|your|his|her)\s+screen(?!\s*(?:size|shot|protector))|remote\s+(?:control|access|desktop|assistance))\b/,
    /屏幕共享|共享屏幕|远程控制|远程协助|远程桌面|向日葵|视频会议软件/,
  ],
  impersonation: [
    new RegExp(
      `\\b(?:pretend(?:ed|ing|s)?\\s+to\\s+be|claim(?:ed|ing|s)?\\s+to\\s+be|posing\\s+as|posed\\s+as|impersonat(?:ed|ing|es|e))\\s+(?:from\\s+)?${ENTITY_EN}`,
    ),
    new RegExp(
      `\\bsaid\\s+(?:he|she|they)\\s+(?:was|were|is|are)\\s+(?:from\\s+)?${ENTITY_EN}\\b[^.!?]{0,40}\\b(?:account|money|transfer|code|suspend|freeze|investigat)`,
    ),
    new RegExp(`(?:冒充|假冒|假装是?|自称是?|说(?:他|她|自己)?是|称是)[^，。,.!?！？]{0,5}?${ENTITY_ZH}`),
  ],
};

export interface FraudSignalMatch {
  signal: FraudSignal;
  /** The words that raised it, as found in the normalised text. */
  evidence: string;
}

/** Fraud signals in a case or note text: each signal once, with the words that raised it. */
export function detectFraudSignals(text: string): FraudSignalMatch[] {
  const normalized = normalizeText(text).replace(/\s+/g, ' ');
  const found: FraudSignalMatch[] = [];
  for (const [signal, patterns] of Object.entries(PATTERNS) as [FraudSignal, RegExp[]][]) {
    for (const pattern of patterns) {
      const match = pattern.exec(normalized);
      if (match) {
        found.push({ signal, evidence: match[0].trim() });
        break;
      }
    }
  }
  return found;
}
