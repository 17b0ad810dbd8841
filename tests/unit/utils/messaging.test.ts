import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isNoReceiverError, NoReceiverError, notify, onMessage, sendMessage } from '@/utils/messaging';

describe('messaging', () => {
  beforeEach(() => fakeBrowser.reset());
  const removers: (() => void)[] = [];
  afterEach(() => {
    for (const remove of removers.splice(0)) remove();
  });

  it('delivers a typed message to its handler and returns the answer', async () => {
    removers.push(onMessage('insertReply', ({ text }) => ({ ok: true, editor: text === 'x' ? 'input' : 'textarea' })));
    await expect(sendMessage('insertReply', { text: 'hello' })).resolves.toEqual({ ok: true, editor: 'textarea' });
  });

  it('turns a handler error into a rejected promise with the same message', async () => {
    removers.push(
      onMessage('getSelectionText', () => {
        throw new Error('page is gone');
      }),
    );
    await expect(sendMessage('getSelectionText', undefined)).rejects.toThrow('page is gone');
  });

  it('leaves messages it has no handler for to other listeners', async () => {
    removers.push(onMessage('getSelectionText', () => 'selected'));
    const answers: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message) => {
      answers.push(message);
      return undefined;
    });
    await sendMessage('getSelectionText', undefined);
    expect(answers).toEqual([{ channel: 'agent-assist', type: 'getSelectionText', data: undefined }]);
  });

  it('ignores messages that are not part of the protocol', async () => {
    removers.push(onMessage('getSelectionText', () => 'selected'));
    await expect(fakeBrowser.runtime.sendMessage({ type: 'getSelectionText' })).resolves.toBeUndefined();
  });

  it('refuses a second handler for the same message in one context', () => {
    removers.push(onMessage('getCaseContext', () => null));
    expect(() => onMessage('getCaseContext', () => null)).toThrow(/already registered/);
  });

  it('stops answering once the handler is removed', async () => {
    const remove = onMessage('getSelectionText', () => 'selected');
    remove();
    await expect(sendMessage('getSelectionText', undefined)).rejects.toThrow();
  });

  it('notify does not fail when nobody listens (the panel is closed)', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(
      new Error('Could not establish connection. Receiving end does not exist.'),
    );
    await expect(notify('caseContextChanged', null)).resolves.toBeUndefined();
  });

  it('says when no context answered a message, as its own error', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
    const failure = sendMessage('getSelectionText', undefined);
    await expect(failure).rejects.toThrow(NoReceiverError);
    await expect(failure).rejects.toThrow('No receiver answered "getSelectionText"');
  });

  it.each<[string, unknown, boolean]>([
    ['no receiver of ours', new NoReceiverError('getCaseContext'), true],
    [
      "Chrome's missing content script",
      new Error('Could not establish connection. Receiving end does not exist.'),
      true,
    ],
    ['another failure', new Error('Extension context invalidated.'), false],
    ['a handler error that says nothing of receivers', new Error('page is gone'), false],
  ])('tells %s apart', (_name, error, expected) => {
    expect(isNoReceiverError(error)).toBe(expected);
  });

  it('notify passes on other failures', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('Extension context invalidated.'));
    await expect(notify('caseContextChanged', null)).rejects.toThrow(/invalidated/);
  });
});
