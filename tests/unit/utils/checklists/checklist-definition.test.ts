import { describe, expect, it } from 'vitest';
import { BUILT_IN_CHECKLISTS } from '@/utils/checklists/built-in-checklists';
import {
  CHECKLIST_LIMITS,
  ChecklistDefinitionError,
  INPUT_FORMATS,
  parseChecklistDefinition,
} from '@/utils/checklists/checklist-definition';
import { BUILT_IN_CHECKLIST_IDS } from '@/utils/checklists/checklist-ids';
import { parseChecklistFile } from '@/utils/checklists/checklist-store';
import { describeIssue, describePlace } from '@/utils/file-issues';
import { createTranslator } from '@/utils/i18n';

const en = createTranslator('en');
const zh = createTranslator('zh-CN');

const text = { en: 'x', 'zh-CN': '某' };
const valid = () => ({
  id: 'demo',
  version: 1,
  title: text,
  triggers: { tags: [], keywords: ['x'] },
  steps: [
    {
      id: 'a',
      kind: 'choice',
      required: true,
      text,
      options: [
        { id: 'y', label: text, next: 'c' },
        { id: 'n', label: text },
      ],
    },
    { id: 'b', kind: 'input', required: true, text, input: { format: 'reference' } },
    { id: 'c', kind: 'check', required: false, text },
  ],
});

function issues(raw: unknown): string[] {
  try {
    parseChecklistDefinition(raw);
  } catch (error) {
    return (error as ChecklistDefinitionError).issues.map(
      (i) => `${describePlace(i.place, en)}|${i.field ?? ''}|${en(i.reason, ...(i.args ?? []))}`,
    );
  }
  return [];
}

describe('built-in checklists', () => {
  it.each(BUILT_IN_CHECKLISTS.map((d) => [d.id, d] as const))(
    '%s is valid, bilingual and ends with the outcome',
    (_id, definition) => {
      expect(() => parseChecklistDefinition(definition)).not.toThrow();
      expect(definition.steps.at(-1)?.id).toBe('outcome');
      const never = /password|pin\b|one-time code|otp|cvv|card number|密码|验证码|安全码|卡号/i;
      for (const step of definition.steps.filter((s) => s.kind === 'input')) {
        expect(step.text.en, `${definition.id}/${step.id} must not collect secrets`).not.toMatch(never);
      }
    },
  );

  it('covers every id a KB entry may link to', () => {
    expect(BUILT_IN_CHECKLISTS.map((d) => d.id).sort()).toEqual([...BUILT_IN_CHECKLIST_IDS].sort());
  });
});

