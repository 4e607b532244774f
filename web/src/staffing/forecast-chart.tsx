import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import type { SeriesForecast } from '../api/staffing-types.js';
import { EChart } from '../charts/echart.js';
import { ACCENT, FONT, GRID_LINE, INK, MUTED } from '../charts/palette.js';
import { formatLocalDate, formatNumber } from '../format/format.js';
import { useI18n } from '../i18n/i18n.js';

/** History shown before the forecast: eight weeks keep the weekly pattern readable beside 4–12 weeks ahead. */
const HISTORY_DAYS = 56;

/**
 * Daily volume: the last weeks of history, then the forecast with its 95 % and 80 % prediction
 * intervals as nested bands (each band is an invisible lower line with the band's width stacked on it).
 */
export function ForecastChart({ series }: { series: SeriesForecast }) {
  const { t, lang } = useI18n();
  const option = useMemo((): EChartsCoreOption => {
    const history = series.history.slice(-HISTORY_DAYS);
    const dates = [...history.map((p) => p.date), ...series.forecast.map((p) => p.date)];
    const pad = history.map(() => null);
    const f = series.forecast;
    const last = history.at(-1);
    // the forecast line starts at the last actual day, so the two lines join
    const forecastLine = [...pad.slice(1), last?.value ?? null, ...f.map((p) => p.value)];
    const band = (
      name: string,
      lower: (p: (typeof f)[number]) => number,
      upper: typeof lower,
      fill: string,
    ) => [
      {
        name: `${name}-base`,
        type: 'line',
        stack: name,
        data: [...pad, ...f.map(lower)],
        lineStyle: { opacity: 0 },
        symbol: 'none',
        silent: true,
        tooltip: { show: false },
      },
      {
        name,
        type: 'line',
        stack: name,
        data: [...pad, ...f.map((p) => upper(p) - lower(p))],
        lineStyle: { opacity: 0 },
        areaStyle: { color: fill },
        // the legend's mark takes the band's colour
        itemStyle: { color: fill },
        symbol: 'none',
        silent: true,
      },
    ];
    const byDate = new Map(f.map((p) => [p.date, p]));
    const n = (x: number) => formatNumber(x, lang, 0);
    return {
      animation: false,
      textStyle: { fontFamily: FONT, color: INK },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      legend: {
        top: 0,
        left: 0,
        data: [
          t('staffing.fc.actual'),
          t('staffing.fc.forecast'),
          t('staffing.fc.band80'),
          t('staffing.fc.band95'),
        ],
        textStyle: { color: MUTED },
      },
      tooltip: {
        trigger: 'axis',
        formatter: (ps: { dataIndex: number }[]) => {
          const i = ps[0]?.dataIndex ?? 0;
          const date = dates[i] ?? '';
          const head = formatLocalDate(date, lang);
          const p = byDate.get(date);
          if (!p) return `${head}<br/>${t('staffing.fc.actual')}: ${n(history[i]?.value ?? 0)}`;
          return [
            head,
            `${t('staffing.fc.forecast')}: ${n(p.value)}`,
            `${t('staffing.fc.band80')}: ${n(p.lower_80)}–${n(p.upper_80)}`,
            `${t('staffing.fc.band95')}: ${n(p.lower_95)}–${n(p.upper_95)}`,
          ].join('<br/>');
        },
      },
      xAxis: {
        type: 'category',
        data: dates,
        boundaryGap: false,
        axisLabel: { color: MUTED, formatter: (d: string) => formatLocalDate(d, lang, false) },
        axisLine: { lineStyle: { color: GRID_LINE } },
      },
      yAxis: {
        type: 'value',
        min: 0,
        axisLabel: { color: MUTED },
        splitLine: { lineStyle: { color: GRID_LINE } },
      },
      series: [
        ...band(
          t('staffing.fc.band95'),
          (p) => p.lower_95,
          (p) => p.upper_95,
          'rgba(59, 111, 216, 0.12)',
        ),
        ...band(
          t('staffing.fc.band80'),
          (p) => p.lower_80,
          (p) => p.upper_80,
          'rgba(59, 111, 216, 0.22)',
        ),
        {
          name: t('staffing.fc.actual'),
          type: 'line',
          data: [...history.map((p) => p.value), ...f.map(() => null)],
          symbol: 'none',
          lineStyle: { color: INK, width: 1.5 },
          itemStyle: { color: INK },
        },
        {
          name: t('staffing.fc.forecast'),
          type: 'line',
          data: forecastLine,
          symbol: 'none',
          lineStyle: { color: ACCENT, width: 2, type: 'dashed' },
          itemStyle: { color: ACCENT },
        },
      ],
    };
  }, [series, t, lang]);
  return <EChart option={option} height={320} label={t('staffing.fc.label')} testId="forecast-chart" />;
}
