import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AgentAssistDatabase } from '@/utils/db/database';
import { DEFAULT_KB } from '@/utils/kb/default-kb';
import type { KbEntry } from '@/utils/kb/kb-entry';
import { importKb, loadActiveKb, rollBackKb } from '@/utils/kb/kb-store';

const e = (id: string): KbEntry => ({ id, locale: 'en', question: 'q', alternates: [], answer: 'a', tags: [] });

describe('kb store', () => {
  let db: AgentAssistDatabase;
  beforeEach(() => {
    db = new AgentAssistDatabase(`kb-store-${Math.random()}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  it('uses the bundled default until something is imported', async () => {
    await expect(loadActiveKb(db)).resolves.toMatchObject({ entries: DEFAULT_KB, record: null, canRollBack: false });
  });

  it('imports, merges, and rolls back one step at a time to the default', async () => {
    await importKb(db, [e('a')], { fileName: 'one.json', mode: 'replace', now: 1 });
    const merge = await importKb(db, [e('b')], { fileName: 'two.csv', mode: 'merge', now: 2 });
    expect(merge.added).toEqual(['b']);
    expect((await loadActiveKb(db)).entries.map((x) => x.id)).toEqual(['a', 'b']);
    await rollBackKb(db);
    expect((await loadActiveKb(db)).entries.map((x) => x.id)).toEqual(['a']);
    await rollBackKb(db);
    expect((await loadActiveKb(db)).record).toBeNull();
  });

  it('keeps only the KB in use and one to roll back to', async () => {
    for (const name of ['1', '2', '3']) await importKb(db, [e(name)], { fileName: name, mode: 'replace' });
    expect(await db.knowledgeBases.count()).toBe(2);
  });

  it('writes nothing when the import fails inside the transaction', async () => {
    await importKb(db, [e('a')], { fileName: 'ok.json', mode: 'replace' });
    const circular: Record<string, unknown> = { ...e('x') };
    circular.self = () => undefined;
    await expect(importKb(db, [circular as KbEntry], { fileName: 'bad.json', mode: 'merge' })).rejects.toThrow();
    expect((await loadActiveKb(db)).record?.fileName).toBe('ok.json');
    expect(await db.knowledgeBases.count()).toBe(1);
  });
});
