import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { type Cut, cut, type Item, type Reducer } from './aggregate.js';
import type { Frame } from './frame.js';
import type { DurationWithTiers } from './reducers.js';
import type { TargetSettings } from './targets.js';
import type { CountValue, KpiId, KpiQuery, RateValue } from './types.js';

export interface FamilyContext {
  db: Kysely<Database>;
  q: KpiQuery;
  targets: TargetSettings;
  /** receives the items behind each KPI, for drill-down */
  collect?: (kpi: KpiId, items: readonly Item[]) => void;
  /** frames already read under this cut, shared by the families of one report */
  frames?: Map<string, Frame>;
}

/** Cuts a KPI's items and hands them to the drill-down collector when there is one. */
export function measure<I extends Item, S, V>(
  ctx: FamilyContext,
  kpi: KpiId,
  items: I[],
  reducer: Reducer<I, S, V>,
  q: KpiQuery = ctx.q,
): Cut<V> {
  ctx.collect?.(kpi, items);
  return cut(items, q, reducer);
}

export type Computed =
  | { kind: 'count'; cut: Cut<CountValue>; extra?: Record<string, unknown> }
  | { kind: 'rate'; cut: Cut<RateValue>; extra?: Record<string, unknown> }
  | { kind: 'duration'; cut: Cut<DurationWithTiers>; extra?: Record<string, unknown> };

/** A family computes several KPIs from one query over the facts. */
export type Family = (
  ctx: FamilyContext,
  wanted: ReadonlySet<KpiId>,
) => Promise<Partial<Record<KpiId, Computed>>>;

/** A value of the current period only (secondary figures such as final resolution, by outcome). */
export const inPeriod = (at: number, q: KpiQuery) => at >= q.from && at < q.to;