describe('parseChecklistDefinition', () => {
  it('accepts a valid definition', () => {
    expect(issues(valid())).toEqual([]);
  });

  it.each([
    [
      'a missing Chinese text',
      (d: ReturnType<typeof valid>) => ((d.steps[2] as { text: unknown }).text = { en: 'x' }),
      'step 3 (c)|text.zh-CN|',
    ],
    [
      'an unknown kind',
      (d: ReturnType<typeof valid>) => ((d.steps[2] as { kind: string }).kind = 'tick'),
      'step 3 (c)|kind|must be "check", "input" or "choice"',
    ],
    [
      'a bad input format',
      (d: ReturnType<typeof valid>) => ((d.steps[1] as { input: unknown }).input = { format: 'card' }),
      'step 2 (b)|input.format|',
    ],
    [
      'a duplicate step id',
      (d: ReturnType<typeof valid>) => ((d.steps[2] as { id: string }).id = 'b'),
      'step 3 (b)|id|duplicate step id "b"',
    ],
    [
      'a jump backwards',
      (d: ReturnType<typeof valid>) => ((d.steps[2] as { next?: string }).next = 'a'),
      'step 3 (c)|next|jumps back to "a"',
    ],
    [
      'a jump to nowhere',
      (d: ReturnType<typeof valid>) => (d.steps[0]!.options![0]!.next = 'zz'),
      'step 1 (a)|options.0.next|no step "zz"',
    ],
    [
      'a choice without options',
      (d: ReturnType<typeof valid>) => delete (d.steps[0] as { options?: unknown }).options,
      'step 1 (a)|options|a choice needs options',
    ],
    [
      'an input without format',
      (d: ReturnType<typeof valid>) => delete (d.steps[1] as { input?: unknown }).input,
      'step 2 (b)|input|',
    ],
  ])('names the step and field for %s', (_name, mutate, expected) => {
    const definition = valid();
    mutate(definition);
    expect(issues(definition).join('\n')).toContain(expected);
  });

  it('lists every format a bad input format could have been', () => {
    const definition = valid();
    (definition.steps[1] as { input: unknown }).input = { format: 'card' };
    expect(issues(definition)).toEqual([`step 2 (b)|input.format|must be one of ${INPUT_FORMATS.join(', ')}`]);
  });

  it('says every problem in Chinese, naming the step as the file has it', () => {
    const definition = valid();
    (definition.steps[2] as { kind: string }).kind = 'tick';
    (definition.steps[1] as { text: unknown }).text = { en: ' ', 'zh-CN': '某' };
    definition.version = 1.5;
    let error: unknown;
    try {
      parseChecklistDefinition(definition);
    } catch (caught) {
      error = caught;
    }
    expect((error as ChecklistDefinitionError).issues.map((issue) => describeIssue(issue, zh))).toEqual([
      '清单，version：应为整数，实际为 1.5',
      '第 2 步（b），text.en：英文文本为空',
      '第 3 步（c），kind：应为 "check"、"input" 或 "choice"',
    ]);
  });

  it('refuses what is not a checklist at all', () => {
    expect(issues(null)[0]).toContain('checklist');
    expect(issues({ ...valid(), steps: [] }).join()).toContain('a checklist needs at least one step');
  });

  it.each([null, 42, 'lockout', [], [valid()]])('refuses %j as not an object', (raw) => {
    expect(issues(raw)).toEqual(['checklist||must be an object']);
  });

  const many = (count: number, length = 1) => Array.from({ length: count }, (_, i) => `${i}`.padEnd(length, 'k'));
  it.each([
    ['101 keywords', { tags: [], keywords: many(101) }, 'checklist|triggers.keywords|has more than 100 items'],
    ['101 tags', { tags: many(101), keywords: [] }, 'checklist|triggers.tags|has more than 100 items'],
    [
      'a keyword of 101 characters',
      { tags: [], keywords: ['x', 'k'.repeat(101)] },
      'checklist|triggers.keywords.1|is longer than 100 characters',
    ],
    ['an empty tag', { tags: [''], keywords: [] }, 'checklist|triggers.tags.0|is empty'],
    ['triggers that are not lists', { tags: 'lockout', keywords: [] }, 'checklist|triggers.tags|'],
  ])('refuses %s', (_name, triggers, expected) => {
    expect(issues({ ...valid(), triggers }).join('\n')).toContain(expected);
  });

  it('accepts triggers right at the limits', () => {
    const full = many(CHECKLIST_LIMITS.maxTriggers, CHECKLIST_LIMITS.maxTriggerLength);
    expect(issues({ ...valid(), triggers: { tags: full, keywords: full } })).toEqual([]);
  });

  it.each(['constructor', 'prototype'])('refuses the step id %s, which would read the prototype of a run', (id) => {
    const definition = valid();
    definition.steps[2]!.id = id;
    expect(issues(definition)).toEqual([`step 3 (${id})|id|is a reserved name`]);
  });

  it('keeps HTML and script in texts as plain strings', () => {
    const definition = valid();
    definition.title = { en: '<img src=x onerror=alert(1)>', 'zh-CN': '<script>alert(1)</script>' };
    definition.steps[2]!.text = { en: '<a href="javascript:alert(1)">x</a>', 'zh-CN': '&lt;b&gt;' };
    const parsed = parseChecklistDefinition(definition);
    expect(parsed.title).toEqual({ en: '<img src=x onerror=alert(1)>', 'zh-CN': '<script>alert(1)</script>' });
    expect(parsed.steps[2]?.text).toEqual({ en: '<a href="javascript:alert(1)">x</a>', 'zh-CN': '&lt;b&gt;' });
  });

  it('drops "__proto__" keys without touching any prototype', () => {
    const raw = JSON.parse(
      JSON.stringify(valid())
        .replace('{"id":"demo"', '{"__proto__":{"polluted":true},"id":"demo"')
        .replace('"title":{', '"title":{"__proto__":{"polluted":true},'),
    );
    expect(Object.keys(raw)).toContain('__proto__');
    const parsed = parseChecklistDefinition(raw);
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(parsed.title)).toBe(Object.prototype);
    expect(Object.keys(parsed)).not.toContain('__proto__');
    expect(Object.keys(parsed.title)).toEqual(['en', 'zh-CN']);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

describe('parseChecklistFile', () => {
  it('reads one definition or a bundle of several', () => {
    expect(parseChecklistFile(JSON.stringify(valid())).map((d) => d.id)).toEqual(['demo']);
    const bundle = { format: 'agent-assist-checklists', version: 1, checklists: [valid(), { ...valid(), id: 'two' }] };
    expect(parseChecklistFile(JSON.stringify(bundle)).map((d) => d.id)).toEqual(['demo', 'two']);
  });

  it('names the checklist in a bundle that is wrong', () => {
    const bad = { ...valid(), id: 'two', steps: [{ ...valid().steps[2], kind: 'x' }] };
    expect(() =>
      parseChecklistFile(JSON.stringify({ format: 'agent-assist-checklists', version: 1, checklists: [valid(), bad] })),
    ).toThrow(/checklist 2 \(two\), step 1 \(c\), kind/);
  });

  it.each([
    [
      'a step of the second checklist',
      [valid(), { ...valid(), id: 'two', steps: [{ ...valid().steps[2], kind: 'x' }] }],
      '第 2 个清单（two），第 1 步（c），kind：应为 "check"、"input" 或 "choice"',
    ],
    ['a checklist given twice', [valid(), valid()], '第 2 个清单（demo），id：在文件中出现了两次'],
    ['a checklist that is not an object', [valid(), 'demo'], '第 2 个清单：应为对象'],
  ])('names %s in Chinese', (_name, items, line) => {
    let error: unknown;
    try {
      parseChecklistFile(JSON.stringify({ format: 'agent-assist-checklists', version: 1, checklists: items }));
    } catch (caught) {
      error = caught;
    }
    expect((error as ChecklistDefinitionError).issues.map((issue) => describeIssue(issue, zh))).toEqual([line]);
  });

  it('refuses a bundle that holds the same checklist twice', () => {
    expect(() =>
      parseChecklistFile(
        JSON.stringify({ format: 'agent-assist-checklists', version: 1, checklists: [valid(), valid()] }),
      ),
    ).toThrow(/checklist 2 \(demo\), id: appears twice/);
  });

  it('names a repeated checklist by its place in the file, after one that failed', () => {
    const broken = { ...valid(), id: 'broken', steps: [] };
    expect(() =>
      parseChecklistFile(
        JSON.stringify({ format: 'agent-assist-checklists', version: 1, checklists: [broken, valid(), valid()] }),
      ),
    ).toThrow(/checklist 3 \(demo\), id: appears twice/);
  });

  it.each(['', '{', '[]', '{"format":"agent-assist-checklists","version":2,"checklists":[]}'])(
    'refuses %j with a clear error',
    (text) => {
      expect(() => parseChecklistFile(text)).toThrow(ChecklistDefinitionError);
    },
  );
});
