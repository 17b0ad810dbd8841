// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type ChecklistAdminProps, ChecklistAdminSection } from '@/components/ChecklistAdminSection';
import { I18nProvider } from '@/components/i18n';
import { ChecklistDefinitionError } from '@/utils/checklists/checklist-definition';
import { readChecklistFile } from '@/utils/checklists/checklist-store';
import { createTranslator } from '@/utils/i18n';
import { makeChecklist } from '../../fixtures/factories';

function renderAdmin(overrides: Partial<ChecklistAdminProps> = {}, language: 'en' | 'zh-CN' = 'en') {
  const props: ChecklistAdminProps = {
    checklists: [makeChecklist(), makeChecklist({ id: 'fraud', version: 3, title: { en: 'Scam', 'zh-CN': '诈骗' } })],
    onImport: vi.fn().mockResolvedValue({ added: ['a'], updated: [{ id: 'b', version: 2 }], unchanged: ['c', 'd'] }),
    onExport: vi.fn(),
    ...overrides,
  };
  render(
    <I18nProvider language={language} uiLanguage="en">
      <ChecklistAdminSection {...props} />
    </I18nProvider>,
  );
  return props;
}

function chooseFile(file: File | null) {
  const input = screen.getByLabelText('Import checklists (JSON)') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: file ? [file] : [], configurable: true });
  fireEvent.change(input);
}

const status = () => screen.getByRole('status').textContent;

describe('ChecklistAdminSection', () => {
  afterEach(cleanup);

  it('lists the checklists in use with their version and number of steps', () => {
    renderAdmin();
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Demo checklist (version 1, 5 steps)',
      'Scam (version 3, 5 steps)',
    ]);
  });

  it('names checklists in the agent’s language', () => {
    renderAdmin({}, 'zh-CN');
    expect(screen.getAllByRole('listitem')[1]?.textContent).toBe('诈骗 （第 3 版，5 个步骤）');
  });

  it('exports the checklists', () => {
    const props = renderAdmin();
    fireEvent.click(screen.getByRole('button', { name: 'Export checklists (JSON)' }));
    expect(props.onExport).toHaveBeenCalledTimes(1);
  });

  it('imports a file and says what was new, a new version or unchanged', async () => {
    const props = renderAdmin();
    const file = new File(['[]'], 'checklists.json');
    chooseFile(file);
    expect(props.onImport).toHaveBeenCalledWith(file);
    await waitFor(() => expect(status()).toBe('Imported: 1 new, 1 new versions, 2 unchanged.'));
  });

  it('lists every problem of a refused file, one per line, and clears them on the next import', async () => {
    const onImport = vi
      .fn()
      .mockRejectedValueOnce(
        new ChecklistDefinitionError([
          {
            place: { kind: 'checklist', step: { position: 2, id: 'check-id' } },
            field: 'kind',
            reason: 'issueChecklistKind',
          },
          {
            place: { kind: 'checklist', step: { position: 4, id: 'outcome' } },
            field: 'options',
            reason: 'issueChecklistChoiceNeedsOptions',
          },
        ]),
      )
      .mockResolvedValueOnce({ added: [], updated: [], unchanged: ['demo'] });
    renderAdmin({ onImport });
    chooseFile(new File(['[]'], 'bad.json'));
    const errors = await screen.findByTestId('checklist-import-errors');
    expect([...errors.querySelectorAll('li')].map((line) => line.textContent)).toEqual([
      'step 2 (check-id), kind: must be "check", "input" or "choice"',
      'step 4 (outcome), options: a choice needs options',
    ]);
    expect(status()).toBe('');
    chooseFile(new File(['[]'], 'good.json'));
    expect(screen.queryByTestId('checklist-import-errors')).toBeNull();
    await waitFor(() => expect(status()).toBe('Imported: 0 new, 0 new versions, 1 unchanged.'));
  });

  it('lists the problems of a refused file in Chinese for a zh-CN user', async () => {
    const text = JSON.stringify({ ...makeChecklist(), steps: [{ ...makeChecklist().steps[0], kind: 'tick' }] });
    renderAdmin(
      { onImport: (file) => readChecklistFile(file).then(() => ({ added: [], updated: [], unchanged: [] })) },
      'zh-CN',
    );
    const input = screen.getByLabelText(createTranslator('zh-CN')('checklistsImportLabel')) as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File([text], 'bad.json')], configurable: true });
    fireEvent.change(input);
    const errors = await screen.findByTestId('checklist-import-errors');
    expect([...errors.querySelectorAll('li')].map((line) => line.textContent)).toEqual([
      `第 1 步（${makeChecklist().steps[0]!.id}），kind：应为 "check"、"input" 或 "choice"`,
    ]);
  });

  it('does nothing when no file was chosen', () => {
    const props = renderAdmin();
    chooseFile(null);
    expect(props.onImport).not.toHaveBeenCalled();
  });
});
