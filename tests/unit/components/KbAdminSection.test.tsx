// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '@/components/i18n';
import { type KbAdminProps, KbAdminSection } from '@/components/KbAdminSection';
import type { KbEntry } from '@/utils/kb/kb-entry';
import { KbFileError } from '@/utils/kb/kb-file';
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

function renderAdmin(overrides: Partial<KbAdminProps> = {}) {
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
    <I18nProvider language="en" uiLanguage="en">
      <KbAdminSection {...props} />
    </I18nProvider>,
  );
  return props;
}

function chooseFile(name: string) {
  const input = screen.getByLabelText('Import a KB file (JSON or CSV)') as HTMLInputElement;
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
