import type { Item, Reducer } from './aggregate.js';
import { percentilesOfSorted } from './sorted-select.js';
import type { CountValue, DurationValue, RateValue, Tier } from './types.js';

export const countReducer: Reducer<Item, { n: number }, CountValue> = {
  empty: () => ({ n: 0 }),
  add: (s) => {
    s.n++;
  },
  value: (s) => ({ value: s.n }),
  merge: (into, from) => {
    into.n += from.n;
  },
};

export interface RateItem extends Item {
  hit: boolean;
}

export const rateReducer: Reducer<RateItem, { num: number; den: number }, RateValue> = {
  empty: () => ({ num: 0, den: 0 }),
  add: (s, i) => {
    s.den++;
    if (i.hit) s.num++;
  },
  value: (s) => ({ numerator: s.num, denominator: s.den, value: s.den ? s.num / s.den : null }),
  merge: (into, from) => {
    into.num += from.num;
    into.den += from.den;
  },
};

export interface SumItem extends Item {
  value: number;
}

interface SumState {
  n: number;
  /** the sum in whole milliseconds, exact while every value is whole milliseconds (`wholeMs`) */
  ms: number;
  wholeMs: boolean;
  sum: number;
}

/**
 * A count and a sum of seconds. Seconds in whole milliseconds are summed exactly, so the sum does not depend
 * on the order items or merged days come in; finer values fall back to a floating sum.
 */
export const sumReducer: Reducer<SumItem, SumState, { count: number; sum: number }> = {
  empty: () => ({ n: 0, ms: 0, wholeMs: true, sum: 0 }),
  add: (s, i) => {
    s.n++;
    s.sum += i.value;
    const m = Math.round(i.value * 1000);
    s.ms += m;
    if (m / 1000 !== i.value) s.wholeMs = false;
  },
  value: (s) => ({ count: s.n, sum: s.wholeMs ? s.ms / 1000 : s.sum }),
  merge: (into, from) => {
    into.n += from.n;
    into.sum += from.sum;
    into.ms += from.ms;
    into.wholeMs &&= from.wholeMs;
  },
};

/** Thresholds in seconds: excellent, good, satisfactory; the target of an item is its "good" threshold. */
export type Thresholds = readonly [number, number, number];

export interface DurationItem extends Item {
  /** null while the milestone is pending */
  seconds: number | null;
  thresholds: Thresholds | null;
}

interface DurationState {
  /** values added to this state, in the order they came */
  values: number[];
  /** ascending value lists: this state's own once sealed, and those of merged states (shared, never changed) */
  parts: Float64Array[];
  /** their sum in whole milliseconds, exact while every value is whole milliseconds (`wholeMs`) */
  ms: number;
  wholeMs: boolean;
  pending: number;
  /** items with a target reaching each tier: [excellent, good, satisfactory] */
  reached: [number, number, number];
  withTarget: number;
}

const ascending = (values: readonly number[]) => Float64Array.from(values).sort();
/** The values of every sealed state (kept states are merged from, never added to: an add would throw) */
const SEALED = Object.freeze([]) as unknown as number[];

export interface DurationWithTiers extends DurationValue {
  /** the best tier that at least half of the items with a target reach */
  item_tier: Tier | null;
}

/**
 * The mean, the same whatever order the values come in (the facts copy's row order depends on its history).
 * Durations are whole milliseconds, so their sum in milliseconds is exact; values finer than that are summed
 * in sorted order.
 */
export function meanOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let ms = 0;
  for (const v of values) {
    const m = Math.round(v * 1000);
    if (m / 1000 !== v) {
      let sum = 0;
      for (const x of Float64Array.from(values).sort()) sum += x;
      return sum / values.length;
    }
    ms += m;
  }
  return ms / 1000 / values.length;
}

export const durationReducer: Reducer<DurationItem, DurationState, DurationWithTiers> = {
  // percentiles and the mean do not depend on the order of the values, so merged days give the same
  // figures; a merge takes the day's sorted value lists by reference and its sums, and copies nothing
  merge: (into, from) => {
    if (from.values.length) into.parts.push(ascending(from.values));
    for (const p of from.parts) into.parts.push(p);
    into.ms += from.ms;
    into.wholeMs &&= from.wholeMs;
    into.pending += from.pending;
    into.withTarget += from.withTarget;
    for (let k = 0; k < 3; k++) into.reached[k]! += from.reached[k]!;
  },
  // a day's state is kept and merged report after report: its values are sorted once, here
  seal: (s) => {
    if (s.values.length) s.parts.push(ascending(s.values));
    s.values = SEALED;
  },
  empty: () => ({
    values: [],
    parts: [],
    ms: 0,
    wholeMs: true,
    pending: 0,
    reached: [0, 0, 0],
    withTarget: 0,
  }),
  add: (s, i) => {
    const v = i.seconds;
    if (v === null) {
      s.pending++;
      return;
    }
    s.values.push(v);
    const m = Math.round(v * 1000);
    s.ms += m;
    if (m / 1000 !== v) s.wholeMs = false;
    const t = i.thresholds;
    if (t) {
      s.withTarget++;
      if (v <= t[0]) s.reached[0]++;
      if (v <= t[1]) s.reached[1]++;
      if (v <= t[2]) s.reached[2]++;
    }
  },
  value: (s) => {
    const parts = s.values.length ? [ascending(s.values), ...s.parts] : s.parts;
    const n = parts.reduce((sum, p) => sum + p.length, 0);
    // the nearest ranks across the sorted lists, without merging them into one
    const [median, p90] = percentilesOfSorted(parts, [0.5, 0.9]);
    const tiers: Tier[] = ['excellent', 'good', 'satisfactory'];
    const tierIndex = s.withTarget ? s.reached.findIndex((r) => r * 2 >= s.withTarget) : -2;
    return {
      count: n,
      pending: s.pending,
      // as meanOf: whole milliseconds summed exactly, finer values summed in sorted order
      mean_s: n === 0 ? null : s.wholeMs ? s.ms / 1000 / n : meanOf(parts.flatMap((p) => Array.from(p))),
      median_s: median ?? null,
      p90_s: p90 ?? null,
      within_target: s.withTarget ? s.reached[1] / s.withTarget : null,
      with_target: s.withTarget,
      item_tier: tierIndex === -2 ? null : tierIndex === -1 ? 'poor' : tiers[tierIndex]!,
    };
  },
};
