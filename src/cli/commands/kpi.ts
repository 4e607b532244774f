import type { Config } from '../../config.js';
import { computeKpis } from '../../kpi/engine.js';
import { orgTimeZone } from '../../kpi/org.js';
import { kpiQueryParams, toKpiQuery } from '../../kpi/query-params.js';
import { KPI_BY_ID } from '../../kpi/registry.js';
import type { KpiId } from '../../kpi/types.js';
import { openStore } from '../../store/open.js';
import { formatDuration, formatShare, table } from '../format.js';

type Shape = Record<string, unknown>;

function valueCell(kind: string, v: Shape): string {
  if (kind === 'count') return String(v.value ?? '—');
  if (kind === 'rate')
    return v.value === null
      ? '— (0/0)'
      : `${formatShare(v.value as number)} (${v.numerator}/${v.denominator})`;
  const within = v.with_target ? `${formatShare(v.within_target as number)} in target, ` : '';
  return `${within}median ${formatDuration(v.median_s as number | null)}, p90 ${formatDuration(v.p90_s as number | null)}`;
}

function targetCell(kind: string, target: unknown): string {
  if (!target) return '—';
  if (kind === 'rate') {
    const t = target as { direction: string; good: number };
    return `${t.direction === 'higher' ? '≥' : '≤'} ${formatShare(t.good, 0)}`;
  }
  const list = target as { channel: string; priority: string; good_s: number }[];
  const shown = list.filter((t) => t.priority === '*').slice(0, 3);
  return (
    shown.map((t) => `${t.channel === '*' ? '' : `${t.channel} `}${formatDuration(t.good_s)}`).join(', ') +
    (list.length > shown.length ? ', …' : '')
  );
}

function trendCell(trend: Shape): string {
  const change = trend.change as number | null;
  if (change === null) return '—';
  const arrow = change > 0 ? '▲' : change < 0 ? '▼' : '=';
  const abs = Math.abs(change);
  const size =
    trend.measure === 'mean'
      ? formatDuration(abs)
      : trend.measure === 'share'
        ? `${(abs * 100).toFixed(1)} pt`
        : Number.isInteger(abs)
          ? String(abs)
          : `${(abs * 100).toFixed(1)} pt`;
  const verdict = trend.assessment === 'better' ? ' better' : trend.assessment === 'worse' ? ' worse' : '';
  return `${arrow} ${size}${verdict}`;
}

function nCell(kind: string, v: Shape): string {
  if (kind === 'count') return String(v.value);
  if (kind === 'rate') return String(v.denominator);
  return v.pending ? `${v.count} (+${v.pending} pending)` : String(v.count);
}

export async function kpi(config: Config, options: Record<string, unknown>, json: boolean): Promise<void> {
  const params = kpiQueryParams.parse(
    Object.fromEntries(Object.entries(options).filter(([k, v]) => k !== 'json' && v !== undefined)),
  );
  const store = await openStore(config.db);
  try {
    const { query, kpis } = toKpiQuery(params, await orgTimeZone(store), Date.now());
    const report = await computeKpis(store, query, kpis);
    if (json) {
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      return;
    }
    const p = report.period as { from: string; to: string; time_zone: string; time: string };
    const rows = Object.entries(report.kpis).map(([id, raw]) => {
      const v = raw as Shape;
      const def = KPI_BY_ID.get(id as KpiId)!;
      return [
        `${def.number}. ${def.name.en}`,
        valueCell(def.kind, v),
        targetCell(def.kind, v.target),
        String(v.tier ?? '—'),
        trendCell(v.trend as Shape),
        nCell(def.kind, v),
      ];
    });
    process.stdout.write(
      `KPIs ${p.from} → ${p.to} (${p.time_zone}, ${p.time} time); trend against the previous period of equal length\n\n`,
    );
    process.stdout.write(
      `${table(['KPI', 'value', 'target', 'tier', 'trend', 'n'], rows)}\n\nDefinitions: docs/kpis.md\n`,
    );
  } finally {
    await store.close();
  }
}
