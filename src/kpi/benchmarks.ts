import type { Store } from '../store/store.js';
import { cut, type Item, previousPeriod } from './aggregate.js';
import { loadTargets } from './engine.js';
import { type DurationItem, durationReducer, type Thresholds } from './reducers.js';
import { KPI_BY_ID } from './registry.js';
import type { KpiQuery, Tier } from './types.js';

/**
 * First response benchmarks of the seeds (SPEC §4, Zendesk 2023): excellent, good and satisfactory, in
 * seconds. Fixed: they are what a channel is compared with, whatever targets the organisation sets.
 */
export const SEED_BENCHMARKS: Readonly<Record<'email' | 'social' | 'chat', Thresholds>> = {
  email: [3_600, 4 * 3_600, 12 * 3_600],
  social: [15 * 60, 3_600, 2 * 3_600],
  chat: [60, 5 * 60, 3_600],
};
const TIERS: readonly Tier[] = ['excellent', 'good', 'satisfactory'];

export interface ChannelBenchmark {
  channel: string;
  count: number;
  pending: number;
  median_s: number | null;
  p90_s: number | null;
  mean_s: number | null;
  /** against the organisation's own first-response target */
  within_target: number | null;
  tier: Tier | null;
  /** against the seed benchmark; null for a channel the seeds give none for (phone, web, other) */
  benchmark: {
    thresholds: Thresholds;
    /** shares of the answered items within the excellent, good and satisfactory thresholds */
    within: [number | null, number | null, number | null];
    /** the best tier at least half of the answered items reach (the median's tier) */
    tier: Tier | null;
    previous_tier: Tier | null;
  } | null;
  previous_median_s: number | null;
}

/** The best benchmark tier that at least half of the answered items reach; poor when none. */
export function benchmarkTier(seconds: readonly number[], t: Thresholds): Tier | null {
  if (seconds.length === 0) return null;
  const i = t.findIndex((limit) => seconds.filter((s) => s <= limit).length * 2 >= seconds.length);
  return i < 0 ? 'poor' : TIERS[i]!;
}

/** First response per channel beside the seed benchmarks, from the KPI's own items (one query). */
export async function channelBenchmarks(
  store: Store,
  q: KpiQuery,
): Promise<{ period: object; channels: ChannelBenchmark[] }> {
  const cutQ: KpiQuery = { ...q, by: 'channel', bucket: null };
  const targets = await loadTargets(store);
  let items: readonly Item[] = [];
  await KPI_BY_ID.get('first_response')!.family(
    {
      db: store.db,
      q: cutQ,
      targets,
      collect: (id, xs) => {
        if (id === 'first_response') items = xs;
      },
    },
    new Set(['first_response']),
  );
  const durations = items as readonly DurationItem[];
  const prev = previousPeriod(q);
  const now = cut(durations, cutQ, durationReducer).groups ?? [];
  const before = new Map(
    (cut(durations, { ...cutQ, ...prev }, durationReducer).groups ?? []).map((g) => [g.key, g]),
  );
  const answered = (from: number, to: number, channel: string) =>
    durations
      .filter((i) => i.seconds !== null && i.at >= from && i.at < to && i.groups[0] === channel)
      .map((i) => i.seconds as number);
  const channels = now.map((g): ChannelBenchmark => {
    const seed = SEED_BENCHMARKS[g.key as keyof typeof SEED_BENCHMARKS] as Thresholds | undefined;
    const done = answered(q.from, q.to, g.key);
    const share = (limit: number) =>
      done.length ? done.filter((s) => s <= limit).length / done.length : null;
    return {
      channel: g.key,
      count: g.count,
      pending: g.pending,
      median_s: g.median_s,
      p90_s: g.p90_s,
      mean_s: g.mean_s,
      within_target: g.within_target,
      tier: g.item_tier,
      benchmark: seed
        ? {
            thresholds: seed,
            within: [share(seed[0]), share(seed[1]), share(seed[2])],
            tier: benchmarkTier(done, seed),
            previous_tier: benchmarkTier(answered(prev.from, prev.to, g.key), seed),
          }
        : null,
      previous_median_s: before.get(g.key)?.median_s ?? null,
    };
  });
  return {
    period: {
      from: new Date(q.from).toISOString(),
      to: new Date(q.to).toISOString(),
      previous: { from: new Date(prev.from).toISOString(), to: new Date(prev.to).toISOString() },
      time_zone: q.timeZone,
      time: q.time,
      filters: q.filters,
    },
    channels,
  };
}
