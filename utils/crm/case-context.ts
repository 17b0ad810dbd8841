/** What the panel knows about the case open on a CRM page. Text only: never HTML. */
export interface CaseContext {
  /** Adapter that read the page, e.g. "demo" or "generic". */
  site: string;
  url: string;
  caseId: string | null;
  subject: string | null;
  customerName: string | null;
  customerRef: string | null;
  channel: string | null;
  status: string | null;
  description: string | null;
  /** The newest message the customer wrote, when the page shows a conversation. */
  latestMessage: string | null;
  hasReplyEditor: boolean;
}

/** Reads a case from a CRM page; returns null when the page shows no case. */
export type CaseExtractor = (doc: Document, url: URL) => CaseContext | null;

export interface CrmAdapter {
  id: string;
  /** True when this adapter knows the page at `url`. */
  matches: (url: URL) => boolean;
  extract: CaseExtractor;
  /** The editor a reply is typed into, when there is one. */
  findReplyEditor: (doc: Document) => HTMLElement | null;
  /** The element that holds the open case; the only part of the page watched for changes. */
  caseContainer: (doc: Document) => Element | null;
}

const MAX_FIELD_LENGTH = 2000;

/** Collapses whitespace and caps length so page text stays small and readable. */
export function cleanText(value: string | null | undefined): string | null {
  if (value == null) return null;
  const text = value.replace(/\s+/g, ' ').trim();
  if (!text) return null;
  return text.length > MAX_FIELD_LENGTH ? `${text.slice(0, MAX_FIELD_LENGTH - 1)}…` : text;
}

/** True when two contexts describe the same thing, so unchanged pages send nothing. */
export function sameCaseContext(a: CaseContext | null, b: CaseContext | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return (Object.keys(a) as (keyof CaseContext)[]).every((key) => a[key] === b[key]);
}
