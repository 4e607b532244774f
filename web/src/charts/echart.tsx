import type { ECharts, EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef } from 'react';

const loadECharts = () => import('./echarts-setup.js').then((m) => m.echarts);

interface Props {
  option: EChartsCoreOption;
  height: number;
  label: string;
  testId?: string;
  /** a click anywhere in the plot area picks the category (bucket) under the pointer */
  onCategoryClick?: (index: number) => void;
}

/** A chart that loads ECharts on first use and follows its container's width. */
export function EChart({ option, height, label, testId, onCategoryClick }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const latest = useRef(option);
  latest.current = option;
  const click = useRef(onCategoryClick);
  click.current = onCategoryClick;

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    void loadECharts().then((echarts) => {
      if (disposed || !el.current) return;
      const c = echarts.init(el.current, null, { renderer: 'svg' });
      chart.current = c;
      c.setOption(latest.current);
      el.current.dataset.ready = 'true';
      c.getZr().on('click', (e: { offsetX: number; offsetY: number }) => {
        const point = [e.offsetX, e.offsetY];
        if (!click.current || !c.containPixel('grid', point)) return;
        const index = (c.convertFromPixel({ gridIndex: 0 }, point) as number[])[0];
        if (typeof index === 'number' && Number.isFinite(index)) click.current(Math.round(index));
      });
      observer = new ResizeObserver(() => c.resize());
      observer.observe(el.current);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={el}
      className={`chart${onCategoryClick ? ' chart-clickable' : ''}`}
      style={{ height }}
      role="img"
      aria-label={label}
      data-testid={testId}
    />
  );
}
