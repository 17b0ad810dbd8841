import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKbCli } from '@/utils/cli/kb';

function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = runKbCli(
    args,
    (line) => out.push(line),
    (line) => err.push(line),
  );
  return { status, out: out.join('\n'), err: err.join('\n') };
}

const dir = mkdtempSync(path.join(tmpdir(), 'kb-cli-'));
const file = (name: string, content: string | Uint8Array) => {
  const target = path.join(dir, name);
  writeFileSync(target, content);
  return target;
};

describe('kb command line', () => {
  it('check: a good file', () => {
    const result = run('check', 'tests/fixtures/kb/small-kb.csv');
    expect(result).toMatchObject({ status: 0, err: '' });
    expect(result.out).toContain('OK, 2 entries (1 en, 1 zh-CN)');
  });

  it('check: a bad file exits 2 naming the file, place and reason', () => {
    const bad = file('bad.csv', 'id,locale,question,alternates,answer,tags,checklist\nx,en,,a,b,,\n');
    expect(run('check', bad)).toMatchObject({ status: 2, err: `${bad}: line 2, question: is empty` });
  });

  it.each([
    ['a missing file', path.join(dir, 'nope.json'), /cannot be read \(ENOENT\)/],
    ['GBK bytes', 'gbk', /not valid UTF-8/],
    ['truncated JSON', 'truncated', /not valid JSON/],
  ])('check: %s exits 2', (_name, target, message) => {
    const resolved =
      target === 'gbk'
        ? file('gbk.csv', new Uint8Array([0xd7, 0xaa, 0xd5, 0xcb]))
        : target === 'truncated'
          ? file('t.json', '{"format":"agent-assist-kb","version":1,"entries":[{"id":')
          : target;
    const result = run('check', resolved);
    expect(result.status).toBe(2);
    expect(result.err).toMatch(message);
  });

  it('search: prints ranked answers from the default KB', () => {
    const result = run('search', 'otp', 'not', 'received');
    expect(result.status).toBe(0);
    expect(result.out.split('\n')[0]).toContain('sms-code-not-received-en');
  });

  it('eval: prints the table and, with --json, one JSON object last', () => {
    const result = run(
      'eval',
      '--kb',
      'tests/fixtures/kb/small-kb.json',
      '--queries',
      'tests/fixtures/kb/small-queries.jsonl',
      '--json',
    );
    expect(result.status).toBe(0);
    const last = JSON.parse(result.out.split('\n').at(-1)!);
    expect(last).toMatchObject({ n: 2, top1: 1, top3: 1, mrr: 1 });
    expect(last.p95_ms).toEqual(expect.any(Number));
    expect(result.out).toContain('zh-CN');
  });

  it('eval: a bad queries file exits 2 with its line', () => {
    const bad = file('q.jsonl', '{"text":"a","expected":"x"}\n{"text":\n');
    expect(run('eval', '--queries', bad)).toMatchObject({ status: 2, err: `${bad}: line 2: not valid JSON` });
  });

  it('eval: a queries file over its own 5 MB limit exits 2 before it is read', () => {
    const big = file('big.jsonl', `${'{"text":"a","expected":"x"}\n'.repeat(200_000)}`);
    expect(run('eval', '--queries', big)).toMatchObject({ status: 2, err: `${big}: file: larger than 5 MB` });
  });

  it.each([[[]], [['frobnicate']], [['search']], [['eval']], [['check']], [['--bogus']]])(
    'wrong usage %j exits 1',
    (args) => {
      expect(run(...args).status).toBe(1);
    },
  );
});
