import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BUILT_IN_CHECKLISTS } from '@/utils/checklists/built-in-checklists';
import {
  CHECKLIST_LIMITS,
  type ChecklistDefinition,
  ChecklistDefinitionError,
} from '@/utils/checklists/checklist-definition';
import {
  checklistsToJson,
  importChecklists,
  loadChecklists,
  parseChecklistFile,
  readChecklistFile,
} from '@/utils/checklists/checklist-store';
import { AgentAssistDatabase } from '@/utils/db/database';

const lockout = BUILT_IN_CHECKLISTS.find((d) => d.id === 'lockout')!;
const bundle = (checklists: unknown[]) => JSON.stringify({ format: 'agent-assist-checklists', version: 1, checklists });
const copies = (count: number) => Array.from({ length: count }, (_, i) => ({ ...lockout, id: `copy-${i}` }));

function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof ChecklistDefinitionError) return error.message;
    throw error;
  }
  throw new Error('expected a ChecklistDefinitionError');
}

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

  describe('a failed import changes nothing', () => {
    let before: unknown[];
    beforeEach(async () => {
      await importChecklists(db, [{ ...lockout, title: { ...lockout.title, en: 'Stored before' } }], 1);
      before = await db.checklistDefinitions.toArray();
    });

    it.each([
      ['not JSON', '{"format":'],
      ['an empty file', ''],
      ['a bundle with one bad checklist among good ones', bundle([{ ...lockout, id: 'new-one' }, { id: 'x' }])],
      ['too many checklists', bundle(copies(CHECKLIST_LIMITS.maxChecklists + 1))],
    ])('%s is refused before anything is stored', async (_name, text) => {
      await expect(readChecklistFile(new Blob([text])).then((defs) => importChecklists(db, defs))).rejects.toThrow(
        ChecklistDefinitionError,
      );
      expect(await db.checklistDefinitions.toArray()).toEqual(before);
    });

    it('an error inside the transaction rolls back the checklists written before it', async () => {
      const unstorable = { ...lockout, id: 'broken', title: { ...lockout.title, en: () => 'x' } };
      const definitions = [{ ...lockout, id: 'card-lost' }, unstorable] as unknown as ChecklistDefinition[];
      await expect(importChecklists(db, definitions, 2)).rejects.toThrow();
      expect(await db.checklistDefinitions.toArray()).toEqual(before);
      expect((await loadChecklists(db)).active.map((d) => d.id)).not.toContain('card-lost');
    });
  });
});

describe('readChecklistFile', () => {
  it('refuses a file over 1 MB without reading it', async () => {
    const text = vi.fn(async () => bundle([lockout]));
    const file = { size: CHECKLIST_LIMITS.maxBytes + 1, text } as unknown as Blob;
    await expect(readChecklistFile(file)).rejects.toThrow('file: larger than 1 MB');
    expect(text).not.toHaveBeenCalled();
  });

  it('reads a file within the limit', async () => {
    await expect(readChecklistFile(new Blob([checklistsToJson(BUILT_IN_CHECKLISTS)]))).resolves.toEqual(
      BUILT_IN_CHECKLISTS,
    );
  });
});

describe('parseChecklistFile on bad input', () => {
  it.each([
    ['an empty file', '', /^file: not valid JSON/],
    ['only white space', ' \n\t ', /^file: not valid JSON/],
    ['only a byte order mark', '\uFEFF', /^file: not valid JSON/],
    ['a truncated bundle', checklistsToJson(BUILT_IN_CHECKLISTS).slice(0, 2_000), /^file: not valid JSON/],
    ['null', 'null', /^checklist: must be an object$/],
    ['a bare list', '[]', /^checklist: must be an object$/],
    ['a bundle without a version', '{"format":"agent-assist-checklists","checklists":[]}', /version: only version 1/],
    [
      'a bundle whose checklists are an object',
      '{"format":"agent-assist-checklists","version":1,"checklists":{}}',
      /checklists: must be a non-empty list/,
    ],
    ['an empty bundle', bundle([]), /checklists: must be a non-empty list/],
    ['a bundle holding a non-object', bundle([lockout, 'lockout']), /^checklist 2: must be an object$/],
  ])('refuses %s', (_name, text, message) => {
    expect(errorOf(() => parseChecklistFile(text))).toMatch(message);
  });

  it('refuses a file over 1 MB, counted in UTF-8 bytes', () => {
    expect(errorOf(() => parseChecklistFile(' '.repeat(CHECKLIST_LIMITS.maxBytes + 1)))).toBe('file: larger than 1 MB');
    // 400,000 Chinese characters are 1.2 MB in UTF-8.
    const chinese = JSON.stringify({ ...lockout, title: { ...lockout.title, 'zh-CN': '锁'.repeat(400_000) } });
    expect(chinese.length).toBeLessThan(CHECKLIST_LIMITS.maxBytes);
    expect(errorOf(() => parseChecklistFile(chinese))).toBe('file: larger than 1 MB');
  });

  it('accepts a file of exactly 1 MB', () => {
    const text = checklistsToJson([lockout]);
    const padding = CHECKLIST_LIMITS.maxBytes - new TextEncoder().encode(text).byteLength;
    expect(parseChecklistFile(text + ' '.repeat(padding))).toEqual([lockout]);
  });

  it('refuses more than 50 checklists in a bundle, and accepts 50', () => {
    expect(errorOf(() => parseChecklistFile(bundle(copies(51))))).toBe(
      'file, checklists: has 51 checklists; at most 50 are allowed',
    );
    expect(parseChecklistFile(bundle(copies(50)))).toHaveLength(50);
  });

  it('names the checklist whose triggers are over the limits', () => {
    const noisy = { ...lockout, id: 'noisy', triggers: { tags: [], keywords: Array(101).fill('locked') } };
    expect(errorOf(() => parseChecklistFile(bundle([lockout, noisy])))).toBe(
      'checklist 2 (noisy), triggers.keywords: has more than 100 items',
    );
  });

  it('reports at most 50 problems however many there are', () => {
    const broken = copies(50).map((d) => ({ ...d, title: {}, triggers: {} }));
    const error = (() => {
      try {
        parseChecklistFile(bundle(broken));
      } catch (e) {
        return e as ChecklistDefinitionError;
      }
    })();
    expect(error?.issues).toHaveLength(50);
  });

  it('refuses deeply nested JSON with a clear error', () => {
    const deep = `${'['.repeat(300_000)}${']'.repeat(300_000)}`;
    expect(errorOf(() => parseChecklistFile(deep))).toBe('checklist: must be an object');
  });

  it('keeps HTML and script as plain strings and never lets "__proto__" reach a prototype', () => {
    const hostile = {
      ...lockout,
      id: 'hostile',
      title: { en: '<script>alert(1)</script>', 'zh-CN': '<img src=x onerror=alert(1)>' },
    };
    const text = bundle([hostile])
      .replace('{"format"', '{"__proto__":{"polluted":true},"format"')
      .replace('{"id":"hostile"', '{"__proto__":{"polluted":true},"id":"hostile"');
    expect(text).toContain('{"__proto__":{"polluted":true},"id":"hostile"');
    const [parsed] = parseChecklistFile(text);
    expect(parsed?.title).toEqual({ en: '<script>alert(1)</script>', 'zh-CN': '<img src=x onerror=alert(1)>' });
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.keys(parsed!)).not.toContain('__proto__');
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
});
