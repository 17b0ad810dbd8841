import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import enCatalog from '@/public/_locales/en/messages.json';
import { CHECKLIST_LIMITS, parseChecklistDefinition } from '@/utils/checklists/checklist-definition';
import { BUILT_IN_CHECKLIST_IDS } from '@/utils/checklists/checklist-ids';
import { parseChecklistFile } from '@/utils/checklists/checklist-store';
import {
  describeError,
  describeIssue,
  describePlace,
  FILE,
  type FileIssue,
  FileIssueError,
  type IssuePlace,
  schemaIssueReason,
  schemaMessage,
} from '@/utils/file-issues';
import { createTranslator, isMessageKey, type MessageKey } from '@/utils/i18n';
import { MAX_EVAL_FILE_BYTES, parseEvalQueries } from '@/utils/kb/eval-queries';
import { decodeKbBytes, KB_LIMITS, parseKbCsv, parseKbJson } from '@/utils/kb/kb-file';
import type { CallNote } from '@/utils/notes/call-note';
import { checkImportedNote, NOTES_LIMITS, notesBundleChunks, scanNotesBundle } from '@/utils/notes/notes-bundle';
import { MAX_SETTINGS_FILE_BYTES, MAX_SETTINGS_SITES, parseSettingsFile } from '@/utils/settings-file';
import { makeNote } from '../../fixtures/factories';

const english = createTranslator('en');
const chinese = createTranslator('zh-CN');

describe('describePlace', () => {
  it.each<[string, IssuePlace, string, string]>([
    ['the file', FILE, 'file', '文件'],
    ['a line', { kind: 'line', line: 7 }, 'line 7', '第 7 行'],
    ['an entry', { kind: 'entry', position: 3 }, 'entry 3', '第 3 条'],
    ['a note', { kind: 'note', position: 12 }, 'note 12', '第 12 条记录'],
    ['a checklist definition', { kind: 'checklist' }, 'checklist', '清单'],
    [
      'a step of a checklist definition',
      { kind: 'checklist', step: { position: 1, id: 'verify' } },
      'step 1 (verify)',
      '第 1 步（verify）',
    ],
    ['a step without an id', { kind: 'checklist', step: { position: 4 } }, 'step 4', '第 4 步'],
    [
      'a checklist in a file',
      { kind: 'checklist', checklist: { position: 2, id: 'fraud' } },
      'checklist 2 (fraud)',
      '第 2 个清单（fraud）',
    ],
    [
      'a checklist without an id in a file',
      { kind: 'checklist', checklist: { position: 2 } },
      'checklist 2',
      '第 2 个清单',
    ],
    [
      'a step of a checklist in a file',
      { kind: 'checklist', checklist: { position: 2, id: 'fraud' }, step: { position: 1, id: 'verify' } },
      'checklist 2 (fraud), step 1 (verify)',
      '第 2 个清单（fraud），第 1 步（verify）',
    ],
    ['the settings', { kind: 'settings' }, 'settings', '设置'],
    ['a site in the settings', { kind: 'site', position: 2 }, 'settings, site 2', '设置，第 2 个网站'],
  ])('names %s in both locales', (_name, place, inEnglish, inChinese) => {
    expect(describePlace(place, english)).toBe(inEnglish);
    expect(describePlace(place, chinese)).toBe(inChinese);
  });
});

describe('describeIssue', () => {
  it.each<[string, FileIssue, string, string]>([
    [
      'a reason of the file',
      { place: FILE, reason: 'issueFileTooLarge', args: [20] },
      'file: larger than 20 MB',
      '文件：超过 20 MB',
    ],
    [
      'a field, kept as written, and its reason',
      { place: { kind: 'entry', position: 3 }, field: 'answer', reason: 'issueIsEmpty' },
      'entry 3, answer: is empty',
      '第 3 条，answer：不能为空',
    ],
    [
      'a reason with arguments',
      { place: { kind: 'entry', position: 2 }, field: 'id', reason: 'issueKbDuplicateIdEntry', args: ['a-1', 1] },
      'entry 2, id: duplicate id "a-1" (first at entry 1)',
      '第 2 条，id：id "a-1" 重复（首次出现在第 1 条）',
    ],
    [
      'a field of a note, after a colon in English as before',
      { place: { kind: 'note', position: 3 }, field: 'id', reason: 'issueNotesIdUsed', args: ['"a"'] },
      'note 3: id: "a" is already used by an earlier note',
      '第 3 条记录，id："a" 已被前面的记录使用',
    ],
  ])('renders %s', (_name, issue, inEnglish, inChinese) => {
    expect(describeIssue(issue, english)).toBe(inEnglish);
    expect(describeIssue(issue, chinese)).toBe(inChinese);
  });

  it('does not read "$1" in a value from the file as a placeholder', () => {
    const issue: FileIssue = { place: FILE, field: '$2', reason: 'issueMustBeValue', args: ['$1'] };
    expect(describeIssue(issue, english)).toBe('file, $2: must be "$1"');
  });
});

