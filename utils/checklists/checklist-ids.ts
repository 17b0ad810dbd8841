/** The checklists that ship with the extension; KB entries may link to these by id. */
export const BUILT_IN_CHECKLIST_IDS = ['lockout', 'fraud', 'transfer-failure'] as const;
