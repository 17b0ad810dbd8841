// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FaqSection, type FaqSectionProps } from '@/components/FaqSection';
import { I18nProvider } from '@/components/i18n';
import { DEFAULT_KB } from '@/utils/kb/default-kb';
import { buildIndex } from '@/utils/matcher/matcher';
import { type SuggestionQuery, suggest } from '@/utils/matcher/suggest';
import { pendingSearchItem } from '@/utils/pending-search';

const index = buildIndex(DEFAULT_KB);

function renderFaq({
  backgroundQueries = [],
  ...overrides
}: Partial<FaqSectionProps> & { backgroundQueries?: SuggestionQuery[] } = {}) {
  const props: FaqSectionProps = {
    index,
    tabId: 3,
    background: suggest(index, backgroundQueries),
    votes: [],
    insertReply: vi.fn().mockResolvedValue({ ok: true, editor: 'textarea' }),
    copyText: vi.fn().mockResolvedValue(undefined),
    onVote: vi.fn(),
    onGap: vi.fn(),
    onUse: vi.fn(),
    startableChecklist: (id) => (id === 'transfer-failure' ? 'Failed transfer' : null),
    onStartChecklist: vi.fn(),
    ...overrides,
  };
  render(
    <I18nProvider language="en" uiLanguage="en">
      <FaqSection {...props} />
    </I18nProvider>,
  );
  return props;
}

const cards = () => screen.queryAllByTestId('suggestion');

describe('FaqSection', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(cleanup);

  it('suggests from the case without typing and says where each card came from', () => {
    renderFaq({ backgroundQueries: [{ source: 'case', text: 'Transfer failed with error TRF-4012' }] });
    expect(cards()[0]?.getAttribute('data-entry-id')).toBe('transfer-failed-en');
    expect(cards()[0]?.textContent).toContain('From the case');
  });

  it('lets the search box take over, and gives the case back when cleared', async () => {
    renderFaq({ backgroundQueries: [{ source: 'case', text: 'Transfer failed' }] });
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'lost my phone' } });
    await waitFor(() => expect(cards()[0]?.getAttribute('data-entry-id')).toBe('lost-phone-en'));
    expect(cards()[0]?.textContent).toContain('From your search');
    fireEvent.click(screen.getByRole('button', { name: 'Clear search' }));
    await waitFor(() => expect(cards()[0]?.getAttribute('data-entry-id')).toBe('transfer-failed-en'));
  });

  it('offers the checklist an answer links to, and starts it', () => {
    const props = renderFaq({ backgroundQueries: [{ source: 'case', text: 'transfer failed' }] });
    fireEvent.click(screen.getAllByRole('button', { name: 'Start: Failed transfer' })[0]!);
    expect(props.onStartChecklist).toHaveBeenCalledWith('transfer-failure');
  });

  it('highlights the matched words', () => {
    renderFaq({ backgroundQueries: [{ source: 'case', text: 'refund not received' }] });
    const marks = [...cards()[0]!.querySelectorAll('mark')].map((mark) => mark.textContent?.toLowerCase());
    expect(marks).toContain('refund');
  });

  it('falls back to copying when the page has no reply box, and says so', async () => {
    const props = renderFaq({
      backgroundQueries: [{ source: 'case', text: 'transfer failed' }],
      insertReply: vi.fn().mockResolvedValue({ ok: false, reason: 'no-editor' }),
    });
    fireEvent.click(screen.getAllByRole('button', { name: 'Insert' })[0]!);
    await waitFor(() =>
      expect(screen.getByTestId('faq-status').textContent).toContain('copied to the clipboard instead'),
    );
    expect(props.copyText).toHaveBeenCalledWith(DEFAULT_KB.find((e) => e.id === 'transfer-failed-en')!.answer);
    expect(props.onUse).toHaveBeenCalledWith(expect.objectContaining({ id: 'transfer-failed-en' }), 'copied');
  });

  it('records a vote with the query that produced the card', () => {
    const props = renderFaq({ backgroundQueries: [{ source: 'case', text: 'transfer failed' }] });
    fireEvent.click(screen.getAllByRole('button', { name: 'Not helpful' })[0]!);
    expect(props.onVote).toHaveBeenCalledWith({
      query: 'transfer failed',
      entryId: 'transfer-failed-en',
      helpful: false,
    });
    expect(screen.getAllByRole('button', { name: 'Not helpful' })[0]!.getAttribute('aria-pressed')).toBe('true');
  });

  it('keyboard: arrows move the active card, Enter opens it, Ctrl+Shift+C copies it', async () => {
    const props = renderFaq({ backgroundQueries: [{ source: 'case', text: 'transfer failed money not received' }] });
    const search = screen.getByRole('searchbox');
    search.focus();
    fireEvent.keyDown(search, { key: 'ArrowDown' });
    await waitFor(() => expect(cards()[1]?.getAttribute('aria-current')).toBe('true'));
    fireEvent.keyDown(search, { key: 'Enter' });
    await waitFor(() =>
      expect(cards()[1]?.querySelector('[aria-expanded]')?.getAttribute('aria-expanded')).toBe('true'),
    );
    fireEvent.keyDown(search, { key: 'C', ctrlKey: true, shiftKey: true });
    await waitFor(() => expect(props.copyText).toHaveBeenCalledTimes(1));
  });

  it('takes text sent from the page (context menu) into the search box', async () => {
    await pendingSearchItem.setValue({ tabId: 3, text: 'scam call safe account', at: Date.now() });
    renderFaq();
    await waitFor(() =>
      expect((screen.getByRole('searchbox') as HTMLInputElement).value).toBe('scam call safe account'),
    );
    expect(cards()[0]?.textContent).toContain('From selected text');
    await waitFor(async () => expect(await pendingSearchItem.getValue()).toBeNull());
  });

  it('reports a search with no good match as a gap once typing has settled', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const props = renderFaq();
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'weather in paris' } });
    expect(screen.getByTestId('faq-empty').textContent).toContain('No good match');
    await vi.advanceTimersByTimeAsync(2500);
    vi.useRealTimers();
    expect(props.onGap).toHaveBeenCalledWith('weather in paris');
  });
});
