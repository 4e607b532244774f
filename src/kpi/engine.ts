import { type Store, withConsistentFacts } from '../store/store.js';
import { previousPeriod } from './aggregate.js';
import type { Computed, Family } from './family.js';
import { KPIS, type KpiDefinition } from './registry.js';
import { readReportColumnsTogether } from './report-columns.js';
import {
  DEFAULT_TARGETS,
  isDurationTargetKpi,
  isRateTargetKpi,
  rateTier,
  type TargetSettings,
  targetSettings,
} from './targets.js';
import type { KpiId, KpiQuery, Tier } from './types.js';

export const TARGETS_KEY = 'kpi_targets';

export async function loadTargets(store: Store): Promise<TargetSettings> {
  const stored = await store.getSetting(TARGETS_KEY);
  const parsed = stored === undefined ? null : targetSettings.safeParse(stored);
  return parsed?.success ? parsed.data : DEFAULT_TARGETS;
}

type Shape = Record<string, unknown>;

/** The figure a KPI is judged by: a duration's share within target (its mean where no target applies). */
function headline(
  def: KpiDefinition,
  v: Shape,
): { value: number | null; measure: 'share' | 'mean' | 'value' } {
  if (def.kind === 'duration') {
    return (v.with_target as number) > 0
      ? { value: v.within_target as number | null, measure: 'share' }
      : { value: v.mean_s as number | null, measure: 'mean' };
  }
  return { value: (v.value as number | null) ?? null, measure: 'value' };
}

function tierOf(def: KpiDefinition, v: Shape, targets: TargetSettings): Tier | null {
  if (def.kind === 'duration') return (v.item_tier as Tier | null) ?? null;
  if (isRateTargetKpi(def.id)) return rateTier((v.value as number | null) ?? null, targets.rates[def.id]);
  return null;
}

function present(def: KpiDefinition, v: Shape, targets: TargetSettings): Shape {
  const { item_tier: _, ...rest } = v;
  const tier = tierOf(def, v, targets);
  return tier === null ? rest : { ...rest, tier };
}

function trend(
  def: KpiDefinition,
  current: ReturnType<typeof headline>,
  previous: ReturnType<typeof headline>,
) {
  // A share within target and a mean in seconds cannot be subtracted from each other.
  const comparable = current.measure === previous.measure;
  const change =
    !comparable || current.value === null || previous.value === null ? null : current.value - previous.value;
  const direction = change === null ? null : change > 0 ? 'up' : change < 0 ? 'down' : 'flat';
  // A mean duration is better when it falls, whatever the direction of the share within target.
  const better = current.measure === 'mean' ? 'lower' : def.better;
  const assessment =
    change === null || better === null
      ? null
      : change === 0
        ? 'same'
        : change > 0 === (better === 'higher')
          ? 'better'
          : 'worse';
  return {
    measure: current.measure,
    previous: comparable ? previous.value : null,
    change,
    direction,
    assessment,
  };
}

/** SPEC §3 clock skew: negative durations were counted as 0; how many, among the period's tickets and contacts. */
async function dataQuality(store: Store, q: KpiQuery): Promise<{ negative_clamped: number }> {
  const sum = async (name: 'ticket_facts' | 'contact_facts', at: string) => {
    const table = await store.facts.table(name, [at, 'negative_clamped']);
    return table.sumIn('negative_clamped', at, q.from, q.to);
  };
  return {
    negative_clamped: (await sum('ticket_facts', 'created_at')) + (await sum('contact_facts', 'offered_at')),
  };
}

export interface KpiReport {
  data_quality?: { negative_clamped: number };
  period: Shape;
  kpis: Partial<Record<KpiId, Shape>>;
}

/** Computes the requested KPIs (all of SPEC §3 by default), each family's query run once. */
export async function computeKpis(
  store: Store,
  q: KpiQuery,
  ids: readonly KpiId[] = KPIS.map((k) => k.id),
  targets?: TargetSettings,
): Promise<KpiReport> {
  return withConsistentFacts(store.db, () => report(store, q, ids, targets));
}

async function report(
  store: Store,
  q: KpiQuery,
  ids: readonly KpiId[],
  targets: TargetSettings | undefined,
): Promise<KpiReport> {
  const goals = targets ?? (await loadTargets(store));
  const wanted = new Set(ids);
  const families = new Map<Family, Set<KpiId>>();
  for (const def of KPIS) {
    if (!wanted.has(def.id)) continue;
    const set = families.get(def.family) ?? new Set<KpiId>();
    set.add(def.id);
    families.set(def.family, set);
  }
  const computed: Partial<Record<KpiId, Computed>> = {};
  readReportColumnsTogether(store.db);
  const ctx = { db: store.db, q, targets: goals, frames: new Map() };
  for (const [family, set] of families) Object.assign(computed, await family(ctx, set));

  const kpis: Partial<Record<KpiId, Shape>> = {};
  for (const def of KPIS) {
    const c = computed[def.id];
    if (!c) continue;
    const total = c.cut.total as unknown as Shape;
    const previous = c.cut.previous as unknown as Shape;
    const target = isDurationTargetKpi(def.id)
      ? goals.durations[def.id]
      : isRateTargetKpi(def.id)
        ? goals.rates[def.id]
        : null;
    kpis[def.id] = {
      kind: def.kind,
      unit: def.unit,
      ...present(def, total, goals),
      headline: headline(def, total).value,
      target,
      tier: tierOf(def, total, goals),
      trend: trend(def, headline(def, total), headline(def, previous)),
      ...(c.extra ?? {}),
      ...(c.cut.series
        ? { series: c.cut.series.map((s) => present(def, s as unknown as Shape, goals)) }
        : {}),
      ...(c.cut.groups
        ? { groups: c.cut.groups.map((g) => present(def, g as unknown as Shape, goals)) }
        : {}),
    };
  }
  const prev = previousPeriod(q);
  const quality = await dataQuality(store, q);
  return {
    period: {
      from: new Date(q.from).toISOString(),
      to: new Date(q.to).toISOString(),
      previous: { from: new Date(prev.from).toISOString(), to: new Date(prev.to).toISOString() },
      time_zone: q.timeZone,
      bucket: q.bucket,
      by: q.by,
      time: q.time,
      filters: q.filters,
      params: q.params,
    },
    kpis,
    data_quality: quality,
  };
}