describe('FileIssueError', () => {
  it('keeps the issues and says them in English, one a line', () => {
    const issues: FileIssue[] = [
      { place: { kind: 'line', line: 2 }, field: 'question', reason: 'issueIsEmpty' },
      { place: { kind: 'line', line: 3 }, field: 'locale', reason: 'issueKbUnknownLocale', args: ['"fr"'] },
    ];
    const error = new FileIssueError(issues);
    expect(error.issues).toEqual(issues);
    expect(error.message).toBe('line 2, question: is empty\nline 3, locale: unknown locale "fr"; use zh-CN or en');
  });
});

describe('describeError', () => {
  it("says each issue of a refused file in the reader's language", () => {
    const error = new FileIssueError([
      { place: { kind: 'line', line: 2 }, field: 'question', reason: 'issueIsEmpty' },
      { place: FILE, reason: 'issueNotesChecksum' },
    ]);
    expect(describeError(error, chinese)).toEqual([
      '第 2 行，question：不能为空',
      '文件：校验和不一致，文件已被修改或损坏',
    ]);
  });

  it.each<[string, unknown, string, string]>([
    [
      'a full disk, found inside the wrapper Dexie throws',
      Object.assign(new Error('aborted'), { name: 'AbortError', inner: new DOMException('', 'QuotaExceededError') }),
      "the browser's storage for the extension is full",
      '浏览器给扩展的存储空间已满',
    ],
    ['any other error, by its message', new Error('disk on fire'), 'disk on fire', 'disk on fire'],
    ['something thrown that is not an error', 'odd', 'odd', 'odd'],
  ])('says why storing failed for %s', (_name, error, inEnglish, inChinese) => {
    expect(describeError(error, english)).toEqual([inEnglish]);
    expect(describeError(error, chinese)).toEqual([inChinese]);
  });
});

describe('schemaIssueReason', () => {
  const firstIssue = (schema: v.GenericSchema, input: unknown) => {
    const result = v.safeParse(schema, input);
    if (result.success) throw new Error('expected an issue');
    return result.issues[0];
  };

  it("takes a schema's message key, with the check's limit as $1", () => {
    const schema = v.pipe(v.string(), v.maxLength(3, schemaMessage('issueLongerThan')));
    expect(schemaIssueReason(firstIssue(schema, 'abcd'))).toEqual({ reason: 'issueLongerThan', args: [3] });
    const named = v.pipe(v.string(), v.nonEmpty(schemaMessage('issueIsEmpty')));
    expect(schemaIssueReason(firstIssue(named, ''))).toEqual({ reason: 'issueIsEmpty', args: [] });
  });

  it.each<[string, v.GenericSchema, unknown, string]>([
    ['a wrong type', v.string(), 5, 'issueWrongType'],
    ['a value not in a list', v.picklist(['a', 'b']), 'c', 'issueWrongType'],
    ['a missing field', v.object({ en: v.string() }), {}, 'issueMissingKey'],
    ['a text too long', v.pipe(v.string(), v.maxLength(2)), 'abc', 'issueWrongLength'],
    ['an empty text', v.pipe(v.string(), v.nonEmpty()), '', 'issueWrongLength'],
    ['a number too small', v.pipe(v.number(), v.minValue(0)), -1, 'issueWrongValue'],
    ['a number too large', v.pipe(v.number(), v.maxValue(9)), 10, 'issueWrongValue'],
    ['a text in the wrong format', v.pipe(v.string(), v.regex(/^\d+$/)), 'x', 'issueWrongFormat'],
    ['a fraction', v.pipe(v.number(), v.integer()), 1.5, 'issueNotInteger'],
    [
      'a check without a message',
      v.pipe(
        v.string(),
        v.check((s) => s === 'ok'),
      ),
      'no',
      'issueInvalidInput',
    ],
  ])('gives %s a general reason worded in English as valibot words it', (_name, schema, input, reason) => {
    const issue = firstIssue(schema, input);
    const found = schemaIssueReason(issue);
    expect(found.reason).toBe(reason);
    expect(english(found.reason, ...(found.args ?? []))).toBe(issue.message);
    expect(chinese(found.reason, ...(found.args ?? []))).toMatch(/[\u4e00-\u9fff]/);
  });

  it('leaves a message that is not a key to the general reasons', () => {
    const issue = firstIssue(
      v.pipe(
        v.string(),
        v.check((s) => s === 'ok', 'not ok'),
      ),
      'no',
    );
    expect(schemaIssueReason(issue)).toEqual({ reason: 'issueInvalidInput', args: ['"no"'] });
  });

  it('does not take a name every object has, such as toString, for a key', () => {
    expect(
      schemaIssueReason(
        firstIssue(
          v.pipe(
            v.string(),
            v.check(() => false, 'toString'),
          ),
          'x',
        ),
      ).reason,
    ).toBe('issueInvalidInput');
  });
});

