import type { CustomSeriesRenderItem } from 'echarts';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import type { ChannelBenchmark } from '../api/insights.js';
import type { Tier } from '../api/types.js';
import { EChart } from '../charts/echart.js';
import { FONT, INK, MUTED, TIER_COLOUR } from '../charts/palette.js';
import { valueLabel } from '../components/labels.js';
import { formatDuration } from '../format/format.js';
import { useI18n } from '../i18n/i18n.js';

/** Bands a little stronger than the time series' tints: here they are the subject, not the backdrop. */
const BAND: Record<Tier, string> = {
  excellent: 'rgba(21, 128, 61, 0.20)',
  good: 'rgba(14, 116, 144, 0.17)',
  satisfactory: 'rgba(180, 83, 9, 0.16)',
  poor: 'rgba(185, 28, 28, 0.13)',
};

type Shape =
  | { kind: 'band'; row: number; from: number; to: number; tier: Tier; tip: string; edge: string | null }
  | {
      kind: 'mark';
      row: number;
      at: number;
      what: 'median' | 'p90';
      colour: string;
      tip: string;
      text: string;
    };

const log = (s: number) => Math.log10(Math.max(1, s));

/**
 * Each benchmarked channel as a row of its seed tiers (excellent, good, satisfactory, poor) on a
 * logarithmic time scale — one minute and twelve hours on one line — with the channel's median (bold mark)
 * and p90 (thin mark) placed in them.
 */
export function BenchmarkChart({ rows }: { rows: readonly ChannelBenchmark[] }) {
  const { t, lang } = useI18n();
  const option = useMemo((): EChartsCoreOption => {
    const seen = rows.flatMap((r) => [r.median_s ?? 0, r.p90_s ?? 0, ...(r.benchmark?.thresholds ?? [])]);
    const lo = log(Math.min(30, ...seen.filter((s) => s > 0))) - 0.3;
    const hi = log(Math.max(...seen)) + 0.35;
    const shapes: Shape[] = [];
    rows.forEach((r, row) => {
      const [e, g, s] = r.benchmark!.thresholds;
      const edges: [Tier, number, number][] = [
        ['excellent', lo, log(e)],
        ['good', log(e), log(g)],
        ['satisfactory', log(g), log(s)],
        ['poor', log(s), hi],
      ];
      const limits = [e, g, s];
      for (const [i, [tier, from, to]] of edges.entries())
        shapes.push({
          kind: 'band',
          row,
          from,
          to,
          tier,
          tip: `${t(`tier.${tier}`)}: ${i < 3 ? `≤ ${formatDuration(limits[i]!, lang)}` : `> ${formatDuration(s, lang)}`}`,
          edge: i < 3 ? formatDuration(limits[i]!, lang) : null,
        });
      const tier = r.benchmark!.tier;
      const colour = tier ? TIER_COLOUR[tier] : INK;
      if (r.median_s !== null)
        shapes.push({
          kind: 'mark',
          row,
          at: log(r.median_s),
          what: 'median',
          colour,
          text: `${t('bench.median')} ${formatDuration(r.median_s, lang)}`,
          tip: `${t('bench.median')}: ${formatDuration(r.median_s, lang)}`,
        });
      if (r.p90_s !== null)
        shapes.push({
          kind: 'mark',
          row,
          at: log(r.p90_s),
          what: 'p90',
          colour: INK,
          text: `p90 ${formatDuration(r.p90_s, lang)}`,
          tip: `p90: ${formatDuration(r.p90_s, lang)}`,
        });
    });

    const render: CustomSeriesRenderItem = (params, api) => {
      const sh = shapes[params.dataIndex]!;
      const size = api.size?.([0, 1]);
      const height = (Array.isArray(size) ? size[1]! : 40) * 0.46;
      const x = (v: number) => (api.coord([v, sh.row]) as [number, number])[0];
      const y = (api.coord([lo, sh.row]) as [number, number])[1];
      if (sh.kind === 'band') {
        const left = x(sh.from);
        const right = x(sh.to);
        return {
          type: 'group',
          children: [
            {
              type: 'rect',
              shape: { x: left, y: y - height / 2, width: right - left, height },
              style: { fill: BAND[sh.tier] },
            },
            ...(sh.edge
              ? [
                  {
                    type: 'text' as const,
                    x: right,
                    y: y + height / 2 + 3,
                    style: {
                      text: sh.edge,
                      fill: MUTED,
                      font: `11px ${FONT}`,
                      align: 'center' as const,
                      verticalAlign: 'top' as const,
                    },
                  },
                ]
              : []),
          ],
        };
      }
      const at = x(sh.at);
      const median = sh.what === 'median';
      const tall = median ? height + 10 : height;
      return {
        type: 'group',
        children: [
          {
            type: 'rect',
            shape: { x: at - (median ? 2.5 : 1), y: y - tall / 2, width: median ? 5 : 2, height: tall },
            style: { fill: sh.colour },
          },
          {
            type: 'text',
            x: at + (median ? 0 : 4),
            y: median ? y - tall / 2 - 2 : y - height / 2 + 2,
            style: {
              text: sh.text,
              fill: median ? INK : MUTED,
              font: `${median ? '600 12px' : '11px'} ${FONT}`,
              align: median ? 'center' : 'left',
              verticalAlign: median ? 'bottom' : 'top',
            },
          },
        ],
      };
    };

    return {
      animation: false,
      textStyle: { fontFamily: FONT, color: INK },
      grid: { left: 8, right: 24, top: 18, bottom: 8, containLabel: true },
      tooltip: { trigger: 'item', formatter: (p: { dataIndex: number }) => shapes[p.dataIndex]?.tip ?? '' },
      xAxis: { type: 'value', min: lo, max: hi, show: false },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((r) => valueLabel(t, 'channel', r.channel)),
        axisTick: { show: false },
        axisLine: { show: false },
        axisLabel: { color: INK, fontWeight: 600, fontSize: 13 },
      },
      series: [
        {
          type: 'custom',
          renderItem: render,
          encode: { x: 0, y: 1 },
          data: shapes.map((sh) => [sh.kind === 'band' ? sh.from : sh.at, sh.row]),
          clip: false,
        },
      ],
    };
  }, [rows, t, lang]);
  return (
    <EChart
      option={option}
      height={Math.max(160, 74 * rows.length + 40)}
      label={t('bench.chartLabel')}
      testId="bench-chart"
    />
  );
}
