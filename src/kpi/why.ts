import type { Store } from '../store/store.js';
import { previousPeriod } from './aggregate.js';
import { type Decomposition, decompose, type GroupFigure } from './decompose.js';
import { computeKpis } from './engine.js';
import { QueryError } from './query-params.js';
import { KPI_BY_ID } from './registry.js';
import type { Dimension, KpiId, KpiQuery } from './types.js';

type Shape = Record<string, unknown>;

/** What is decomposed: a rate over its denominator, a duration's share within target or its mean, a count. */
export type WhyMeasure = 'rate' | 'share' | 'mean_s' | 'count';

/** A group's weight and value under a measure. */
function figures(measure: WhyMeasure, groups: Shape[] | undefined): GroupFigure[] {
  return (groups ?? []).map((g) => {
    const key = String(g.key);
    if (measure === 'rate') return { key, weight: Number(g.denominator), value: g.value as number | null };
    if (measure === 'share')
      return { key, weight: Number(g.with_target), value: g.within_target as number | null };
    if (measure === 'mean_s') return { key, weight: Number(g.count), value: g.mean_s as number | null };
    return { key, weight: 1, value: Number(g.value) };
  });
}

export interface WhyReport extends Decomposition {
  kpi: KpiId;
  by: Dimension;
  measure: WhyMeasure;
}

/**
 * Groups that overlap (a ticket carries several tags) would count an item twice: their parts could not
 * add up to the KPI's own change, so the decomposition is refused for them.
 */
export const WHY_DIMENSIONS = [
  'channel',
  'category',
  'priority',
  'team',
  'line',
  'agent',
  'company',
] as const;

/**
 * What moved a KPI against the previous period, per value of a dimension: for rates and means, mix and rate
 * effects that add up exactly to the change; for counts, each group's own change. A duration is read by
 * its headline (the share within target where items have targets, else the mean) unless `measure` says.
 */
export async function whyItMoved(
  store: Store,
  q: KpiQuery,
  kpi: KpiId,
  by: Dimension,
  wanted?: 'share' | 'mean_s',
): Promise<WhyReport> {
  const kind = KPI_BY_ID.get(kpi)!.kind;
  if (!(WHY_DIMENSIONS as readonly string[]).includes(by))
    throw new QueryError(
      'by',
      `"${by}" groups overlap (an item may fall in several), so their parts would not add up`,
    );
  if (wanted && kind !== 'duration')
    throw new QueryError('measure', `${kpi} is a ${kind}: it has no ${wanted}`);
  const cut = { ...q, by, bucket: null };
  const [now, before] = await Promise.all([
    computeKpis(store, cut, [kpi]),
    computeKpis(store, { ...cut, ...previousPeriod(q) }, [kpi]),
  ]);
  const current = now.kpis[kpi];
  const groups = current?.groups as Shape[] | undefined;
  if (!groups) throw new QueryError('by', `${kpi} cannot be broken down by ${by}`);
  const measure: WhyMeasure =
    kind === 'rate'
      ? 'rate'
      : kind === 'count'
        ? 'count'
        : (wanted ?? (Number(current?.with_target) > 0 ? 'share' : 'mean_s'));
  const after = figures(measure, groups);
  const prior = figures(measure, before.kpis[kpi]?.groups as Shape[] | undefined);
  if (measure === 'count') {
    const keys = [...new Set([...after, ...prior].map((g) => g.key))].sort();
    const val = (xs: GroupFigure[], k: string) => xs.find((g) => g.key === k)?.value ?? 0;
    const sum = (xs: GroupFigure[]) => xs.reduce((s, g) => s + (g.value ?? 0), 0);
    const side = (xs: GroupFigure[], k: string) => {
      const v = val(xs, k);
      const total = sum(xs);
      return xs.some((g) => g.key === k) ? { weight: v, share: total ? v / total : 0, value: v } : null;
    };
    const parts = keys
      .map((key) => {
        const change = val(after, key) - val(prior, key);
        return {
          key,
          mix: 0,
          rate: change,
          total: change,
          before: side(prior, key),
          after: side(after, key),
        };
      })
      .sort((a, b) => Math.abs(b.total) - Math.abs(a.total) || (a.key < b.key ? -1 : 1));
    return {
      kpi,
      by,
      measure,
      before: sum(prior),
      after: sum(after),
      change: sum(after) - sum(prior),
      parts,
    };
  }
  return { kpi, by, measure, ...decompose(prior, after) };
}
