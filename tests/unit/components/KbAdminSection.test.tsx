// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '@/components/i18n';
import { type KbAdminProps, KbAdminSection } from '@/components/KbAdminSection';
import { createTranslator } from '@/utils/i18n';
import { readEvalQueriesFile } from '@/utils/kb/eval-queries';
import type { KbEntry } from '@/utils/kb/kb-entry';
import { KbFileError, readKbFile } from '@/utils/kb/kb-file';
import type { EvalReport } from '@/utils/matcher/evaluate';
import { buildIndex, search } from '@/utils/matcher/matcher';

const e = (id: string, answer = 'a'): KbEntry => ({
  id,
  locale: 'en',
  question: `q ${id}`,
  alternates: [],
  answer,
  tags: [],
});
const current = [e('a'), e('b')];
const evalReport: EvalReport = { n: 0, top1: 0, top3: 0, mrr: 0, p50_ms: 0, p95_ms: 0, byLocale: {} };

function renderAdmin(overrides: Partial<KbAdminProps> = {}, language: 'en' | 'zh-CN' = 'en') {
  const index = buildIndex(current);
  const props: KbAdminProps = {
    kb: { entries: current, record: null, canRollBack: false },
    readFile: vi.fn().mockResolvedValue({ entries: [e('b', 'new'), e('c')], warnings: [] }),
    applyImport: vi.fn().mockResolvedValue({ added: ['c'], changed: ['b'], removed: ['a'], entries: [] }),
    rollBack: vi.fn().mockResolvedValue(undefined),
    exportKb: vi.fn(),
    trySearch: (text) => search(index, text),
    evaluateFile: vi.fn(),
    ...overrides,
  };
  render(
    <I18nProvider language={language} uiLanguage="en">
      <KbAdminSection {...props} />
    </I18nProvider>,
  );
  return props;
}

const zh = createTranslator('zh-CN');
const kbFile = (text: string) => new File([text], 'kb.json');

function chooseFile(name: string, label = 'Import a KB file (JSON or CSV)') {
  const input = screen.getByLabelText(label) as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [new File(['x'], name)], configurable: true });
  fireEvent.change(input);
}

describe('KbAdminSection', () => {
  afterEach(cleanup);

  it('previews what replace and merge would do before anything changes', async () => {
    const props = renderAdmin();
    chooseFile('new.json');
    await waitFor(() => screen.getByTestId('kb-preview'));
    expect(screen.getByTestId('kb-preview').textContent).toContain(
      '2 answers in the file. Replace: 1 added, 1 changed, 1 removed. Merge: 1 added, 1 changed, none removed.',
    );
    expect(props.applyImport).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Merge into the KB' }));
    await waitFor(() =>
      expect(screen.getByTestId('kb-status').textContent).toBe('Imported: 1 added, 1 changed, 1 removed.'),
    );
    expect(props.applyImport).toHaveBeenCalledWith('new.json', [e('b', 'new'), e('c')], 'merge');
  });

  it('lists every problem of a bad file and offers nothing to apply', async () => {
    const props = renderAdmin({
      readFile: vi.fn().mockRejectedValue(
        new KbFileError([
          { place: { kind: 'line', line: 3 }, field: 'answer', reason: 'issueIsEmpty' },
          { place: { kind: 'line', line: 9 }, field: 'locale', reason: 'issueKbUnknownLocale', args: ['"fr"'] },
        ]),
      ),
    });
    chooseFile('bad.csv');
    await waitFor(() => screen.getByTestId('kb-errors'));
    expect(screen.getByTestId('kb-errors').textContent).toContain('line 3, answer: is empty');
    expect(screen.getByTestId('kb-errors').textContent).toContain('line 9, locale');
    expect(screen.queryByTestId('kb-preview')).toBeNull();
    expect(props.applyImport).not.toHaveBeenCalled();
  });

  it('lists the problems of a bad file in Chinese for a zh-CN KB owner', async () => {
    const text = JSON.stringify({
      format: 'agent-assist-kb',
      version: 1,
      entries: [e('a'), { ...e('a'), answer: '' }],
    });
    renderAdmin({ readFile: () => readKbFile(kbFile(text), { knownChecklists: new Set() }) }, 'zh-CN');
    chooseFile('bad.json', zh('kbImportLabel'));
    const errors = await screen.findByTestId('kb-errors');
    expect(errors.querySelector('p')?.textContent).toBe('文件未导入，知识库没有任何改动。');
    expect([...errors.querySelectorAll('li')].map((item) => item.textContent)).toEqual([
      '第 2 条，id：id "a" 重复（首次出现在第 1 条）',
      '第 2 条，answer：不能为空',
    ]);
  });

  it('shows the notes on a file in Chinese in the preview', async () => {
    const text = JSON.stringify({ format: 'agent-assist-kb', version: 1, entries: [e('a', '<b>bold</b>')] });
    renderAdmin({ readFile: () => readKbFile(kbFile(text), { knownChecklists: new Set() }) }, 'zh-CN');
    chooseFile('html.json', zh('kbImportLabel'));
    const preview = await screen.findByTestId('kb-preview');
    expect(preview.querySelector('li')?.textContent).toBe('第 1 条，answer：含有 HTML 标记，将按纯文本显示');
  });

  it('says in Chinese why an import could not be stored', async () => {
    const full = Object.assign(new Error('aborted'), {
      name: 'AbortError',
      inner: new DOMException('', 'QuotaExceededError'),
    });
    renderAdmin({ applyImport: vi.fn().mockRejectedValue(full) }, 'zh-CN');
    chooseFile('new.json', zh('kbImportLabel'));
    fireEvent.click(await screen.findByRole('button', { name: zh('kbApplyMerge') }));
    await waitFor(() =>
      expect(screen.getByTestId('kb-errors').querySelector('li')?.textContent).toBe('浏览器给扩展的存储空间已满'),
    );
  });

  it('says in Chinese what is wrong with an evaluation file', async () => {
    const evaluateFile = () => readEvalQueriesFile(new Blob(['{"text":"转账","expected":[]}'])).then(() => evalReport);
    renderAdmin({ evaluateFile }, 'zh-CN');
    chooseFile('queries.jsonl', zh('kbEvalLabel'));
    expect((await screen.findByTestId('kb-eval-error')).textContent).toBe('第 1 行："expected" 是空列表');
  });

  it('offers rollback only when there is an import to undo', () => {
    renderAdmin();
    expect(screen.queryByRole('button', { name: 'Undo the last import' })).toBeNull();
    cleanup();
    const props = renderAdmin({
      kb: {
        entries: current,
        record: { id: 1, fileName: 'x.json', importedAt: 0, mode: 'replace' },
        canRollBack: true,
      },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Undo the last import' }));
    expect(props.rollBack).toHaveBeenCalled();
  });

  it('tries a query against the KB in use', () => {
    renderAdmin();
    fireEvent.input(screen.getByLabelText('Try a query'), { target: { value: 'q b' } });
    expect(screen.getByTestId('kb-try-results').textContent).toContain('q b');
  });
});
