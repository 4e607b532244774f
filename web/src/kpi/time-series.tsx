import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import type { Bucket, Dimension, KpiDefinition, KpiValue, Tier } from '../api/types.js';
import { durationAxis } from '../charts/duration-axis.js';
import { EChart } from '../charts/echart.js';
import { FONT, GRID_LINE, INK, MUTED, TIER_BAND, TIER_COLOUR } from '../charts/palette.js';
import { formatDuration, formatNumber, formatPercent } from '../format/format.js';
import { commonThresholds } from '../format/kpi-text.js';
import { useI18n } from '../i18n/i18n.js';
import { bucketLabel } from './bucket-label.js';

interface Props {
  def: KpiDefinition;
  kpi: KpiValue;
  bucket: Bucket;
  timeZone: string;
  filters: Partial<Record<Dimension, string[]>>;
  selected: string | null;
  onPick: (start: string) => void;
  /** durations: 'share' plots the share within target, 'times' the median and p90 against the target */
  view: 'share' | 'times';
}

type Band = { tier: Tier; from: number; to: number };

/** Tier bands as value ranges on the chart's axis, clipped to [lo, hi]. */
function bands(t: readonly [number, number, number], higherBetter: boolean, lo: number, hi: number): Band[] {
  const [e, g, s] = t;
  const raw: Band[] = higherBetter
    ? [
        { tier: 'excellent', from: e, to: hi },
        { tier: 'good', from: g, to: e },
        { tier: 'satisfactory', from: s, to: g },
        { tier: 'poor', from: lo, to: s },
      ]
    : [
        { tier: 'excellent', from: lo, to: e },
        { tier: 'good', from: e, to: g },
        { tier: 'satisfactory', from: g, to: s },
        { tier: 'poor', from: s, to: hi },
      ];
  return raw
    .map((b) => ({ ...b, from: Math.max(lo, b.from), to: Math.min(hi, b.to) }))
    .filter((b) => b.to > b.from);
}

