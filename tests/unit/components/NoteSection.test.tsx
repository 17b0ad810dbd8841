// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '@/components/i18n';
import { isEmptyNote, NoteSection, type NoteSectionProps } from '@/components/NoteSection';
import { type SaveState, useCallNote } from '@/components/use-call-note';
import { AgentAssistDatabase } from '@/utils/db/database';
import type { CallNote } from '@/utils/notes/call-note';
import { makeNote, makeRun } from '../../fixtures/factories';

/** 1 May 2024, 14:05:09 local time. */
const AT = new Date(2024, 4, 1, 14, 5, 9).getTime();

type Change = Parameters<NoteSectionProps['onChange']>;

/** The section over a note held in state, so every change shows as the agent would see it. */
function renderNote(overrides: Partial<NoteSectionProps> = {}, language: 'en' | 'zh-CN' = 'en') {
  const changes: { note: CallNote; options: Change[1] }[] = [];
  const props: NoteSectionProps = {
    note: makeNote(),
    saveState: { status: 'unsaved' },
    lastMasked: [],
    hasCase: true,
    history: [],
    onChange: () => {},
    onEndCall: vi.fn(),
    onKeepMine: vi.fn(),
    onLoadTheirs: vi.fn(),
    ...overrides,
  };
  function Harness() {
    const [note, setNote] = useState(props.note);
    const onChange = (change: Change[0], options?: Change[1]) => {
      const next = change(note);
      changes.push({ note: next, options });
      setNote(next);
    };
    return <NoteSection {...props} note={note} onChange={onChange} />;
  }
  render(
    <I18nProvider language={language} uiLanguage="en">
      <Harness />
    </I18nProvider>,
  );
  return { props, changes, last: () => changes.at(-1) };
}

const textarea = () => screen.getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement;
const saveStatus = () => screen.getByTestId('note-save-state').textContent;
const endCall = () => screen.getByRole('button', { name: 'End call' }) as HTMLButtonElement;

