// Helpers for the KPI tests (src/kpi/*.kpi.test.ts): a tiny event builder with whole-second instants,
// a default query over one week, and `kpisFor`, which ingests events into a fresh store and computes
// the report. Expected values in the tests are written by hand, never computed with these helpers.
import type { DomainEventInput } from '../domain/events.js';
import { ingest } from '../ingest/ingest.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import { computeKpis, type KpiReport } from './engine.js';
import type { TargetSettings } from './targets.js';
import { DEFAULT_PARAMS, type KpiId, type KpiQuery, type Tier } from './types.js';

export const SEC = 1000;
export const MIN = 60 * SEC;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;

/** Monday 2026-03-02 09:00 UTC: the default origin of an event log. */
export const T0 = Date.parse('2026-03-02T09:00:00Z');
/** The default period: the ISO week Monday 2026-03-02 00:00 UTC to Monday 2026-03-09 00:00 UTC. */
export const WEEK_FROM = Date.parse('2026-03-02T00:00:00Z');
export const WEEK_TO = Date.parse('2026-03-09T00:00:00Z');

type Fields<T extends DomainEventInput['type']> = Omit<
  Extract<DomainEventInput, { type: T }>,
  'id' | 'type' | 'at'
>;

/**
 * Builds an event log: instants are minutes after the origin (fractions allowed and rounded to the whole
 * second, so `7 * 1440 - 1 / 60` is one second before seven days), ids numbered in order.
 */
export class Events {
  private n = 0;
  readonly events: DomainEventInput[] = [];
  constructor(
    readonly origin = T0,
    readonly prefix = 'k',
  ) {}

  /** The instant `minutes` after the origin, in epoch milliseconds (whole seconds). */
  ms(minutes: number): number {
    return this.origin + Math.round(minutes * 60) * SEC;
  }

  add<T extends DomainEventInput['type']>(type: T, minutes: number, fields: Fields<T>): this {
    this.events.push({
      id: `${this.prefix}${++this.n}`,
      type,
      at: new Date(this.ms(minutes)).toISOString(),
      ...fields,
    } as unknown as DomainEventInput);
    return this;
  }

  /** Agent profiles (line, team) at the origin minus a day, so that every later event sees them. */
  agents(lines: Record<string, 1 | 2 | 3>, teamId?: string): this {
    for (const [agent_id, line] of Object.entries(lines))
      this.add('agent.profile', -1440, { agent_id, line, ...(teamId ? { team_id: teamId } : {}) });
    return this;
  }
}

/** A query over the default week, no buckets, no grouping, calendar time, default parameters. */
export function kpiQuery(overrides: Partial<KpiQuery> = {}): KpiQuery {
  return {
    from: WEEK_FROM,
    to: WEEK_TO,
    bucket: null,
    by: null,
    filters: {},
    time: 'calendar',
    params: { ...DEFAULT_PARAMS },
    timeZone: 'UTC',
    // far after the period: no item is provisional and every stretch has ended
    now: Date.parse('2026-06-01T00:00:00Z'),
    ...overrides,
  };
}

export interface KpisForOptions {
  /** the KPIs to compute (all by default) */
  ids?: readonly KpiId[];
  targets?: TargetSettings;
  /** opens the store to use (a fresh in-memory SQLite store by default); it is closed afterwards */
  open?: () => Promise<Store>;
  /** further batches ingested after the first, e.g. late events that arrive out of order */
  later?: readonly (readonly DomainEventInput[])[];
}

/** Ingests the events (one batch, then any later ones) into a fresh store and computes the KPI report. */
export async function kpisFor(
  events: readonly DomainEventInput[],
  overrides: Partial<KpiQuery> = {},
  options: KpisForOptions = {},
): Promise<KpiReport> {
  const store = await (options.open ?? (() => openStore('sqlite::memory:')))();
  try {
    await ingest(store, events);
    for (const batch of options.later ?? []) await ingest(store, batch);
    return await computeKpis(store, kpiQuery(overrides), options.ids, options.targets);
  } finally {
    await store.close();
  }
}

/** Several queries over one store: ingests once, then runs each query. */
export async function reportsFor(
  events: readonly DomainEventInput[],
  queries: readonly Partial<KpiQuery>[],
  ids?: readonly KpiId[],
): Promise<KpiReport[]> {
  const store = await openStore('sqlite::memory:');
  try {
    await ingest(store, events);
    const out: KpiReport[] = [];
    for (const q of queries) out.push(await computeKpis(store, kpiQuery(q), ids));
    return out;
  } finally {
    await store.close();
  }
}

/** One KPI of a report as a plain record (fails loudly when the report lacks it). */
export function kpiOf(report: KpiReport, id: KpiId): Record<string, unknown> {
  const k = report.kpis[id];
  if (!k) throw new Error(`the report has no ${id}`);
  return k;
}

/** The groups of a KPI (group-by cut) keyed by their group key. */
export function groupsOf(report: KpiReport, id: KpiId): Record<string, Record<string, unknown>> {
  const groups = kpiOf(report, id).groups as ({ key: string } & Record<string, unknown>)[] | undefined;
  if (!groups) throw new Error(`${id} has no groups`);
  return Object.fromEntries(groups.map(({ key, ...rest }) => [key, rest]));
}

/** A rate KPI's figures as the report gives them. */
export function rateOf(report: KpiReport, id: KpiId): Record<string, unknown> {
  const { numerator, denominator, value, tier } = kpiOf(report, id);
  return { numerator, denominator, value, tier };
}

/** Expected rate figures written as numerator ÷ denominator (denominator > 0) and the tier. */
export const share = (numerator: number, denominator: number, tier: Tier | null) => ({
  numerator,
  denominator,
  value: numerator / denominator,
  tier,
});

/** [numerator, denominator] of each group of a rate KPI. */
export function groupRates(report: KpiReport, id: KpiId): Record<string, [unknown, unknown]> {
  return Object.fromEntries(
    Object.entries(groupsOf(report, id)).map(([key, g]) => [key, [g.numerator, g.denominator]]),
  );
}

/** Expected duration figures, in seconds: count, pending, mean, nearest-rank median and p90, target share. */
export const duration = (
  count: number,
  pending: number,
  mean_s: number | null,
  median_s: number | null,
  p90_s: number | null,
  within_target: number | null,
  with_target: number,
) => ({ count, pending, mean_s, median_s, p90_s, within_target, with_target });

/** The trend of a KPI without a value in either period. */
export const NO_TREND = { previous: null, change: null, direction: null, assessment: null };
