// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AgentSettingsForm } from '@/components/AgentSettingsForm';
import { I18nProvider } from '@/components/i18n';
import { createTranslator } from '@/utils/i18n';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings';
import { readSettingsFile } from '@/utils/settings-file';

type Props = Parameters<typeof AgentSettingsForm>[0];

function renderForm(overrides: Partial<Props> = {}, language: 'en' | 'zh-CN' = 'en') {
  const props: Props = {
    settings: { ...DEFAULT_SETTINGS, agentName: 'Lin', agentId: 'A-1' },
    onSave: vi.fn().mockResolvedValue(undefined),
    onExport: vi.fn(),
    onImport: vi.fn().mockResolvedValue(undefined),
    ...overrides,
  };
  const element = (settings: Settings) => (
    <I18nProvider language={language} uiLanguage="en">
      <AgentSettingsForm {...props} settings={settings} />
    </I18nProvider>
  );
  const view = render(element(props.settings));
  return { props, rerender: (settings: Settings) => view.rerender(element(settings)) };
}

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const saveState = () => screen.getByTestId('save-state').textContent;

function chooseFile(file: File | null, label = 'Import settings') {
  const input = screen.getByLabelText(label) as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: file ? [file] : [], configurable: true });
  fireEvent.change(input);
}

describe('AgentSettingsForm', () => {
  afterEach(cleanup);

  it('shows the stored settings', () => {
    renderForm({ settings: { ...DEFAULT_SETTINGS, language: 'zh-CN', agentName: 'Lin', agentId: 'A-1' } });
    expect((screen.getByLabelText('Language') as HTMLSelectElement).value).toBe('zh-CN');
    expect(field('Your name').value).toBe('Lin');
    expect(field('Agent ID').value).toBe('A-1');
    expect(saveState()).toBe('');
  });

  it.each<[string, string, Partial<Settings>]>([
    ['Language', 'en', { language: 'en' }],
    ['Your name', 'Lin Wei', { agentName: 'Lin Wei' }],
    ['Agent ID', 'A-42', { agentId: 'A-42' }],
  ])('saves %s when it changes, and says it saved', async (label, value, change) => {
    const { props } = renderForm();
    fireEvent.change(screen.getByLabelText(label), { target: { value } });
    expect(props.onSave).toHaveBeenCalledWith(change);
    await waitFor(() => expect(saveState()).toBe('Saved'));
  });

  it('does not save while the agent is still typing', () => {
    const { props } = renderForm();
    fireEvent.input(field('Your name'), { target: { value: 'Li' } });
    expect(props.onSave).not.toHaveBeenCalled();
  });

  it('says why a save failed', async () => {
    renderForm({ onSave: vi.fn().mockRejectedValue(new Error('storage full')) });
    fireEvent.change(field('Agent ID'), { target: { value: 'A-2' } });
    await waitFor(() => expect(saveState()).toBe('Could not save: Error: storage full'));
  });

  it('keeps what is being typed when another field’s save comes back', () => {
    const { rerender } = renderForm();
    const name = field('Your name');
    act(() => name.focus());
    fireEvent.input(name, { target: { value: 'Lin W' } });
    rerender({ ...DEFAULT_SETTINGS, agentName: 'Lin', agentId: 'A-2' });
    expect(name.value).toBe('Lin W');
    expect(field('Agent ID').value).toBe('A-2');
  });

  it('takes a stored name from elsewhere while the field is not being edited', () => {
    const { rerender } = renderForm();
    rerender({ ...DEFAULT_SETTINGS, agentName: 'Imported name', agentId: 'A-1' });
    expect(field('Your name').value).toBe('Imported name');
  });

  it('exports the settings', () => {
    const { props } = renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Export settings' }));
    expect(props.onExport).toHaveBeenCalledTimes(1);
  });

  it('imports a settings file and says so', async () => {
    const { props } = renderForm();
    const file = new File(['{}'], 'settings.json');
    chooseFile(file);
    expect(props.onImport).toHaveBeenCalledWith(file);
    await waitFor(() => expect(saveState()).toBe('Saved'));
  });

  it('says why an import failed', async () => {
    renderForm({ onImport: vi.fn().mockRejectedValue(new Error('not a settings file')) });
    chooseFile(new File(['{}'], 'x.json'));
    await waitFor(() => expect(saveState()).toBe('Could not save: not a settings file'));
  });

  it('says in Chinese why a settings file was refused, one problem a line', async () => {
    const text = JSON.stringify({
      format: 'agent-assist-settings',
      version: 1,
      settings: { language: 'fr', agentId: 'x'.repeat(41) },
    });
    renderForm({ onImport: (file) => readSettingsFile(file).then(() => undefined) }, 'zh-CN');
    chooseFile(new File([text], 'settings.json'), createTranslator('zh-CN')('settingsImport'));
    await waitFor(() =>
      expect(saveState()).toBe(
        '保存失败：设置，language：应为 "auto"、"en" 或 "zh-CN"\n设置，agentId：应为不超过 40 个字符的文本',
      ),
    );
  });

  it('does nothing when no file was chosen', () => {
    const { props } = renderForm();
    chooseFile(null);
    expect(props.onImport).not.toHaveBeenCalled();
  });
});
