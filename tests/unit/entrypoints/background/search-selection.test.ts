import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onCommand, onMenuClicked, SEARCH_COMMAND, SEARCH_MENU_ID } from '@/entrypoints/background/search-selection';
import { pendingSearchItem } from '@/utils/pending-search';
import { makeTab } from '../../../fixtures/factories';

const tab = makeTab({ id: 7, windowId: 1 });

describe('search selection from the context menu and shortcut', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(Date, 'now').mockReturnValue(5_000);
    vi.spyOn(fakeBrowser.sidePanel, 'open').mockResolvedValue();
  });

  it('hands the selected text of a menu click to the panel of that tab', async () => {
    await onMenuClicked(
      { menuItemId: SEARCH_MENU_ID, selectionText: '  card  frozen ', editable: false, pageUrl: '' },
      tab,
    );
    await expect(pendingSearchItem.getValue()).resolves.toEqual({ tabId: 7, text: 'card frozen', at: 5_000 });
    expect(fakeBrowser.sidePanel.open).toHaveBeenCalledWith({ windowId: 1 });
  });

  it('ignores other menu items and empty selections', async () => {
    await onMenuClicked({ menuItemId: 'other', selectionText: 'x', editable: false, pageUrl: '' }, tab);
    await onMenuClicked({ menuItemId: SEARCH_MENU_ID, selectionText: '   ', editable: false, pageUrl: '' }, tab);
    await expect(pendingSearchItem.getValue()).resolves.toBeNull();
  });

  it('asks the page for its selection on the keyboard command', async () => {
    const sendToTab = vi
      .spyOn(fakeBrowser.tabs, 'sendMessage')
      .mockResolvedValue({ ok: true, value: 'otp never came' } as never);
    await onCommand(SEARCH_COMMAND, tab);
    expect(sendToTab).toHaveBeenCalledWith(7, expect.objectContaining({ type: 'getSelectionText' }), { frameId: 0 });
    await expect(pendingSearchItem.getValue()).resolves.toMatchObject({ tabId: 7, text: 'otp never came' });
  });

  it('does nothing when the page cannot answer', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Receiving end does not exist.'));
    await onCommand(SEARCH_COMMAND, tab);
    await expect(pendingSearchItem.getValue()).resolves.toBeNull();
  });
});
