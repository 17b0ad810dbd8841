// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '@/components/i18n';
import { SuggestionCard, type SuggestionCardProps } from '@/components/SuggestionCard';
import type { Suggestion } from '@/utils/matcher/suggest';

const suggestion: Suggestion = {
  entry: {
    id: 'refund-en',
    locale: 'en',
    question: 'Where is my refund?',
    alternates: [],
    answer: 'Refunds reach the card in 3-5 working days.',
    tags: [],
  },
  score: 0.8,
  confidence: 0.8,
  matchedTerms: ['refund'],
  concepts: [],
  source: 'note',
};

function renderCard(overrides: Partial<SuggestionCardProps> = {}, language: 'en' | 'zh-CN' = 'en') {
  const props: SuggestionCardProps = {
    suggestion,
    active: false,
    expanded: false,
    vote: undefined,
    onActivate: vi.fn(),
    onToggle: vi.fn(),
    onInsert: vi.fn(),
    onCopy: vi.fn(),
    onVote: vi.fn(),
    checklistTitle: null,
    onStartChecklist: vi.fn(),
    ...overrides,
  };
  render(
    <I18nProvider language={language} uiLanguage="en">
      <ul>
        <SuggestionCard {...props} />
      </ul>
    </I18nProvider>,
  );
  return props;
}

// The question's button, found by its marker: the <mark> inside splits its accessible name in happy-dom.
const question = () => screen.getByTestId('suggestion').querySelector<HTMLButtonElement>('[data-card-focus]')!;

describe('SuggestionCard', () => {
  afterEach(cleanup);

  it('shows the question with the matched words marked and where it came from', () => {
    renderCard();
    expect([...question().querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['refund']);
    expect(screen.getByTestId('suggestion').textContent).toContain('From your note');
    expect(screen.queryByTestId('answer')).toBeNull();
  });

  it.each([
    [{ active: true, expanded: false }, true],
    [{ active: false, expanded: true }, false],
    [{ active: true, expanded: true }, false],
  ])('shows the answer for %o, clamped: %s', (state, clamped) => {
    renderCard(state);
    const answer = screen.getByTestId('answer');
    expect(answer.textContent).toBe('Refunds reach the card in 3-5 working days.');
    expect(answer.classList.contains('card__answer--clamped')).toBe(clamped);
    expect(answer.getAttribute('lang')).toBe('en');
    expect(question().getAttribute('aria-controls')).toBe(answer.id);
  });

  it('is the one card in the tab order when active', () => {
    renderCard({ active: true });
    expect(screen.getByTestId('suggestion').getAttribute('aria-current')).toBe('true');
    for (const button of screen.getAllByRole('button')) expect(button.tabIndex).toBe(0);
    cleanup();
    renderCard({ active: false });
    expect(screen.getByTestId('suggestion').hasAttribute('aria-current')).toBe(false);
    for (const button of screen.getAllByRole('button')) expect(button.tabIndex).toBe(-1);
  });

  it('becomes the active card when focus moves into it', () => {
    const props = renderCard();
    fireEvent.focusIn(screen.getByRole('button', { name: 'Copy' }));
    expect(props.onActivate).toHaveBeenCalled();
  });

  it('opens and closes the answer from the question', () => {
    const props = renderCard();
    expect(question().textContent).toBe('Where is my refund?');
    fireEvent.click(question());
    expect(props.onToggle).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['Insert', 'onInsert'],
    ['Copy', 'onCopy'],
  ] as const)('"%s" calls %s', (name, handler) => {
    const props = renderCard();
    fireEvent.click(screen.getByRole('button', { name }));
    expect(props[handler]).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['Helpful', true],
    ['Not helpful', false],
  ])('votes "%s"', (name, helpful) => {
    const props = renderCard();
    fireEvent.click(screen.getByRole('button', { name }));
    expect(props.onVote).toHaveBeenCalledWith(helpful);
  });

  it.each([
    [undefined, 'false', 'false'],
    [true, 'true', 'false'],
    [false, 'false', 'true'],
  ])('shows the vote %s as pressed', (vote, helpful, notHelpful) => {
    renderCard({ vote });
    expect(screen.getByRole('button', { name: 'Helpful' }).getAttribute('aria-pressed')).toBe(helpful);
    expect(screen.getByRole('button', { name: 'Not helpful' }).getAttribute('aria-pressed')).toBe(notHelpful);
  });

  it('offers the linked checklist only when it can be started', () => {
    renderCard();
    expect(screen.queryByRole('button', { name: /^Start:/ })).toBeNull();
    cleanup();
    const props = renderCard({ checklistTitle: 'Failed transfer' });
    fireEvent.click(screen.getByRole('button', { name: 'Start: Failed transfer' }));
    expect(props.onStartChecklist).toHaveBeenCalledTimes(1);
  });

  it('says when an answer is in the other language', () => {
    renderCard({}, 'zh-CN');
    expect(screen.getByTestId('suggestion').querySelector('.card__locale')?.textContent).toBe('英文');
    cleanup();
    renderCard();
    expect(screen.getByTestId('suggestion').querySelector('.card__locale')).toBeNull();
  });

  it('shows markup in an answer as text', () => {
    const entry = { ...suggestion.entry, answer: '<img src=x onerror="alert(1)"> Call us' };
    renderCard({ suggestion: { ...suggestion, entry }, expanded: true });
    expect(screen.getByTestId('answer').querySelector('img')).toBeNull();
    expect(screen.getByTestId('answer').textContent).toBe('<img src=x onerror="alert(1)"> Call us');
  });
});
