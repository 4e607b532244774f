import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { api } from '../api/client.js';
import type { Dimension, DurationKpi, KpiId } from '../api/types.js';
import { EChart } from '../charts/echart.js';
import { ACCENT, FONT, GRID_LINE, INK, MUTED, TIER_COLOUR } from '../charts/palette.js';
import { formatDuration, formatNumber } from '../format/format.js';
import { commonThresholds } from '../format/kpi-text.js';
import { useResource } from '../hooks/use-resource.js';
import { useI18n } from '../i18n/i18n.js';

// The histogram is built from the items themselves (GET /kpis/:id/items?state=done): exact durations,
// not bucket medians. Pages of 1,000 are fetched up to SAMPLE items (the most recent ones) and the note
// under the chart says when it is a sample. Median and p90 marks are the API's exact figures.
const PAGE = 1000;
const SAMPLE = 5000;

/** Bin edges in seconds: even steps on a clock, roughly logarithmic, as people think of waiting. */
const EDGES = [
  0, 5, 10, 20, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400, 28800, 43200, 86400, 172800, 259200,
  604800, 1209600, 2592000,
];

async function durations(id: KpiId, params: URLSearchParams, signal: AbortSignal) {
  const p = new URLSearchParams(params);
  p.delete('bucket');
  p.set('state', 'done');
  p.set('limit', String(PAGE));
  p.set('offset', '0');
  const first = await api.items(id, p, signal);
  const pages = Math.min(Math.ceil(first.total / PAGE), SAMPLE / PAGE);
  const rest = await Promise.all(
    Array.from({ length: Math.max(0, pages - 1) }, (_, i) => {
      const q = new URLSearchParams(p);
      q.set('offset', String((i + 1) * PAGE));
      return api.items(id, q, signal);
    }),
  );
  const seconds = [first, ...rest].flatMap((page) =>
    page.items.map((it) => it.seconds).filter((s): s is number => typeof s === 'number'),
  );
  return { seconds, total: first.total };
}

interface Props {
  id: KpiId;
  kpi: DurationKpi;
  params: URLSearchParams;
  filters: Partial<Record<Dimension, string[]>>;
}

export function Histogram({ id, kpi, params, filters }: Props) {
  const { t, lang } = useI18n();
  const key = `${id}?${params.toString()}`;
  const res = useResource(key, (signal) => durations(id, params, signal));
  const thresholds = commonThresholds(kpi.target, filters);
  const filtersKey = JSON.stringify(filters);

  // biome-ignore lint/correctness/useExhaustiveDependencies: filters (and the thresholds drawn from them) are new objects on every render; their JSON says when they changed
  const option = useMemo((): EChartsCoreOption | null => {
    const data = res.data;
    if (!data || data.seconds.length === 0) return null;
    const counts = new Array<number>(EDGES.length).fill(0);
    const bin = (s: number) => {
      let i = EDGES.length - 1;
      while (i > 0 && s < EDGES[i]!) i--;
      return i;
    };
    for (const s of data.seconds) counts[bin(s)]! += 1;
    const firstBin = counts.findIndex((c) => c > 0);
    const lastBin = counts.findLastIndex((c) => c > 0);
    const idx = Array.from({ length: lastBin - firstBin + 1 }, (_, i) => firstBin + i);
    const upper = (i: number) => EDGES[i + 1];
    const label = (i: number) => {
      const u = upper(i);
      return u === undefined ? `> ${formatDuration(EDGES[i]!, lang)}` : `< ${formatDuration(u, lang)}`;
    };
    const within = (i: number) =>
      thresholds !== null && (upper(i) ?? Number.POSITIVE_INFINITY) <= thresholds[1];
    const mark = (v: number | null, dashed: boolean) =>
      v === null ? [] : [{ xAxis: bin(v) - firstBin, lineStyle: { type: dashed ? 'dashed' : 'solid' } }];
    return {
      textStyle: { fontFamily: FONT },
      animationDuration: 300,
      aria: { enabled: true },
      grid: { left: 48, right: 16, top: 12, bottom: 56 },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (items: { dataIndex: number }[]) => {
          const i = idx[items[0]?.dataIndex ?? 0] ?? 0;
          const u = upper(i);
          const range = `${formatDuration(EDGES[i]!, lang)} – ${u === undefined ? '…' : formatDuration(u, lang)}`;
          return `<b>${range}</b><br/>${formatNumber(counts[i] ?? 0, lang)}`;
        },
      },
      xAxis: {
        type: 'category',
        data: idx.map(label),
        axisTick: { show: false },
        axisLine: { lineStyle: { color: '#cfd4dc' } },
        axisLabel: { color: MUTED, rotate: 40, fontSize: 10, interval: 0, hideOverlap: true },
      },
      yAxis: { type: 'value', splitLine: { lineStyle: { color: GRID_LINE } }, axisLabel: { color: MUTED } },
      series: [
        {
          type: 'bar',
          barCategoryGap: '12%',
          data: idx.map((i) => ({
            value: counts[i],
            itemStyle: {
              color: thresholds === null ? ACCENT : within(i) ? TIER_COLOUR.excellent : '#9aa3b2',
              borderRadius: [2, 2, 0, 0],
            },
          })),
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { color: INK, width: 1.4 },
            label: { show: false },
            data: [...mark(kpi.median_s, false), ...mark(kpi.p90_s, true)],
          },
        },
      ],
    };
  }, [res.data, lang, kpi.median_s, kpi.p90_s, filtersKey, t]);

  const data = res.data;
  return (
    <div data-testid="histogram" data-loading={String(res.loading)}>
      <p className="chart-legend">
        <span className="legend-line" aria-hidden="true" />
        {t('card.median')} <b>{formatDuration(kpi.median_s, lang)}</b>
        <span className="legend-line legend-dashed" aria-hidden="true" />
        {t('card.p90')} <b>{formatDuration(kpi.p90_s, lang)}</b>
        {thresholds && (
          <>
            <span className="legend-box" aria-hidden="true" />
            {t('kpi.col.within')} (≤ {formatDuration(thresholds[1], lang)})
          </>
        )}
      </p>
      {option ? (
        <EChart option={option} height={284} label={t('kpi.distribution')} />
      ) : (
        <div className="chart-placeholder">{res.loading ? t('app.loading') : t('kpi.distributionNone')}</div>
      )}
      {data && data.seconds.length > 0 && (
        <p className="chart-note">
          {data.total > data.seconds.length
            ? t('kpi.distributionSample', {
                n: formatNumber(data.seconds.length, lang),
                total: formatNumber(data.total, lang),
              })
            : t('kpi.distributionAll', { n: formatNumber(data.total, lang) })}
        </p>
      )}
    </div>
  );
}
