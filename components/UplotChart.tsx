import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface UplotChartProps {
  /** What the chart shows, for people who cannot see it; the figures are also in the tables. */
  label: string;
  options: Omit<uPlot.Options, 'width' | 'height'>;
  data: uPlot.AlignedData;
  height?: number;
  testId?: string;
}

/** A uPlot chart that follows its container's width. */
export function UplotChart({ label, options, data, height = 220, testId }: UplotChartProps) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const chart = new uPlot({ ...options, width: element.clientWidth || 600, height }, data, element);
    const resize = new ResizeObserver(() => chart.setSize({ width: element.clientWidth || 600, height }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [options, data, height]);
  return <figure class="chart" role="img" aria-label={label} ref={container} data-testid={testId} />;
}
