import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILT_IN_CHECKLISTS } from '@/utils/checklists/built-in-checklists';
import {
  checklistsToJson,
  importChecklists,
  loadChecklists,
  parseChecklistFile,
} from '@/utils/checklists/checklist-store';
import { AgentAssistDatabase } from '@/utils/db/database';

const lockout = BUILT_IN_CHECKLISTS.find((d) => d.id === 'lockout')!;

describe('checklist store', () => {
  let db: AgentAssistDatabase;
  beforeEach(() => {
    db = new AgentAssistDatabase(`checklists-${Math.random()}`);
  });
  afterEach(() => db.delete());

  it('uses the built-in checklists until others are imported', async () => {
    expect((await loadChecklists(db)).active.map((d) => d.id).sort()).toEqual(['fraud', 'lockout', 'transfer-failure']);
  });

  it('stores a changed checklist as a new version and keeps the old one for earlier runs', async () => {
    const changed = { ...lockout, title: { ...lockout.title, en: 'Locked account (v2 wording)' } };
    expect(await importChecklists(db, [changed], 5)).toEqual({
      added: [],
      updated: [{ id: 'lockout', version: 2 }],
      unchanged: [],
    });
    const { active, byVersion } = await loadChecklists(db);
    expect(active.find((d) => d.id === 'lockout')).toMatchObject({
      version: 2,
      title: { en: 'Locked account (v2 wording)' },
    });
    expect(byVersion('lockout', 1)?.title.en).toBe(lockout.title.en);
    expect(byVersion('lockout', 2)?.title.en).toBe('Locked account (v2 wording)');
  });

  it('counts an identical import as unchanged, and adds a new checklist as it is', async () => {
    const extra = { ...lockout, id: 'card-lost', version: 3 };
    expect(await importChecklists(db, [lockout, extra])).toEqual({
      added: ['card-lost'],
      updated: [],
      unchanged: ['lockout'],
    });
    expect((await loadChecklists(db)).byVersion('card-lost', 3)).toBeDefined();
  });

  it('exports what it imports', async () => {
    expect(parseChecklistFile(checklistsToJson(BUILT_IN_CHECKLISTS))).toEqual(BUILT_IN_CHECKLISTS);
  });
});
