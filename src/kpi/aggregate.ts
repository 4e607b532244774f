import { bucketRanges, formatBucketLabel } from '../time/buckets.js';
import type { KpiQuery } from './types.js';

/** An item behind a KPI: where its reference instant falls, and the groups it belongs to. */
export interface Item {
  /** the ticket, contact or stretch behind the item (for drill-down) */
  id: string;
  at: number;
  groups: readonly string[];
}

export interface Reducer<I extends Item, S, V> {
  empty(): S;
  add(state: S, item: I): void;
  value(state: S): V;
  /** adds `from` into `into` exactly as adding its items one by one would (states of days merge into a period's) */
  merge?(into: S, from: Readonly<S>): void;
  /** readies a state that will be kept and merged many times (e.g. sorts its values once); merge still works without */
  seal?(state: S): void;
}

export interface Cut<V> {
  total: V;
  previous: V;
  series?: ({ start: string; label: string } & V)[];
  groups?: ({ key: string } & V)[];
}

/** The previous period of equal length, for trends. */
export function previousPeriod(q: Pick<KpiQuery, 'from' | 'to'>): { from: number; to: number } {
  return { from: q.from - (q.to - q.from), to: q.from };
}

/**
 * Folds items into the total of the period, the previous period, each bucket and each group. Items
 * outside both periods are ignored, so a query may fetch both periods at once.
 */
export function cut<I extends Item, S, V>(items: Iterable<I>, q: KpiQuery, r: Reducer<I, S, V>): Cut<V> {
  const prev = previousPeriod(q);
  const total = r.empty();
  const previous = r.empty();
  const ranges = q.bucket ? bucketRanges(q.from, q.to, q.bucket, q.timeZone) : [];
  const buckets = ranges.map(() => r.empty());
  const groups = new Map<string, S>();
  for (const item of items) {
    if (item.at >= prev.from && item.at < prev.to) {
      r.add(previous, item);
      continue;
    }
    if (item.at < q.from || item.at >= q.to) continue;
    r.add(total, item);
    if (ranges.length) r.add(buckets[findRange(ranges, item.at)]!, item);
    if (q.by) {
      for (const g of item.groups) {
        let s = groups.get(g);
        if (!s) {
          s = r.empty();
          groups.set(g, s);
        }
        r.add(s, item);
      }
    }
  }
  return assembleCut(q, r.value, total, previous, buckets, groups);
}

/**
 * A cut from its reduced states: the period, the previous one, each bucket of `q` (in order) and each
 * group (sorted by key). The one place a cut's shape is made, whoever did the reducing.
 */
export function assembleCut<S, V>(
  q: Pick<KpiQuery, 'from' | 'to' | 'bucket' | 'by' | 'timeZone'>,
  value: (s: S) => V,
  total: S,
  previous: S,
  buckets: readonly S[],
  groups: Iterable<readonly [string, S]>,
): Cut<V> {
  const out: Cut<V> = { total: value(total), previous: value(previous) };
  if (q.bucket) {
    out.series = bucketRanges(q.from, q.to, q.bucket, q.timeZone).map((range, i) => ({
      start: new Date(range.start).toISOString(),
      label: formatBucketLabel(range.start, q.bucket!, q.timeZone),
      ...value(buckets[i]!),
    }));
  }
  if (q.by) {
    out.groups = [...groups]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, s]) => ({ key, ...value(s) }));
  }
  return out;
}

/** The index of the range holding `at` (ranges sorted and contiguous). */
export function findRange(ranges: readonly { start: number; end: number }[], at: number): number {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ranges[mid]!.start <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Nearest-rank percentiles (the smallest observed value with at least p of the items at or below it) of
 * unsorted values, by selection: exactly what sorting would give, in linear rather than n log n time.
 */
export function percentiles(values: ArrayLike<number>, ps: readonly number[]): (number | null)[] {
  return percentilesInPlace(Float64Array.from(values), ps);
}

/** percentiles of values the caller hands over: they are reordered in place. */
export function percentilesInPlace(a: Float64Array, ps: readonly number[]): (number | null)[] {
  const n = a.length;
  if (n === 0) return ps.map(() => null);
  const out: (number | null)[] = ps.map(() => null);
  // ascending ranks: once rank k is in place, every later rank lies at or after k
  const ranks = ps.map((p, i) => ({ k: Math.max(1, Math.ceil(p * n)) - 1, i })).sort((x, y) => x.k - y.k);
  let lo = 0;
  for (const { k, i } of ranks) {
    select(a, lo, n - 1, k);
    out[i] = a[k]!;
    lo = k;
  }
  return out;
}

/** Puts the k-th smallest of a[lo..hi] at k, smaller ones before it, larger after (three-way partitions, so runs of equal values end it at once). */
function select(a: Float64Array, lo: number, hi: number, k: number): void {
  while (lo < hi) {
    const x = a[lo]!;
    const y = a[(lo + hi) >> 1]!;
    const z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let lt = lo;
    let i = lo;
    let gt = hi;
    while (i <= gt) {
      const v = a[i]!;
      if (v < pivot) {
        a[i++] = a[lt]!;
        a[lt++] = v;
      } else if (v > pivot) {
        a[i] = a[gt]!;
        a[gt--] = v;
      } else i++;
    }
    if (k < lt) hi = lt - 1;
    else if (k > gt) lo = gt + 1;
    else return;
  }
}
