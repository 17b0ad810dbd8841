// @vitest-environment happy-dom
import { act, renderHook, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type CallNoteApi, useCallNote } from '@/components/use-call-note';
import { AgentAssistDatabase } from '@/utils/db/database';
import { saveNote } from '@/utils/notes/note-store';
import { makeCaseContext } from '../../fixtures/factories';

const context = makeCaseContext({
  url: 'http://127.0.0.1/cases/CS-1',
  caseId: 'CS-1',
  subject: 'Locked',
  customerName: 'Wang',
  customerRef: '****1',
  hasReplyEditor: true,
});
const agent = { id: 'A-1', name: 'Lin' };
let ids = 0;
const newId = () => `note-${++ids}`;

describe('useCallNote', () => {
  let db: AgentAssistDatabase;
  beforeEach(() => {
    db = new AgentAssistDatabase(`call-note-${Math.random()}`);
  });
  afterEach(() => db.delete());

  const type = (api: CallNoteApi, text: string) => act(() => api.update((n) => ({ ...n, text })));

  it('autosaves masked text after typing pauses and finds the same draft again', async () => {
    const first = renderHook(() => useCallNote(db, context, agent, { newId }));
    await waitFor(() => expect(first.result.current.note).not.toBeNull());
    await type(first.result.current, '客户报了验证码 482913');
    await waitFor(() => expect(first.result.current.saveState.status).toBe('saved'), { timeout: 2000 });
    expect(first.result.current.note?.text).toBe('客户报了验证码 ••••••');
    expect(first.result.current.lastMasked.map((s) => s.kind)).toEqual(['otp']);
    const id = first.result.current.note!.id;
    first.unmount();

    const again = renderHook(() => useCallNote(db, context, agent, { newId }));
    await waitFor(() => expect(again.result.current.note?.id).toBe(id));
    expect(again.result.current.note?.text).toBe('客户报了验证码 ••••••');
  });

  it('tells the later writer about a newer save elsewhere and keeps its text until it chooses', async () => {
    const panel = renderHook(() => useCallNote(db, context, agent, { newId }));
    await waitFor(() => expect(panel.result.current.note).not.toBeNull());
    await act(() => panel.result.current.update((n) => ({ ...n, text: 'first' }), { immediate: true }));
    await waitFor(() => expect(panel.result.current.saveState.status).toBe('saved'));
    const stored = (await db.notes.get(panel.result.current.note!.id))!;
    await saveNote(db, { ...stored, text: 'other window' }, stored.revision);

    await act(() => panel.result.current.update((n) => ({ ...n, text: 'mine' }), { immediate: true }));
    await waitFor(() => expect(panel.result.current.saveState.status).toBe('conflict'));
    expect(panel.result.current.note?.text).toBe('mine');
    expect((await db.notes.get(stored.id))?.text).toBe('other window');

    await act(() => panel.result.current.keepMine());
    await waitFor(() => expect(panel.result.current.saveState.status).toBe('saved'));
    expect((await db.notes.get(stored.id))?.text).toBe('mine');
  });

  it('keeps the draft in memory when storage fails, says so, and saves once it works again', async () => {
    const panel = renderHook(() => useCallNote(db, context, agent, { newId }));
    await waitFor(() => expect(panel.result.current.note).not.toBeNull());
    const put = vi
      .spyOn(db.notes, 'bulkPut')
      .mockRejectedValueOnce(Object.assign(new Error('quota'), { name: 'QuotaExceededError' }));
    await act(() => panel.result.current.update((n) => ({ ...n, text: 'do not lose me' }), { immediate: true }));
    await waitFor(() =>
      expect(panel.result.current.saveState).toEqual({ status: 'error', message: 'QuotaExceededError' }),
    );
    expect(panel.result.current.note?.text).toBe('do not lose me');
    await waitFor(() => expect(panel.result.current.saveState.status).toBe('saved'), { timeout: 3000 });
    expect((await db.notes.get(panel.result.current.note!.id))?.text).toBe('do not lose me');
    put.mockRestore();
  });

  it('ends the call: the note is stored as ended and a fresh draft starts', async () => {
    const panel = renderHook(() => useCallNote(db, context, agent, { newId }));
    await waitFor(() => expect(panel.result.current.note).not.toBeNull());
    await type(panel.result.current, 'resolved');
    const id = panel.result.current.note!.id;
    await act(() => panel.result.current.endCall());
    expect((await db.notes.get(id))?.endedAt).toEqual(expect.any(Number));
    expect(panel.result.current.note?.id).not.toBe(id);
    expect(panel.result.current.note?.text).toBe('');
  });

  it('hands the masked unsaved note over as the page goes away, and only then', async () => {
    const handOffOnClose = vi.fn();
    const panel = renderHook(() => useCallNote(db, context, agent, { newId, handOffOnClose }));
    await waitFor(() => expect(panel.result.current.note).not.toBeNull());
    window.dispatchEvent(new Event('pagehide'));
    expect(handOffOnClose).not.toHaveBeenCalled();

    await type(panel.result.current, 'card 4111 1111 1111 1111 and she');
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    expect(handOffOnClose).not.toHaveBeenCalled();
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    await waitFor(() => expect(panel.result.current.saveState.status).toBe('saved'));

    await type(panel.result.current, 'card 4111 1111 1111 1111 and she said');
    window.dispatchEvent(new Event('pagehide'));
    expect(handOffOnClose).toHaveBeenCalledTimes(1);
    const [note, basedOn] = handOffOnClose.mock.calls[0]!;
    expect(note).toMatchObject({ id: panel.result.current.note!.id, text: 'card •••• •••• •••• 1111 and she said' });
    expect(basedOn).toBe(1);
    await waitFor(() => expect(panel.result.current.saveState.status).toBe('saved'));
    panel.unmount();
  });
});