const KB_OPTIONS = { knownChecklists: new Set(BUILT_IN_CHECKLIST_IDS) };
const kbJson = (entries: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'agent-assist-kb', version: 1, entries, ...extra });
const kbEntry = (overrides: Record<string, unknown> = {}) => ({
  id: 'a-1',
  locale: 'en',
  question: 'Q?',
  answer: 'A.',
  ...overrides,
});
const CSV_HEADER = 'id,locale,question,alternates,answer,tags,checklist\n';
const checklistText = { en: 'x', 'zh-CN': '某' };
const checklist = (overrides: Record<string, unknown> = {}) => ({
  id: 'demo',
  version: 1,
  title: checklistText,
  triggers: { tags: [], keywords: [] },
  steps: [{ id: 'a', kind: 'check', required: true, text: checklistText }],
  ...overrides,
});
const checklists = (items: unknown[], version = 1) =>
  JSON.stringify({ format: 'agent-assist-checklists', version, checklists: items });
const settingsFile = (settings: unknown, version = 1) =>
  JSON.stringify({ format: 'agent-assist-settings', version, settings });
const site = { id: 'custom-1', name: 'Desk', matches: ['https://*.example-crm.com/*'], enabled: true, selectors: {} };

async function notesBundle(notes: unknown[]): Promise<string> {
  let out = '';
  for await (const chunk of notesBundleChunks(
    (async function* () {
      yield notes as CallNote[];
    })(),
    new Date(0),
  ))
    out += chunk;
  return out;
}

async function scanText(text: string, totalBytes = new TextEncoder().encode(text).byteLength) {
  return scanNotesBundle(
    (async function* () {
      yield new TextEncoder().encode(text);
    })(),
    { totalBytes },
  );
}

const twoNotes = () => notesBundle([makeNote({ id: 'a' }), makeNote({ id: 'b' })]);