const niceCeil = (x: number) => {
  if (x <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  return [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].map((m) => m * p).find((v) => v >= x) ?? 10 * p;
};

type Figure = {
  value?: number | null;
  numerator?: number;
  denominator?: number;
  count?: number;
  median_s?: number | null;
  p90_s?: number | null;
  within_target?: number | null;
};

export function TimeSeries({ def, kpi, bucket, timeZone, filters, selected, onPick, view }: Props) {
  const { t, lang } = useI18n();
  const series = kpi.series ?? [];
  const filtersKey = JSON.stringify(filters);
  // biome-ignore lint/correctness/useExhaustiveDependencies: filters is a new object on every render; its JSON says when it changed
  const option = useMemo((): EChartsCoreOption => {
    const points = series as readonly (Figure & { start: string; tier?: Tier | null })[];
    const labels = points.map((p) => bucketLabel(p.start, bucket, lang, timeZone));
    const longLabels = points.map((p) => bucketLabel(p.start, bucket, lang, timeZone, true));
    const isDuration = kpi.kind === 'duration';
    // durations: bars are the share within target (the headline), or the median with p90 and the target
    const shareBars = kpi.kind === 'duration' && kpi.with_target > 0 && view === 'share';
    const pct = (v: number | null, digits = 1) => formatPercent(v, lang, digits);
    const dur = (v: number | null) => formatDuration(v, lang);

    const barValues = points.map((p) =>
      shareBars ? (p.within_target ?? null) : isDuration ? (p.median_s ?? null) : (p.value ?? null),
    );
    const medians = isDuration ? points.map((p) => p.median_s ?? null) : [];
    const p90s = isDuration ? points.map((p) => p.p90_s ?? null) : [];
    const rateTarget = kpi.kind === 'rate' ? kpi.target : null;
    const durationTarget = kpi.kind === 'duration' ? commonThresholds(kpi.target, filters) : null;
    const higherBetter = rateTarget?.direction === 'higher';
    const known = (xs: readonly (number | null)[]) => xs.filter((v): v is number => v !== null);

    // the axis of the duration figures (median, p90, target)
    const durMax = Math.max(
      1,
      ...known(p90s),
      ...known(medians),
      ...(durationTarget ? [durationTarget[2] * 1.05] : []),
    );
    const durAxisRange = durationAxis(durMax);
    const durAxis = {
      type: 'value',
      min: 0,
      ...durAxisRange,
      splitLine: { lineStyle: { color: GRID_LINE } },
      axisLabel: { color: MUTED, formatter: (v: number) => dur(v) },
    };
    const shareMax =
      kpi.kind === 'rate' && !higherBetter
        ? Math.min(
            1,
            niceCeil(Math.max(...known(barValues), (rateTarget?.satisfactory ?? 0) * 1.1, 0.01) * 1.1),
          )
        : 1;
    const shareAxis = {
      type: 'value',
      min: 0,
      max: shareMax,
      splitLine: { lineStyle: { color: GRID_LINE } },
      axisLabel: { color: MUTED, formatter: (v: number) => pct(v, 0) },
    };
    const countAxis = {
      type: 'value',
      min: 0,
      splitLine: { lineStyle: { color: GRID_LINE } },
      axisLabel: { color: MUTED, formatter: (v: number) => formatNumber(v, lang) },
    };

    const bandsOn = (th: readonly [number, number, number], higher: boolean, lo: number, hi: number) => ({
      silent: true,
      data: bands(th, higher, lo, hi).map((b) => [
        { yAxis: b.from, itemStyle: { color: TIER_BAND[b.tier] }, name: t(`tier.${b.tier}`) },
        { yAxis: b.to },
      ]),
      label: { position: 'right', color: MUTED, fontSize: 10.5, distance: 8 },
    });
    const targetLine = (value: number, text: string) => ({
      silent: true,
      symbol: 'none',
      lineStyle: { type: 'dashed', color: INK, width: 1.2 },
      label: { formatter: text, position: 'insideEndTop', color: INK, fontSize: 11 },
      data: [{ yAxis: value }],
    });

    const banded = rateTarget !== null || (isDuration && !shareBars && durationTarget !== null);
    const bars = {
      name: shareBars ? t('card.withinTarget') : isDuration ? t('card.median') : def.name[lang],
      type: 'bar',
      barMaxWidth: 26,
      data: points.map((p, i) => ({
        value: barValues[i],
        itemStyle: {
          color: TIER_COLOUR[p.tier ?? 'none'],
          opacity: selected === null || selected === p.start ? 1 : 0.35,
          borderRadius: [3, 3, 0, 0],
        },
      })),
      ...(rateTarget
        ? {
            markArea: bandsOn(
              [rateTarget.excellent, rateTarget.good, rateTarget.satisfactory],
              higherBetter,
              0,
              shareMax,
            ),
            markLine: targetLine(
              rateTarget.good,
              `${t('card.target')} ${higherBetter ? '≥' : '≤'} ${pct(rateTarget.good)}`,
            ),
          }
        : {}),
    };
    const lines =
      isDuration && !shareBars
        ? [
            {
              name: t('card.p90'),
              type: 'line',
              data: p90s,
              symbol: 'none',
              lineStyle: { color: INK, width: 1.4, type: 'dashed' },
              itemStyle: { color: INK },
            },
          ]
        : [];
    if (isDuration && !shareBars && durationTarget)
      Object.assign(bars, {
        markArea: bandsOn(durationTarget, false, 0, durAxisRange.max),
        markLine: targetLine(durationTarget[1], `${t('card.target')} ≤ ${dur(durationTarget[1])}`),
      });

    return {
      textStyle: { fontFamily: FONT },
      animationDuration: 300,
      aria: { enabled: true },
      grid: { left: 72, right: banded ? 120 : 24, top: isDuration && !shareBars ? 36 : 16, bottom: 32 },
      legend:
        isDuration && !shareBars
          ? { top: 0, left: 0, itemWidth: 14, itemHeight: 8, textStyle: { color: MUTED } }
          : undefined,
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (items: { dataIndex: number }[]) => {
          const i = items[0]?.dataIndex ?? 0;
          const p = points[i];
          if (!p) return '';
          const out = [`<b>${longLabels[i]}</b>`];
          if (isDuration) {
            if (p.within_target !== null && p.within_target !== undefined)
              out.push(`${t('card.withinTarget')}: ${pct(p.within_target)}`);
            out.push(
              `${t('card.median')}: ${dur(p.median_s ?? null)}`,
              `${t('card.p90')}: ${dur(p.p90_s ?? null)}`,
            );
            out.push(t('card.n', { n: formatNumber(p.count ?? 0, lang) }));
          } else if (kpi.kind === 'rate') {
            const frac = t('card.outOf', {
              num: formatNumber(p.numerator ?? 0, lang),
              den: formatNumber(p.denominator ?? 0, lang),
            });
            out.push(`${pct(p.value ?? null)} · ${frac}`);
          } else out.push(formatNumber(p.value ?? null, lang));
          if (p.tier) out.push(t(`tier.${p.tier}`));
          return out.join('<br/>');
        },
      },
      xAxis: {
        type: 'category',
        data: labels,
        axisTick: { show: false },
        axisLine: { lineStyle: { color: '#cfd4dc' } },
        axisLabel: { color: MUTED, hideOverlap: true },
      },
      yAxis: [kpi.kind === 'rate' || shareBars ? shareAxis : isDuration ? durAxis : countAxis],
      series: [bars, ...lines],
    };
  }, [series, bucket, lang, timeZone, kpi, def, filtersKey, selected, t, view]);

  return (
    <EChart
      option={option}
      height={320}
      label={`${def.name[lang]} — ${t('kpi.overTime')}`}
      testId="timeseries"
      onCategoryClick={(i) => {
        const p = series[i];
        if (p) onPick(p.start);
      }}
    />
  );
}
