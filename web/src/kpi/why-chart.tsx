import type { CustomSeriesRenderItem } from 'echarts';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import type { WhyReport } from '../api/insights.js';
import { durationStep } from '../charts/duration-axis.js';
import { EChart } from '../charts/echart.js';
import { FONT, GRID_LINE, INK, MUTED } from '../charts/palette.js';
import { useI18n } from '../i18n/i18n.js';
import { formatLevel, formatSteps, type WhyRow, type WhyScale, waterfallColumns } from './why-figures.js';

export const MIX_COLOUR = '#6d6fd8';
export const RATE_COLOUR = '#e08a2c';
const LEVEL_COLOUR = '#94a3b8';

interface Props {
  report: WhyReport;
  rows: readonly WhyRow[];
  scale: WhyScale;
  /** the change in steps, as the panel's headline shows it */
  change: number;
  label: (key: string) => string;
}

/**
 * One block: a column, its vertical extent, its slot (whole column, left half, right half). A level (the
 * first and last column) has from = to and stands on the bottom of the plot, whatever the axis' minimum.
 */
type Block = {
  x: number;
  from: number;
  to: number;
  slot: 0 | 1 | 2;
  colour: string;
  tip: string;
  level?: boolean;
};

/**
 * A waterfall from the previous period's value to the current one: for each group its mix effect (left
 * half of the column) and then its rate effect (right half), each starting where the last one ended.
 */
export function WhyChart({ report, rows, scale, change, label }: Props) {
  const { t, lang } = useI18n();
  const option = useMemo((): EChartsCoreOption => {
    const { before, after, measure } = report;
    const cols = waterfallColumns(rows);
    const columns = [...cols.rows, ...(cols.other ? [cols.other] : [])];
    const names = [
      t('why.previous'),
      ...cols.rows.map((r) => label(r.part.key)),
      ...(cols.other ? [t('why.other', { count: rows.length - cols.rows.length })] : []),
      t('why.current'),
    ];
    const level = (v: number) => formatLevel(v, measure, lang);
    const blocks: Block[] = [];
    let at = before ?? 0;
    const startLevel = at;
    const levels = [at];
    columns.forEach((r, i) => {
      const x = i + 1;
      const head = `<b>${names[x]}</b><br/>`;
      if (measure === 'count') {
        blocks.push({
          x,
          from: at,
          to: at + r.part.total,
          slot: 0,
          colour: RATE_COLOUR,
          tip: `${head}${formatSteps(r.total, scale, lang)}`,
        });
        at += r.part.total;
      } else {
        const tip = `${head}${t('why.mix')}: ${formatSteps(r.mix, scale, lang)}<br/>${t('why.rate')}: ${formatSteps(r.rate, scale, lang)}<br/>${t('why.total')}: ${formatSteps(r.total, scale, lang)}`;
        blocks.push({ x, from: at, to: at + r.part.mix, slot: 1, colour: MIX_COLOUR, tip });
        at += r.part.mix;
        levels.push(at);
        blocks.push({ x, from: at, to: at + r.part.rate, slot: 2, colour: RATE_COLOUR, tip });
        at += r.part.rate;
      }
      levels.push(at);
    });
    const end = after ?? at;
    levels.push(end);
    // durations read on clock steps (1 min, 5 min, 1 h), not on 100-second ones
    const lo = Math.min(...levels);
    const hi = Math.max(...levels);
    const step = durationStep(hi - lo, 4);
    const clock =
      measure === 'mean_s' && hi > lo
        ? { interval: step, min: Math.floor(lo / step) * step, max: Math.ceil(hi / step) * step }
        : {};
    const last = names.length - 1;
    blocks.unshift({
      x: 0,
      from: startLevel,
      to: startLevel,
      slot: 0,
      colour: LEVEL_COLOUR,
      tip: `<b>${names[0]}</b><br/>${level(startLevel)}`,
      level: true,
    });
    blocks.push({
      x: last,
      from: end,
      to: end,
      slot: 0,
      colour: LEVEL_COLOUR,
      tip: `<b>${names[last]}</b><br/>${level(end)} (${formatSteps(change, scale, lang)})`,
      level: true,
    });

    const render: CustomSeriesRenderItem = (params, api) => {
      const b = blocks[params.dataIndex]!;
      const [x, top] = api.coord([b.x, Math.max(b.from, b.to)]) as [number, number];
      const plot = params.coordSys as unknown as { y: number; height: number };
      const bottom = b.level
        ? plot.y + plot.height
        : (api.coord([b.x, Math.min(b.from, b.to)]) as [number, number])[1];
      const size = api.size?.([1, 0]);
      const band = (Array.isArray(size) ? size[0]! : 40) * 0.72;
      const width = b.slot === 0 ? band : band / 2 - 1;
      const left = b.slot === 2 ? x + 1 : x - band / 2;
      return {
        type: 'rect',
        shape: { x: left, y: top, width, height: Math.max(1.5, bottom - top) },
        style: { fill: b.colour },
      };
    };

    return {
      animation: false,
      textStyle: { fontFamily: FONT, color: INK },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: (p: { dataIndex: number }) => blocks[p.dataIndex]?.tip ?? '',
      },
      xAxis: {
        type: 'category',
        data: names,
        axisTick: { show: false },
        axisLine: { lineStyle: { color: GRID_LINE } },
        axisLabel: {
          color: MUTED,
          interval: 0,
          rotate: names.length > 7 ? 30 : 0,
          width: names.length > 7 ? 130 : 110,
          overflow: 'truncate',
        },
      },
      yAxis: {
        // not from zero: a few points of change must be visible on a rate of 60 %
        type: 'value',
        scale: true,
        splitNumber: 4,
        ...clock,
        splitLine: { lineStyle: { color: GRID_LINE } },
        axisLabel: { color: MUTED, formatter: (v: number) => level(v) },
      },
      series: [
        {
          type: 'custom',
          renderItem: render,
          encode: { x: 0, y: [1, 2] },
          data: blocks.map((b) => [b.x, b.from, b.to]),
          clip: true,
        },
      ],
    };
  }, [report, rows, scale, change, label, t, lang]);
  return <EChart option={option} height={300} label={t('why.chartLabel')} testId="why-chart" />;
}
