import type { ChecklistDefinition } from './checklist-definition';
import fraud from './definitions/fraud.json';
import lockout from './definitions/lockout.json';
import transferFailure from './definitions/transfer-failure.json';

/** The checklists that ship with the extension (validated by a unit test, like imported ones). */
export const BUILT_IN_CHECKLISTS = [lockout, fraud, transferFailure] as ChecklistDefinition[];
