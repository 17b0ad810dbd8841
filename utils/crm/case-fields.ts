import type { CaseContext } from './case-context';
import type { PageSearch } from './dom-search';
import { firstText } from './element-text';
import { readLabelledValues } from './labelled-fields';

/** The fields of a case that pages print as labelled text. */
export type CaseField = 'caseId' | 'subject' | 'customerName' | 'customerRef' | 'channel' | 'status' | 'description';
export type CaseFields = Record<CaseField, string | null>;

const CASE_FIELDS: readonly CaseField[] = [
  'caseId',
  'subject',
  'customerName',
  'customerRef',
  'channel',
  'status',
  'description',
];

export interface CaseFieldSources {
  /** Selectors per field, most reliable first; each may use the `>>>` deep combinator. */
  selectors: Partial<Record<CaseField, readonly string[]>>;
  /** Labels the product prints, lower case; read only for fields no selector found. */
  labels?: Partial<Record<CaseField, readonly string[]>>;
}

/** Maps each label to its field, for `readLabelledValues`. */
export function labelMap<F extends string>(labels: Partial<Record<F, readonly string[]>>): Map<string, F> {
  const map = new Map<string, F>();
  for (const [field, names] of Object.entries(labels) as [F, readonly string[]][]) {
    for (const name of names) if (!map.has(name)) map.set(name, field);
  }
  return map;
}

/** Reads every case field from product selectors, then from the product's labels for what is missing. */
export function readCaseFields(search: PageSearch, { selectors, labels }: CaseFieldSources): CaseFields {
  const fields = Object.fromEntries(
    CASE_FIELDS.map((field) => [field, firstText(search, selectors[field] ?? [])]),
  ) as CaseFields;
  if (labels && CASE_FIELDS.some((field) => fields[field] === null)) {
    const labelled = readLabelledValues(search, labelMap(labels));
    for (const field of CASE_FIELDS) fields[field] ??= labelled[field] ?? null;
  }
  return fields;
}

/** Assembles the context; with no customer message on the page, the description stands in for it. */
export function toCaseContext(
  site: string,
  url: URL,
  fields: CaseFields,
  latestMessage: string | null,
  hasReplyEditor: boolean,
): CaseContext {
  return {
    site,
    url: url.href,
    ...fields,
    latestMessage: latestMessage ?? fields.description,
    hasReplyEditor,
  };
}
