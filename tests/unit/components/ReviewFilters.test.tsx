// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '@/components/i18n';
import { ReviewFilters, type ReviewFiltersProps } from '@/components/ReviewFilters';
import { EMPTY_FILTER, type ReviewFilter } from '@/utils/review/review-filter';

function renderFilters(filter: ReviewFilter = EMPTY_FILTER) {
  const props: ReviewFiltersProps = {
    filter,
    agents: [
      { id: 'A-1', name: 'Lin' },
      { id: 'A-2', name: '' },
    ],
    checklists: [
      { id: 'lockout', title: 'Account lockout' },
      { id: 'fraud', title: 'Possible scam' },
    ],
    onChange: vi.fn(),
  };
  render(
    <I18nProvider language="en" uiLanguage="en">
      <ReviewFilters {...props} />
    </I18nProvider>,
  );
  return props;
}

const field = (name: string) => screen.getByLabelText(name) as HTMLInputElement | HTMLSelectElement;
const optionsOf = (name: string) =>
  [...(field(name) as HTMLSelectElement).options].map((option) => [option.value, option.textContent]);

describe('ReviewFilters', () => {
  afterEach(cleanup);

  it.each<[string, string, Partial<ReviewFilter>]>([
    ['Agent', 'A-2', { agentId: 'A-2' }],
    ['Category', 'fraud', { category: 'fraud' }],
    ['Outcome', 'follow-up', { outcome: 'follow-up' }],
    ['Review', 'needs-coaching', { reviewStatus: 'needs-coaching' }],
    ['Checklist', 'lockout', { checklistId: 'lockout' }],
    ['Compliance', 'no-checklist', { compliance: 'no-checklist' }],
    ['From', '2024-05-01', { from: '2024-05-01' }],
    ['To', '2024-05-31', { to: '2024-05-31' }],
  ])('%s "%s" changes only that field of the filter', (name, value, change) => {
    const props = renderFilters();
    fireEvent.change(field(name), { target: { value } });
    expect(props.onChange).toHaveBeenCalledWith({ ...EMPTY_FILTER, ...change });
  });

  it.each<[string, Partial<ReviewFilter>]>([
    ['Agent', { agentId: null }],
    ['Category', { category: null }],
    ['Compliance', { compliance: null }],
    ['From', { from: null }],
  ])('%s set back to any clears that field and keeps the others', (name, cleared) => {
    const filter: ReviewFilter = {
      ...EMPTY_FILTER,
      agentId: 'A-1',
      category: 'card',
      compliance: 'not-compliant',
      from: '2024-05-01',
      text: 'refund',
    };
    const props = renderFilters(filter);
    fireEvent.change(field(name), { target: { value: '' } });
    expect(props.onChange).toHaveBeenCalledWith({ ...filter, ...cleared });
  });

  it('searches note text on every keystroke', () => {
    const props = renderFilters({ ...EMPTY_FILTER, outcome: 'resolved' });
    fireEvent.input(screen.getByTestId('filter-text'), { target: { value: 'safe acc' } });
    expect(props.onChange).toHaveBeenCalledWith({ ...EMPTY_FILTER, outcome: 'resolved', text: 'safe acc' });
  });

  it('shows the filter it is given', () => {
    renderFilters({
      ...EMPTY_FILTER,
      text: 'refund',
      agentId: 'A-1',
      category: 'transfer',
      reviewStatus: 'reviewed',
      checklistId: 'fraud',
      compliance: 'compliant',
      to: '2024-06-30',
    });
    expect(field('Search notes').value).toBe('refund');
    expect(field('Agent').value).toBe('A-1');
    expect(field('Category').value).toBe('transfer');
    expect(field('Review').value).toBe('reviewed');
    expect(field('Checklist').value).toBe('fraud');
    expect(field('Compliance').value).toBe('compliant');
    expect(field('To').value).toBe('2024-06-30');
    expect(field('Outcome').value).toBe('');
  });

  it('names agents, falling back to the id, and lists checklists by title', () => {
    renderFilters();
    expect(optionsOf('Agent')).toEqual([
      ['', 'Any'],
      ['A-1', 'Lin'],
      ['A-2', 'A-2'],
    ]);
    expect(optionsOf('Checklist')).toEqual([
      ['', 'Any'],
      ['lockout', 'Account lockout'],
      ['fraud', 'Possible scam'],
    ]);
    expect(optionsOf('Review')).toEqual([
      ['', 'Any'],
      ['unreviewed', 'Unreviewed'],
      ['reviewed', 'Reviewed'],
      ['needs-coaching', 'Needs coaching'],
    ]);
    expect(optionsOf('Compliance')).toEqual([
      ['', 'Any'],
      ['compliant', 'Compliant'],
      ['not-compliant', 'Not compliant'],
      ['no-checklist', 'No checklist'],
    ]);
  });

  it('clears every filter at once', () => {
    const props = renderFilters({ ...EMPTY_FILTER, text: 'x', agentId: 'A-1', compliance: 'compliant' });
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(props.onChange).toHaveBeenCalledWith(EMPTY_FILTER);
  });

  it('does not submit anywhere when Enter is pressed in the search box', () => {
    renderFilters();
    const form = screen.getByRole('form', { name: 'Call review' });
    const submit = new Event('submit', { bubbles: true, cancelable: true });
    form.dispatchEvent(submit);
    expect(submit.defaultPrevented).toBe(true);
  });
});
