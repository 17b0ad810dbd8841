// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '@/components/i18n';
import { type NotesAdminProps, NotesAdminSection, NotesImport } from '@/components/NotesAdminSection';
import { createTranslator } from '@/utils/i18n';
import { NotesBundleError, scanNotesBundle } from '@/utils/notes/notes-bundle';
import type { ImportReport } from '@/utils/notes/notes-transfer';

const AT = new Date(2024, 4, 1, 3, 0).getTime();
const report: ImportReport = { total: 5, added: 2, updated: 1, unchanged: 1, conflicts: [], older: ['n9'] };

function renderAdmin(overrides: Partial<NotesAdminProps> = {}) {
  const props: NotesAdminProps = {
    retentionDays: 180,
    purges: [],
    onRetentionChange: vi.fn(),
    onExport: vi.fn(),
    onImport: vi.fn().mockResolvedValue(report),
    ...overrides,
  };
  render(
    <I18nProvider language="en" uiLanguage="en">
      <NotesAdminSection {...props} />
    </I18nProvider>,
  );
  return props;
}

const retentionInput = () => screen.getByLabelText('Keep notes for (days)') as HTMLInputElement;
const fileInput = () => screen.getByLabelText('Import a notes bundle (JSON)') as HTMLInputElement;
function chooseFile(file: File | null) {
  Object.defineProperty(fileInput(), 'files', { value: file ? [file] : [], configurable: true });
  fireEvent.change(fileInput());
}

