import type { Store } from '../../store/store.js';
import { isoWeekdayIndex, MS_PER_DAY } from '../../time/civil.js';
import { getTimeZone, localDayOf } from '../../time/zone.js';
import { dailyVolumes, dayLabel } from './series.js';

/** Two-sided tail of the standard normal, 2·(1 − Φ(|z|)), via erfc (Numerical Recipes, error < 1.2e−7). */
export function twoSidedNormalP(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const erfc =
    t *
    Math.exp(
      -x * x -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return Math.min(1, erfc);
}

export interface GrowthRow {
  key: string;
  previous: number;
  current: number;
  /** current ÷ previous − 1 (null when the previous period had none) */
  change: number | null;
  z: number | null;
  p_value: number | null;
  /** variance ÷ mean of the daily counts around their period-and-weekday means (≥ 1) */
  dispersion: number;
  significant: boolean;
}

/** Growth is flagged when p < 0.01 and the two periods hold at least this many items together. */
export const GROWTH_P = 0.01;
export const GROWTH_MIN_ITEMS = 20;

/**
 * Period-over-period change of a daily count series split into two halves of whole weeks, tested by a
 * quasi-Poisson z-test: under "no change", current − previous has mean 0 and variance φ·(current +
 * previous), where φ is the Pearson dispersion of the daily counts around the mean of their period and
 * weekday (so weekly seasonality and day-to-day swings wider than Poisson do not count as growth).
 */
export function growthOf(key: string, daily: readonly number[], weekdays: readonly number[]): GrowthRow {
  const half = daily.length / 2;
  const sums = new Map<string, { total: number; n: number }>();
  const cell = (i: number) => `${i < half ? 0 : 1}:${weekdays[i]}`;
  daily.forEach((v, i) => {
    const c = sums.get(cell(i)) ?? { total: 0, n: 0 };
    c.total += v;
    c.n++;
    sums.set(cell(i), c);
  });
  let pearson = 0;
  daily.forEach((v, i) => {
    const c = sums.get(cell(i))!;
    const mean = c.total / c.n;
    if (mean > 0) pearson += (v - mean) ** 2 / mean;
  });
  const dof = daily.length - sums.size;
  const dispersion = Math.max(1, dof > 0 ? pearson / dof : 1);
  const previous = daily.slice(0, half).reduce((a, b) => a + b, 0);
  const current = daily.slice(half).reduce((a, b) => a + b, 0);
  const total = previous + current;
  const z = total > 0 ? (current - previous) / Math.sqrt(dispersion * total) : null;
  const p = z === null ? null : twoSidedNormalP(z);
  return {
    key,
    previous,
    current,
    change: previous > 0 ? current / previous - 1 : null,
    z: z === null ? null : Math.round(z * 100) / 100,
    p_value: p,
    dispersion: Math.round(dispersion * 1000) / 1000,
    significant: p !== null && p < GROWTH_P && total >= GROWTH_MIN_ITEMS,
  };
}

export interface GrowthReport {
  current: { from: string; to: string };
  previous: { from: string; to: string };
  time_zone: string;
  measure: 'contacts_offered' | 'tickets_created';
  test: string;
  channels: GrowthRow[];
  /** tickets created per category (a ticket's current category) */
  categories: GrowthRow[];
}

/** The last `weeks` whole weeks before `to` against the `weeks` before them, per channel and category. */
export async function volumeGrowth(
  store: Store,
  to: number,
  weeks: number,
  timeZone: string,
): Promise<GrowthReport> {
  const tz = getTimeZone(timeZone);
  const lastDay = localDayOf(to - 1, tz);
  const firstDay = lastDay - 14 * weeks + 1;
  const from = to - 14 * weeks * MS_PER_DAY;
  const days = 14 * weeks;
  const weekdays = Array.from({ length: days }, (_, i) => isoWeekdayIndex(firstDay + i));
  const align = (series: readonly number[], start: number) =>
    Array.from({ length: days }, (_, i) => series[firstDay + i - start] ?? 0);
  const volumes = await dailyVolumes(store, from - MS_PER_DAY, to, timeZone);
  const channels = [...volumes.byChannel].map(([c, s]) => growthOf(c, align(s, volumes.firstDay), weekdays));
  const rows = await store.db
    .selectFrom('ticket_facts')
    .select(['category', 'created_at'])
    .where('created_at', '>=', from - MS_PER_DAY)
    .where('created_at', '<', to)
    .execute();
  const byCategory = new Map<string, number[]>();
  for (const r of rows) {
    const i = localDayOf(Number(r.created_at), tz) - firstDay;
    if (i < 0 || i >= days) continue;
    const key = r.category ?? '(none)';
    if (!byCategory.has(key)) byCategory.set(key, new Array<number>(days).fill(0));
    byCategory.get(key)![i]!++;
  }
  const categories = [...byCategory]
    .map(([k, s]) => growthOf(k, s, weekdays))
    .sort((a, b) => a.key.localeCompare(b.key));
  return {
    current: { from: dayLabel(firstDay + 7 * weeks), to: dayLabel(lastDay) },
    previous: { from: dayLabel(firstDay), to: dayLabel(firstDay + 7 * weeks - 1) },
    time_zone: timeZone,
    measure: volumes.measure,
    test: `quasi-Poisson z-test of current − previous, flagged when p < ${GROWTH_P} with at least ${GROWTH_MIN_ITEMS} items`,
    channels: channels.sort((a, b) => a.key.localeCompare(b.key)),
    categories,
  };
}