describe('NoteSection', () => {
  afterEach(cleanup);

  it('passes typing on as a change of the text, saved after typing pauses', () => {
    const { changes, last } = renderNote({ note: makeNote({ text: 'Cust' }) });
    expect(textarea().value).toBe('Cust');
    fireEvent.input(textarea(), { target: { value: 'Customer locked out' } });
    expect(changes).toHaveLength(1);
    expect(last()?.note.text).toBe('Customer locked out');
    expect(last()?.options).toBeUndefined();
    expect(textarea().value).toBe('Customer locked out');
  });

  it.each<[string, SaveState, string]>([
    ['not saved yet', { status: 'unsaved' }, 'Not saved yet'],
    ['saving', { status: 'saving' }, 'Saving…'],
    ['saved, with the time', { status: 'saved', at: AT }, 'Saved 02:05:09 PM'],
    ['failing (shown as an alert instead)', { status: 'error', message: 'QuotaExceededError' }, ''],
  ])('shows the save state when %s', (_, saveState, text) => {
    renderNote({ saveState });
    expect(saveStatus()).toBe(text);
  });

  it.each<[string, 'en' | 'zh-CN', string]>([
    [
      'QuotaExceededError',
      'en',
      "Could not save (the browser's storage for the extension is full). Your text is kept and saving is retried.",
    ],
    ['QuotaExceededError', 'zh-CN', '保存失败（浏览器给扩展的存储空间已满）。内容已保留，正在重试。'],
    [
      'DatabaseClosedError',
      'en',
      'Could not save (the database is closed or blocked by another tab of the extension; reload this page). Your text is kept and saving is retried.',
    ],
    [
      'VersionChangeError',
      'zh-CN',
      '保存失败（数据库已关闭或被扩展的其他标签页占用，请重新加载此页面）。内容已保留，正在重试。',
    ],
    [
      'InvalidStateError',
      'zh-CN',
      '保存失败（数据库已关闭或被扩展的其他标签页占用，请重新加载此页面）。内容已保留，正在重试。',
    ],
    ['VersionError', 'zh-CN', '保存失败（数据库已被更新版本的扩展修改，请重新加载此页面）。内容已保留，正在重试。'],
    ['UnknownError', 'en', 'Could not save (UnknownError). Your text is kept and saving is retried.'],
    ['UnknownError', 'zh-CN', '保存失败（UnknownError）。内容已保留，正在重试。'],
  ])('says storage failed with %s (%s), keeps the text and says saving is retried', (name, language, text) => {
    renderNote({ note: makeNote({ text: 'keep me' }), saveState: { status: 'error', message: name } }, language);
    expect(screen.getByTestId('note-error').textContent).toBe(text);
    expect(screen.getByDisplayValue('keep me').tagName).toBe('TEXTAREA');
    expect(screen.queryByTestId('note-conflict')).toBeNull();
  });

  it('on a conflict, says when the other save was and offers keep-mine or load-theirs', () => {
    const theirs = makeNote({ text: 'other window', updatedAt: AT, revision: 3 });
    const { props } = renderNote({ note: makeNote({ text: 'mine' }), saveState: { status: 'conflict', theirs } });
    const conflict = screen.getByTestId('note-conflict');
    expect(conflict.getAttribute('role')).toBe('alert');
    expect(conflict.textContent).toContain('This note was changed in another window (02:05:09 PM).');
    expect(textarea().value).toBe('mine');
    fireEvent.click(within(conflict).getByRole('button', { name: 'Save mine over it' }));
    expect(props.onKeepMine).toHaveBeenCalledTimes(1);
    expect(props.onLoadTheirs).not.toHaveBeenCalled();
    fireEvent.click(within(conflict).getByRole('button', { name: 'Load the other version' }));
    expect(props.onLoadTheirs).toHaveBeenCalledTimes(1);
  });

  it.each(['unsaved', 'saving'] as const)('shows no conflict or error notice while %s', (status) => {
    renderNote({ saveState: { status } });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('lists what the last save masked, each kind once', () => {
    renderNote({
      lastMasked: [
        { kind: 'otp', start: 0, end: 6 },
        { kind: 'card', start: 10, end: 29 },
        { kind: 'otp', start: 40, end: 46 },
      ],
    });
    expect(screen.getByTestId('note-masked').textContent).toBe('Masked before saving: one-time code, card number');
  });

  it('shows no masked notice when nothing was masked', () => {
    renderNote();
    expect(screen.queryByTestId('note-masked')).toBeNull();
  });

  it.each([
    [true, false],
    [false, true],
  ])('with a case on the tab: %s, says the note has no case link: %s', (hasCase, hint) => {
    renderNote({ hasCase });
    expect(screen.queryByText('No case on this tab: the note is saved without a case link.') !== null).toBe(hint);
  });

  it.each([
    ['Category', 'fraud', { category: 'fraud' }],
    ['Category', '', { category: null }],
    ['Outcome', 'escalated', { outcome: 'escalated' }],
    ['Outcome', '', { outcome: null }],
  ])('choosing %s "%s" saves at once', (label, value, expected) => {
    const { last } = renderNote({ note: makeNote({ category: 'lockout', outcome: 'resolved' }) });
    fireEvent.change(screen.getByRole('combobox', { name: label }), { target: { value } });
    expect(last()?.note).toMatchObject(expected);
    expect(last()?.options).toEqual({ immediate: true });
  });

  it('offers every category and outcome by name', () => {
    renderNote();
    const names = (label: string) =>
      [...(screen.getByRole('combobox', { name: label }) as HTMLSelectElement).options].map((o) => o.textContent);
    expect(names('Category')).toEqual([
      'Choose…',
      'Account lockout',
      'Fraud or scam',
      'Transfer',
      'Payment',
      'Bank card',
      'Account and security',
      'App',
      'Other',
    ]);
    expect(names('Outcome')).toEqual(['Choose…', 'Resolved', 'Escalated', 'Follow-up']);
  });

  it('asks for a follow-up date only when the outcome is a follow-up', () => {
    const { last } = renderNote({ note: makeNote({ text: 'x' }) });
    expect(screen.queryByLabelText('Follow-up date')).toBeNull();
    fireEvent.change(screen.getByRole('combobox', { name: 'Outcome' }), { target: { value: 'follow-up' } });
    const date = screen.getByLabelText('Follow-up date');
    fireEvent.change(date, { target: { value: '2024-05-03' } });
    expect(last()?.note.followUpDate).toBe('2024-05-03');
    expect(last()?.options).toEqual({ immediate: true });
    fireEvent.change(date, { target: { value: '' } });
    expect(last()?.note.followUpDate).toBeNull();
  });

  it.each([
    ['lockout, vip', ['lockout', 'vip']],
    [' lockout ,, vip , ', ['lockout', 'vip']],
    ['锁定，大额, vip', ['锁定', '大额', 'vip']],
    ['', []],
    [Array.from({ length: 25 }, (_, i) => `t${i}`).join(','), Array.from({ length: 20 }, (_, i) => `t${i}`)],
  ])('reads tags "%s" as %j', (typed, tags) => {
    const { last } = renderNote({ note: makeNote({ tags: ['old'] }) });
    const input = screen.getByRole('textbox', { name: 'Tags' }) as HTMLInputElement;
    expect(input.value).toBe('old');
    fireEvent.change(input, { target: { value: typed } });
    expect(last()?.note.tags).toEqual(tags);
    expect(last()?.options).toEqual({ immediate: true });
  });

  it('keeps the tags being typed when an autosave re-renders the note before the field is left', () => {
    const onChange = vi.fn();
    const section = (note: CallNote, saveState: SaveState) => (
      <I18nProvider language="en" uiLanguage="en">
        <NoteSection
          note={note}
          saveState={saveState}
          lastMasked={[]}
          hasCase
          history={[]}
          onChange={onChange}
          onEndCall={vi.fn()}
          onKeepMine={vi.fn()}
          onLoadTheirs={vi.fn()}
        />
      </I18nProvider>
    );
    const note = makeNote({ text: 'Locked out', tags: ['lockout'] });
    const { rerender } = render(section(note, { status: 'saving' }));
    const input = screen.getByRole('textbox', { name: 'Tags' }) as HTMLInputElement;
    input.focus();
    fireEvent.input(input, { target: { value: 'lockout, vi' } });
    rerender(section({ ...note, revision: note.revision + 1 }, { status: 'saved', at: AT }));
    expect(input.value).toBe('lockout, vi');
    fireEvent.input(input, { target: { value: 'lockout, vip' } });
    input.blur();
    fireEvent.change(input);
    expect(onChange.mock.calls[0]?.[0](note).tags).toEqual(['lockout', 'vip']);
  });

  it('shows the tags as they were read once the field is left', () => {
    const { last } = renderNote({ note: makeNote({ tags: ['old'] }) });
    const input = screen.getByRole('textbox', { name: 'Tags' }) as HTMLInputElement;
    fireEvent.input(input, { target: { value: ' lockout ,, vip , ' } });
    fireEvent.change(input);
    expect(last()?.note.tags).toEqual(['lockout', 'vip']);
    expect(input.value).toBe('lockout, vip');
  });

  it('asks a supervisor to review the call, and takes the request back', () => {
    const { last } = renderNote();
    const box = screen.getByRole('checkbox', { name: 'Ask a supervisor to review this call' });
    fireEvent.click(box);
    expect(last()?.note.review).toMatchObject({ requested: true, status: 'unreviewed' });
    expect(last()?.options).toEqual({ immediate: true });
    fireEvent.click(box);
    expect(last()?.note.review.requested).toBe(false);
  });

  describe('End call', () => {
    it('is off while the note is empty and on once it holds text', () => {
      const { props } = renderNote();
      expect(endCall().disabled).toBe(true);
      fireEvent.input(textarea(), { target: { value: 'Resolved on the call' } });
      expect(endCall().disabled).toBe(false);
      fireEvent.click(endCall());
      expect(props.onEndCall).toHaveBeenCalledTimes(1);
    });

    it('stays off for text that is only spaces', () => {
      renderNote();
      fireEvent.input(textarea(), { target: { value: '  \n ' } });
      expect(endCall().disabled).toBe(true);
    });

    it.each<[string, Partial<CallNote>, boolean]>([
      ['nothing', {}, true],
      ['blank text', { text: '   ' }, true],
      ['a category only', { category: 'fraud' }, true],
      ['text', { text: 'hello' }, false],
      ['a checklist run', { checklistRuns: [makeRun()] }, false],
      ['an FAQ answer used', { faqUsed: [{ entryId: 'e', question: 'q', action: 'copied', at: 1 }] }, false],
      ['an outcome', { outcome: 'resolved' }, false],
    ])('a note with %s is empty: %s', (_, overrides, empty) => {
      expect(isEmptyNote(makeNote(overrides))).toBe(empty);
    });
  });

  describe('case history', () => {
    it('says there are no earlier notes', () => {
      renderNote();
      const history = screen.getByTestId('note-history');
      expect(history.querySelector('summary')?.textContent).toBe('Earlier notes on this case (0)');
      expect(history.textContent).toContain('No earlier notes on this case.');
    });

    it('lists earlier notes with who handled them, the outcome and the text', () => {
      renderNote({
        history: [
          makeNote({ id: 'h1', agentName: 'Lin', endedAt: AT, outcome: 'escalated', text: 'Sent to risk team' }),
          makeNote({ id: 'h2', agentName: '', agentId: 'A-7', outcome: null, text: 'Called back' }),
        ],
      });
      const history = screen.getByTestId('note-history');
      expect(history.querySelector('summary')?.textContent).toBe('Earlier notes on this case (2)');
      const items = within(history).getAllByRole('listitem');
      expect(items[0]?.textContent).toContain('Lin · Escalated');
      expect(items[0]?.textContent).toContain(new Date(AT).toLocaleString('en'));
      expect(items[0]?.querySelector('.note__history-text')?.textContent).toBe('Sent to risk team');
      expect(items[1]?.textContent).toContain('A-7');
      expect(items[1]?.textContent).not.toContain(' · Resolved');
      expect(items[1]?.querySelector('.note__history-text')?.textContent).toBe('Called back');
    });
  });
});

describe('NoteSection with the call-note hook', () => {
  let db: AgentAssistDatabase;
  afterEach(async () => {
    cleanup();
    await db.delete();
  });

  function Panel() {
    const call = useCallNote(db, null, { id: 'A-1', name: 'Lin' });
    if (!call.note) return null;
    return (
      <NoteSection
        note={call.note}
        saveState={call.saveState}
        lastMasked={call.lastMasked}
        hasCase={false}
        history={[]}
        onChange={call.update}
        onEndCall={() => void call.endCall()}
        onKeepMine={call.keepMine}
        onLoadTheirs={call.loadTheirs}
      />
    );
  }

  it('masks a code the agent typed once it is saved, says so, and ends the call into a fresh note', async () => {
    db = new AgentAssistDatabase(`note-section-${Math.random()}`);
    render(
      <I18nProvider language="en" uiLanguage="en">
        <Panel />
      </I18nProvider>,
    );
    await waitFor(() => expect(saveStatus()).toBe('Not saved yet'));
    fireEvent.input(textarea(), { target: { value: 'Caller read out code 482913' } });
    await waitFor(() => expect(saveStatus()).toMatch(/^Saved /), { timeout: 2000 });
    expect(textarea().value).toBe('Caller read out code ••••••');
    expect(screen.getByTestId('note-masked').textContent).toBe('Masked before saving: one-time code');
    expect((await db.notes.toArray()).map((n) => n.text)).toEqual(['Caller read out code ••••••']);

    fireEvent.click(endCall());
    await waitFor(() => expect(textarea().value).toBe(''));
    expect(saveStatus()).toBe('Not saved yet');
    expect(screen.queryByTestId('note-masked')).toBeNull();
    expect(endCall().disabled).toBe(true);
    expect((await db.notes.toArray())[0]?.endedAt).toEqual(expect.any(Number));
  });
});
