// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/preact';
import type uPlot from 'uplot';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UplotChart } from '@/components/UplotChart';

const options: Omit<uPlot.Options, 'width' | 'height'> = {
  scales: { x: { time: false } },
  series: [{}, { label: 'Compliance' }],
};

/** happy-dom has no canvas: a 2D context and paths that draw nothing. */
function fakeCanvas() {
  const noop = () => {};
  const context = new Proxy<Record<string | symbol, unknown>>(
    { measureText: () => ({ width: 10 }) },
    {
      get: (target, key) => (key in target ? target[key] : noop),
      set: (target, key, value) => {
        target[key] = value;
        return true;
      },
    },
  );
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(context as never);
  vi.stubGlobal(
    'Path2D',
    class {
      constructor() {
        // biome-ignore lint/correctness/noConstructorReturn: every path method is a no-op
        return new Proxy(this, { get: () => noop });
      }
    },
  );
}

const flush = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));

describe('UplotChart', () => {
  beforeEach(fakeCanvas);
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('is an image described by its label, with the chart inside', async () => {
    render(<UplotChart label="2024-05-01: 50% of 2 runs compliant" options={options} data={[[0], [50]]} testId="c" />);
    await flush();
    const figure = screen.getByRole('img', { name: '2024-05-01: 50% of 2 runs compliant' });
    expect(figure.getAttribute('data-testid')).toBe('c');
    expect(figure.querySelectorAll('.uplot')).toHaveLength(1);
    expect(figure.textContent).toContain('Compliance');
  });

  it.each([
    [0, 600],
    [480, 480],
  ])('takes the width of its container (%i px wide: %i)', async (clientWidth, width) => {
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(clientWidth);
    render(<UplotChart label="x" options={options} data={[[0], [50]]} height={150} testId="c" />);
    await flush();
    const wrap = screen.getByTestId('c').querySelector<HTMLElement>('.u-wrap')!;
    expect([wrap.style.width, wrap.style.height]).toEqual([`${width}px`, '150px']);
  });

  it('replaces the chart when the data change, leaving one chart', async () => {
    const view = render(<UplotChart label="x" options={options} data={[[0], [50]]} testId="c" />);
    await flush();
    view.rerender(
      <UplotChart
        label="x"
        options={options}
        data={[
          [0, 1],
          [50, 70],
        ]}
        testId="c"
      />,
    );
    await flush();
    expect(screen.getByTestId('c').querySelectorAll('.uplot')).toHaveLength(1);
  });
});
