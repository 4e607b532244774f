import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import type { Cut } from './aggregate.js';
import type { DurationWithTiers } from './reducers.js';
import type { TargetSettings } from './targets.js';
import type { CountValue, KpiId, KpiQuery, RateValue } from './types.js';

export interface FamilyContext {
  db: Kysely<Database>;
  q: KpiQuery;
  targets: TargetSettings;
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
