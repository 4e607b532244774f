import type { Store } from '../store/store.js';
import { computeKpis } from './engine.js';
import { orgTimeZone } from './org.js';
import { DEFAULT_PARAMS, type KpiQuery } from './types.js';

const WINDOWS: [string, number][] = [
  ['1h', 3_600_000],
  ['1d', 86_400_000],
];

const label = (v: string) => v.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n');

/** Headline KPIs for the last hour and day, per channel and overall, in the Prometheus text format. */
export async function prometheusMetrics(store: Store, now = Date.now()): Promise<string> {
  const timeZone = await orgTimeZone(store);
  const lines: string[] = [
    '# HELP firstline_kpi KPI value over a trailing window (rates and shares in 0..1, durations in seconds)',
    '# TYPE firstline_kpi gauge',
  ];
  for (const [window, length] of WINDOWS) {
    const q: KpiQuery = {
      from: now - length,
      to: now,
      bucket: null,
      by: 'channel',
      filters: {},
      time: 'calendar',
      params: DEFAULT_PARAMS,
      timeZone,
      now,
    };
    const report = await computeKpis(store, q);
    for (const [id, raw] of Object.entries(report.kpis)) {
      const v = raw as Record<string, unknown>;
      const emit = (stat: string, value: unknown, channel: string) => {
        if (typeof value === 'number' && Number.isFinite(value)) {
          lines.push(
            `firstline_kpi{kpi="${id}",stat="${stat}",window="${window}",channel="${label(channel)}"} ${value}`,
          );
        }
      };
      const stats =
        v.kind === 'duration'
          ? ['count', 'pending', 'mean_s', 'median_s', 'p90_s', 'within_target']
          : v.kind === 'rate'
            ? ['value', 'numerator', 'denominator']
            : ['value'];
      for (const s of stats) emit(s, v[s], 'all');
      for (const g of (v.groups as Record<string, unknown>[] | undefined) ?? [])
        for (const s of stats) emit(s, g[s], String(g.key));
    }
  }
  lines.push(
    '# HELP firstline_events_total Events stored in the log',
    '# TYPE firstline_events_total counter',
    `firstline_events_total ${await store.eventCount()}`,
  );
  return `${lines.join('\n')}\n`;
}
