export const KB_LOCALES = ['zh-CN', 'en'] as const;
export type KbLocale = (typeof KB_LOCALES)[number];

/** One FAQ answer. Fields this version does not know are kept as they were imported. */
export interface KbEntry {
  id: string;
  locale: KbLocale;
  question: string;
  alternates: string[];
  answer: string;
  tags: string[];
  /** Id of the checklist this answer belongs to, when one applies. */
  checklist?: string;
  [unknownField: string]: unknown;
}