/** Bad inputs for every parser, together producing every reason a parser can give. */
const BAD_INPUTS: [string, () => unknown][] = [
  ['KB: not JSON', () => parseKbJson('{"format":', KB_OPTIONS)],
  ['KB: a list', () => parseKbJson('[]', KB_OPTIONS)],
  ['KB: another format', () => parseKbJson(kbJson([], { format: 'other' }), KB_OPTIONS)],
  ['KB: a newer version', () => parseKbJson(kbJson([], { version: 2 }), KB_OPTIONS)],
  ['KB: entries that are not a list', () => parseKbJson(kbJson([], { entries: {} }), KB_OPTIONS)],
  ['KB: no entries', () => parseKbJson(kbJson([]), KB_OPTIONS)],
  ['KB: over 20 MB', () => decodeKbBytes(new Uint8Array(KB_LIMITS.maxBytes + 1))],
  ['KB: GBK bytes', () => decodeKbBytes(new Uint8Array([0xd7, 0xaa, 0xd5, 0xcb]))],
  [
    'KB: every kind of bad entry',
    () =>
      parseKbJson(
        kbJson([
          kbEntry(),
          kbEntry(),
          kbEntry({ id: 'b', question: '' }),
          kbEntry({ id: 'c', answer: 'x'.repeat(KB_LIMITS.maxAnswerLength + 1) }),
          kbEntry({ id: 'd', locale: 'fr', checklist: 'nope' }),
          kbEntry({ id: 'e', alternates: 'x', tags: Array(KB_LIMITS.maxTags + 1).fill('t') }),
          kbEntry({ id: 'f', tags: [1, true, ['x'], {}] }),
          kbEntry({ id: 'h h', question: 'bad \uFFFD' }),
          'text',
        ]),
        KB_OPTIONS,
      ),
  ],
  [
    'KB: HTML in an answer, a warning',
    () => {
      throw new FileIssueError(parseKbJson(kbJson([kbEntry({ answer: '<b>A</b>' })]), KB_OPTIONS).warnings);
    },
  ],
  ['KB CSV: missing columns', () => parseKbCsv('id,locale,question\nx,en,q\n', KB_OPTIONS)],
  [
    'KB CSV: a short row and a repeated id',
    () => parseKbCsv(`${CSV_HEADER}x,en,q\nx,en,q,,a,,\nx,en,q,,a,,\n`, KB_OPTIONS),
  ],
  ['KB CSV: a quote never closed', () => parseKbCsv(`${CSV_HEADER}x,en,q,,"a,,\n`, KB_OPTIONS)],
  ['KB CSV: text after a closing quote', () => parseKbCsv(`${CSV_HEADER}x,en,q,,"a"b,,\n`, KB_OPTIONS)],
  ['KB CSV: one column only', () => parseKbCsv('question\nhello\n', KB_OPTIONS)],
  ['checklists: not JSON', () => parseChecklistFile('{')],
  ['checklists: a newer version', () => parseChecklistFile(checklists([], 2))],
  ['checklists: none', () => parseChecklistFile(checklists([]))],
  ['checklists: too many', () => parseChecklistFile(checklists(Array(CHECKLIST_LIMITS.maxChecklists + 1).fill(1)))],
  ['checklists: the same twice', () => parseChecklistFile(checklists([checklist(), checklist()]))],
  ['checklist: not an object', () => parseChecklistDefinition('lockout')],
  [
    'checklist: every schema rule',
    () =>
      parseChecklistDefinition(
        checklist({
          id: 'Not Kebab',
          title: { en: ' ', 'zh-CN': '' },
          triggers: { tags: [''], keywords: ['k'.repeat(CHECKLIST_LIMITS.maxTriggerLength + 1)] },
          steps: [
            { id: 'constructor', kind: 'tick', required: 'yes', text: checklistText, options: [] },
            { id: 'b', kind: 'input', required: true, text: checklistText, input: { format: 'card' } },
          ],
        }),
      ),
  ],
  ['checklist: no steps', () => parseChecklistDefinition(checklist({ steps: [] }))],
  [
    'checklist: every structural rule',
    () =>
      parseChecklistDefinition(
        checklist({
          steps: [
            { id: 'a', kind: 'choice', required: true, text: checklistText },
            {
              id: 'a',
              kind: 'check',
              required: true,
              text: checklistText,
              options: [{ id: 'o', label: checklistText }],
            },
            { id: 'c', kind: 'input', required: true, text: checklistText, next: 'a' },
            { id: 'd', kind: 'check', required: true, text: checklistText, next: 'zz' },
          ],
        }),
      ),
  ],
  ['notes: empty', () => scanText('', 0)],
  ['notes: over 512 MB', () => scanText('{}', NOTES_LIMITS.maxBytes + 1)],
  ['notes: not JSON', () => scanText('hello')],
  ['notes: another format first', () => scanText('{"format":"other","version":1,"notes":[]}')],
  ['notes: no format', () => scanText('{"version":1,"notes":[]}')],
  ['notes: a newer version', () => scanText('{"format":"agent-assist-notes","version":9,"notes":[]}')],
  ['notes: no version', () => scanText('{"format":"agent-assist-notes","notes":[]}')],
  ['notes: a count that is wrong', async () => scanText((await twoNotes()).replace('"count":2', '"count":3'))],
  ['notes: an edited note', async () => scanText((await twoNotes()).replace('"agentId":"', '"agentId":"x'))],
  ['notes: the same id twice', async () => scanText(await notesBundle([makeNote({ id: 'a' }), makeNote({ id: 'a' })]))],
  ['note: not an object', () => checkImportedNote(null, 1)],
  ['note: a missing field', () => checkImportedNote({ ...makeNote(), review: undefined }, 1)],
  [
    'note: a field left out',
    () => checkImportedNote(JSON.parse(JSON.stringify({ ...makeNote(), review: undefined })), 1),
  ],
  ['note: an over-long text', () => checkImportedNote({ ...makeNote(), text: 'x'.repeat(50_001) }, 1)],
  ['note: a negative time', () => checkImportedNote({ ...makeNote(), createdAt: -1 }, 1)],
  ['note: a fraction of a revision', () => checkImportedNote({ ...makeNote(), revision: 1.5 }, 1)],
  ['note: a date that is not a date', () => checkImportedNote({ ...makeNote(), followUpDate: 'tomorrow' }, 1)],
  ['settings: over 1 MB', () => parseSettingsFile(' '.repeat(MAX_SETTINGS_FILE_BYTES + 1))],
  ['settings: not JSON', () => parseSettingsFile('{')],
  ['settings: another format', () => parseSettingsFile('{"format":"other"}')],
  ['settings: a newer version', () => parseSettingsFile(settingsFile({}, 3))],
  ['settings: none', () => parseSettingsFile('{"format":"agent-assist-settings","version":1}')],
  ['settings: a list', () => parseSettingsFile(settingsFile([]))],
  [
    'settings: every setting wrong',
    () =>
      parseSettingsFile(
        settingsFile({
          language: 'fr',
          agentName: 'x'.repeat(81),
          retentionDays: 0,
          sites: ['zendesk', { id: '../x', name: '', matches: [], enabled: 'yes', selectors: { password: 'input' } }],
        }),
      ),
  ],
  ['settings: sites that are not a list', () => parseSettingsFile(settingsFile({ sites: {} }))],
  [
    'settings: too many sites',
    () => parseSettingsFile(settingsFile({ sites: Array(MAX_SETTINGS_SITES + 1).fill(site) })),
  ],
  ['queries: over 5 MB', () => parseEvalQueries('x'.repeat(MAX_EVAL_FILE_BYTES + 1))],
  ['queries: none', () => parseEvalQueries('')],
  ['queries: not JSON', () => parseEvalQueries('{')],
  ['queries: not an object', () => parseEvalQueries('null')],
  ['queries: a text that is a number', () => parseEvalQueries('{"text":1,"expected":"a"}')],
  ['queries: an empty text', () => parseEvalQueries('{"text":"","expected":"a"}')],
  ['queries: a text too long', () => parseEvalQueries(JSON.stringify({ text: 'x'.repeat(2_001), expected: 'a' }))],
  ['queries: an empty id', () => parseEvalQueries('{"text":"a","expected":""}')],
  ['queries: an empty id in a list', () => parseEvalQueries('{"text":"a","expected":["b",""]}')],
  ['queries: an empty list', () => parseEvalQueries('{"text":"a","expected":[]}')],
  ['queries: an id that is a number', () => parseEvalQueries('{"text":"a","expected":7}')],
];

