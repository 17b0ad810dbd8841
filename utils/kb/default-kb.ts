import defaultKbFile from './default-kb.json';
import type { KbEntry } from './kb-entry';

/** The knowledge base that ships with the extension, used until the KB owner imports one. */
export const DEFAULT_KB: readonly KbEntry[] = defaultKbFile.entries as KbEntry[];