describe('NotesAdminSection', () => {
  afterEach(cleanup);

  it('shows the retention period and saves a new one as a number', () => {
    const props = renderAdmin({ retentionDays: 90 });
    const input = retentionInput();
    expect(input.value).toBe('90');
    expect([input.min, input.max]).toEqual(['7', '3650']);
    fireEvent.change(input, { target: { value: '30' } });
    expect(props.onRetentionChange).toHaveBeenCalledWith(30);
  });

  it.each(['', '0', '3', '3651', '7.5'])(
    'refuses a period of "%s" days, says which are allowed and saves nothing',
    (typed) => {
      const props = renderAdmin({ retentionDays: 90 });
      const input = retentionInput();
      fireEvent.change(input, { target: { value: typed } });
      expect(screen.getByRole('alert').textContent).toBe(
        'Enter a whole number of days from 7 to 3650. Notes are still kept for 90 days.',
      );
      expect(input.getAttribute('aria-invalid')).toBe('true');
      expect(props.onRetentionChange).not.toHaveBeenCalled();
      fireEvent.change(input, { target: { value: '30' } });
      expect(props.onRetentionChange).toHaveBeenCalledWith(30);
      expect(screen.queryByRole('alert')).toBeNull();
      expect(input.getAttribute('aria-invalid')).toBeNull();
    },
  );

  it('says the period was not saved, and shows the one still in force, when saving fails', async () => {
    renderAdmin({ retentionDays: 90, onRetentionChange: vi.fn().mockRejectedValue(new Error('QuotaExceededError')) });
    const input = retentionInput();
    fireEvent.change(input, { target: { value: '30' } });
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'The period was not saved (QuotaExceededError). Notes are still kept for 90 days.',
      ),
    );
    expect(input.value).toBe('90');
    expect(input.getAttribute('aria-invalid')).toBeNull();
  });

  it('lists recent clean-ups, or says none has run', () => {
    renderAdmin();
    expect(screen.getByText('No clean-up has run yet.')).toBeTruthy();
    cleanup();
    renderAdmin({ purges: [{ id: 1, at: AT, retentionDays: 30, deleted: 12, keptForReview: 3 }] });
    expect(screen.getByRole('listitem').textContent).toBe(
      `${new Date(AT).toLocaleString('en')}: 12 deleted, 3 kept for review (period 30 days)`,
    );
  });

  it.each([
    ['Export all notes (JSON)', 'json'],
    ['Export all notes (CSV)', 'csv'],
  ])('"%s" exports as %s', (name, format) => {
    const props = renderAdmin();
    fireEvent.click(screen.getByRole('button', { name }));
    expect(props.onExport).toHaveBeenCalledWith(format);
  });

  describe('import', () => {
    it('shows progress while importing, with the file input off, then the merge report', async () => {
      let progress: (share: number) => void = () => {};
      let finish: (value: ImportReport) => void = () => {};
      const onImport = vi.fn((_file: File, onProgress: (share: number) => void) => {
        progress = onProgress;
        return new Promise<ImportReport>((resolve) => {
          finish = resolve;
        });
      });
      renderAdmin({ onImport });
      const file = new File(['{}'], 'notes.json');
      chooseFile(file);
      expect(onImport).toHaveBeenCalledWith(file, expect.any(Function));
      await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Importing… 0%'));
      expect(fileInput().disabled).toBe(true);
      progress(0.426);
      await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Importing… 43%'));
      expect(screen.getByRole('status').querySelector('progress')?.value).toBeCloseTo(0.426);
      finish({ ...report, conflicts: ['n1', 'n2'] });
      await waitFor(() => screen.getByTestId('notes-import-report'));
      expect(screen.getByTestId('notes-import-report').textContent).toBe(
        '5 notes read: 2 added, 1 updated, 1 unchanged, 1 kept because ours is newer, 2 conflicts kept as they were.' +
          'Conflicts (same revision, different content): n1, n2',
      );
      expect(fileInput().disabled).toBe(false);
    });

    it('lists no conflicts when there are none', async () => {
      renderAdmin();
      chooseFile(new File(['{}'], 'notes.json'));
      await waitFor(() => screen.getByTestId('notes-import-report'));
      expect(screen.getByTestId('notes-import-report').textContent).not.toContain('Conflicts');
    });

    it('says why a bundle was refused', async () => {
      renderAdmin({ onImport: vi.fn().mockRejectedValue(new Error('checksum does not match')) });
      chooseFile(new File(['{}'], 'notes.json'));
      await waitFor(() =>
        expect(screen.getByTestId('notes-import-error').textContent).toBe('Not imported: checksum does not match'),
      );
      expect(screen.queryByTestId('notes-import-report')).toBeNull();
    });

    it.each<[string, unknown, string]>([
      [
        'a refused bundle',
        new NotesBundleError({
          place: { kind: 'note', position: 3 },
          field: 'id',
          reason: 'issueNotesIdUsed',
          args: ['"a"'],
        }),
        '未导入：第 3 条记录，id："a" 已被前面的记录使用',
      ],
      [
        'a full disk while storing, inside the error Dexie throws',
        Object.assign(new Error('aborted'), { name: 'AbortError', inner: new DOMException('', 'QuotaExceededError') }),
        '未导入：浏览器给扩展的存储空间已满',
      ],
    ])('says why in Chinese for %s, on the Review page as in Options', async (_name, error, text) => {
      render(
        <I18nProvider language="zh-CN" uiLanguage="en">
          <NotesImport onImport={vi.fn().mockRejectedValue(error)} />
        </I18nProvider>,
      );
      const input = screen.getByLabelText(createTranslator('zh-CN')('notesImportLabel')) as HTMLInputElement;
      Object.defineProperty(input, 'files', { value: [new File(['{}'], 'notes.json')], configurable: true });
      fireEvent.change(input);
      await waitFor(() => expect(screen.getByTestId('notes-import-error').textContent).toBe(text));
    });

    it('says in Chinese what the real parser found wrong with a bundle', async () => {
      const bytes = new TextEncoder().encode('{"format":"agent-assist-notes","version":1,"notes":[],"count":4}');
      const onImport = () =>
        scanNotesBundle(
          (async function* () {
            yield bytes;
          })(),
          { totalBytes: bytes.byteLength },
        ).then(() => report);
      render(
        <I18nProvider language="zh-CN" uiLanguage="en">
          <NotesImport onImport={onImport} />
        </I18nProvider>,
      );
      const input = screen.getByLabelText(createTranslator('zh-CN')('notesImportLabel')) as HTMLInputElement;
      Object.defineProperty(input, 'files', { value: [new File(['{}'], 'notes.json')], configurable: true });
      fireEvent.change(input);
      await waitFor(() =>
        expect(screen.getByTestId('notes-import-error').textContent).toBe(
          '未导入：文件：文件标明有 4 条记录，实际有 0 条，可能不完整',
        ),
      );
    });

    it('does nothing when no file was chosen', () => {
      const props = renderAdmin();
      chooseFile(null);
      expect(props.onImport).not.toHaveBeenCalled();
      expect(screen.queryByRole('status')).toBeNull();
    });
  });
});
