// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GapsSection, type GapsSectionProps } from '@/components/GapsSection';
import { I18nProvider } from '@/components/i18n';
import type { KnowledgeGapRecord } from '@/utils/db/database';

const AT = new Date(2024, 4, 1, 9, 0).getTime();
const gap = (key: string, kind: KnowledgeGapRecord['kind'], text: string, count: number): KnowledgeGapRecord => ({
  key,
  kind,
  text,
  count,
  firstAt: AT - 1_000,
  lastAt: AT,
});

function renderGaps(gaps: readonly KnowledgeGapRecord[]) {
  const props: GapsSectionProps = { gaps, onExport: vi.fn(), onClear: vi.fn() };
  render(
    <I18nProvider language="en" uiLanguage="en">
      <GapsSection {...props} />
    </I18nProvider>,
  );
  return props;
}

describe('GapsSection', () => {
  afterEach(cleanup);

  it('says when no gaps were recorded, with nothing to export or clear', () => {
    renderGaps([]);
    expect(screen.getByText('No gaps recorded yet.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('shows each gap with its kind, count and when it was last seen, in the order given', () => {
    renderGaps([
      gap('1', 'search', 'weather in paris', 7),
      gap('2', 'note', 'card ••••••••', 2),
      gap('3', 'not-helpful', 'refund delay', 1),
    ]);
    const rows = screen
      .getAllByRole('row')
      .slice(1)
      .map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent));
    const when = new Date(AT).toLocaleString('en');
    expect(rows).toEqual([
      ['weather in paris', 'search', '7', when],
      ['card ••••••••', 'note', '2', when],
      ['refund delay', 'not helpful', '1', when],
    ]);
  });

  it.each([
    ['Export CSV', 'onExport'],
    ['Clear', 'onClear'],
  ] as const)('"%s" calls %s', (name, handler) => {
    const props = renderGaps([gap('1', 'search', 'x', 1)]);
    fireEvent.click(screen.getByRole('button', { name }));
    expect(props[handler]).toHaveBeenCalledTimes(1);
    expect(props[handler === 'onExport' ? 'onClear' : 'onExport']).not.toHaveBeenCalled();
  });
});