/** Reasons no cheap input reaches: too many notes, entries or queries, and a check with no message of its own. */
const COVERED_ELSEWHERE = new Set<MessageKey>([
  'issueNotesTooMany',
  'issueTooManyEntries',
  'issueEvalTooMany',
  'issueInvalidInput',
]);

async function issuesOf(run: () => unknown): Promise<FileIssueError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof FileIssueError) return error;
    throw error;
  }
  throw new Error('expected a FileIssueError');
}

describe("every parser's issues", () => {
  const seen = new Set<MessageKey>();

  it.each(BAD_INPUTS)('%s: each issue is in the catalogs and reads as Chinese in zh-CN', async (_name, run) => {
    const error = await issuesOf(run);
    expect(error.issues.length).toBeGreaterThan(0);
    for (const issue of error.issues) {
      seen.add(issue.reason);
      expect(isMessageKey(issue.reason), issue.reason).toBe(true);
      const inChinese = chinese(issue.reason, ...(issue.args ?? []));
      expect(inChinese, issue.reason).not.toBe(english(issue.reason, ...(issue.args ?? [])));
      expect(inChinese, issue.reason).toMatch(/[\u4e00-\u9fff]/);
      expect(describeIssue(issue, chinese)).toMatch(/^[^a-z]*[\u4e00-\u9fff]/i);
    }
    expect(error.message).toBe(error.issues.map((issue) => describeIssue(issue, english)).join('\n'));
  });

  it('between them give every reason in the catalogs', () => {
    const reasons = (Object.keys(enCatalog) as MessageKey[]).filter(
      (key) =>
        key.startsWith('issue') &&
        !key.startsWith('issuePlace') &&
        !['issueLine', 'issueJoin', 'issueNoteField'].includes(key) &&
        !COVERED_ELSEWHERE.has(key),
    );
    expect(reasons.filter((key) => !seen.has(key))).toEqual([]);
  });
});
