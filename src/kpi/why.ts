import type { Store } from '../store/store.js';
import { previousPeriod } from './aggregate.js';
import { type Decomposition, decompose, type GroupFigure } from './decompose.js';
import { computeKpis } from './engine.js';
import { KPI_BY_ID } from './registry.js';
import type { Dimension, KpiId, KpiQuery } from './types.js';

type Shape = Record<string, unknown>;

/** A group's weight and value: rates over their denominator, durations as a mean over their count, counts as themselves. */
function figures(kind: string, groups: Shape[] | undefined): GroupFigure[] {
  return (groups ?? []).map((g) => {
    if (kind === 'rate')
      return { key: String(g.key), weight: Number(g.denominator), value: g.value as number | null };
    if (kind === 'duration')
      return { key: String(g.key), weight: Number(g.count), value: g.mean_s as number | null };
    return { key: String(g.key), weight: 1, value: Number(g.value) };
  });
}

export interface WhyReport extends Decomposition {
  kpi: KpiId;
  by: Dimension;
  measure: 'rate' | 'mean_s' | 'count';
}

/**
 * What moved a KPI against the previous period, per value of a dimension: for rates and means, mix and rate
 * effects that add up exactly to the change; for counts, each group's own change.
 */
export async function whyItMoved(store: Store, q: KpiQuery, kpi: KpiId, by: Dimension): Promise<WhyReport> {
  const kind = KPI_BY_ID.get(kpi)!.kind;
  const cut = { ...q, by, bucket: null };
  const [now, before] = await Promise.all([
    computeKpis(store, cut, [kpi]),
    computeKpis(store, { ...cut, ...previousPeriod(q) }, [kpi]),
  ]);
  const after = figures(kind, now.kpis[kpi]?.groups as Shape[] | undefined);
  const prior = figures(kind, before.kpis[kpi]?.groups as Shape[] | undefined);
  if (kind === 'count') {
    const keys = [...new Set([...after, ...prior].map((g) => g.key))].sort();
    const val = (xs: GroupFigure[], k: string) => xs.find((g) => g.key === k)?.value ?? 0;
    const sum = (xs: GroupFigure[]) => xs.reduce((s, g) => s + (g.value ?? 0), 0);
    const parts = keys
      .map((key) => ({
        key,
        mix: 0,
        rate: val(after, key) - val(prior, key),
        total: val(after, key) - val(prior, key),
      }))
      .sort((a, b) => Math.abs(b.total) - Math.abs(a.total));
    return {
      kpi,
      by,
      measure: 'count',
      before: sum(prior),
      after: sum(after),
      change: sum(after) - sum(prior),
      parts,
    };
  }
  return { kpi, by, measure: kind === 'rate' ? 'rate' : 'mean_s', ...decompose(prior, after) };
}
