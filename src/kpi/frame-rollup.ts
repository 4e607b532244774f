import type { FactTable } from '../store/fact-cache/fact-table.js';
import { assembleCut, type Cut, type Item, type Reducer } from './aggregate.js';
import type { Frame } from './frame.js';
import { addToGroups, type Fill } from './frame-fold.js';
import type { KpiQuery } from './types.js';

/** A KPI's state over one whole day: the day's total and each group's. */
interface DayState<S> {
  /** the table's write count when it was reduced */
  version: number;
  /** the day's end (its start is its key): the same instant starts days of other lengths in other zones */
  end: number;
  total: S;
  groups: Map<string, S>;
}

/** Folds go through kept per-day states unless a test turns them off to compare with item-by-item folds. */
export const rollups = { enabled: true };

/** Whole days merged from a kept state, and whole days folded item by item (then kept), since the start. */
export const rollupStats = { keptDays: 0, foldedDays: 0 };

/** Kept states of one table: by what determines them (frame, KPI, grouping, mode, parameters), then by day start. */
interface Kept {
  count: number;
  byKey: Map<string, Map<number, DayState<unknown>>>;
}
/** Kept states per table; a table the cache starts afresh with starts with none. */
const kept = new WeakMap<FactTable, Kept>();
/** More than this many kept states and they are all let go (a bound on memory, not on correctness). */
const MAX_KEPT = 400_000;

function keptOf(table: FactTable): Kept {
  let m = kept.get(table);
  if (!m) {
    m = { count: 0, byKey: new Map() };
    kept.set(table, m);
  }
  return m;
}

/** Per whole day of a frame, the last write that touched it: worked out once per frame, for all its folds. */
const changes = new WeakMap<Frame, Float64Array>();
function dayChanges(frame: Frame): Float64Array {
  let out = changes.get(frame);
  if (!out) {
    out = Float64Array.from(frame.days!.whole, (d) => frame.table.lastChange(d.start, d.end));
    changes.set(frame, out);
  }
  return out;
}

/**
 * foldFrame with per-day states (mergeable counts, sums and value lists): items of a whole day whose state
 * is kept and whose rows no write has touched since are not read again; the day's kept state is merged
 * in their place. Items of days cut short by the period's edges are folded one by one. The result is the
 * same as folding every item, whatever the order.
 */
export function foldByDays<T extends object, S, V>(
  frame: Frame,
  q: KpiQuery,
  reducer: Reducer<Item & T, S, V> & { merge(into: S, from: Readonly<S>): void },
  scratch: T,
  fill: Fill<T>,
  slot: string,
): Cut<V> {
  const days = frame.days!.whole;
  const store = keptOf(frame.table);
  const key = `${frame.rollupKey}|${slot}|by=${q.by}|${q.time}|${JSON.stringify(q.params)}`;
  let byDay = store.byKey.get(key) as Map<number, DayState<S>> | undefined;
  if (!byDay) {
    byDay = new Map();
    store.byKey.set(key, byDay as Map<number, DayState<unknown>>);
  }
  const changed = dayChanges(frame);
  const cached: (DayState<S> | null)[] = days.map((d, w) => {
    const s = byDay.get(d.start);
    return s && s.end === d.end && changed[w]! <= s.version ? s : null;
  });
  const item = scratch as Item & T;
  const total = reducer.empty();
  const previous = reducer.empty();
  const buckets = q.bucket ? Array.from({ length: frame.bucketCount }, () => reducer.empty()) : null;
  const groups = new Map<string, S>();
  const grouped = q.by !== null;
  const { current, bucket, groupStart, groupIds, groupKeys } = frame;
  const groupState = (key: string) => {
    let s = groups.get(key);
    if (s === undefined) {
      s = reducer.empty();
      groups.set(key, s);
    }
    return s;
  };
  // block 0: the items of days cut short, one by one
  for (let i = frame.blockStart[0]!, end = i + frame.blockSize[0]!; i < end; i++) {
    if (!fill(scratch, i)) continue;
    if (current[i] === 0) {
      reducer.add(previous, item);
      continue;
    }
    reducer.add(total, item);
    if (buckets) reducer.add(buckets[bucket[i]!]!, item);
    if (grouped) {
      const first = groupStart === null ? i : groupStart[i]!;
      const last = groupStart === null ? i + 1 : groupStart[i + 1]!;
      for (let k = first; k < last; k++) reducer.add(groupState(groupKeys[groupIds[k]!]!), item);
    }
  }
  if (store.count > MAX_KEPT) {
    store.byKey.clear();
    store.count = 0;
    store.byKey.set(key, byDay as Map<number, DayState<unknown>>);
    byDay.clear();
  }
  days.forEach((d, w) => {
    let state = cached[w];
    if (!state) {
      // a day without a kept state: its block is read and folded into a state kept for the next report
      const fresh: DayState<S> = {
        version: frame.version,
        end: d.end,
        total: reducer.empty(),
        groups: new Map(),
      };
      const byId: (S | undefined)[] = [];
      const b = w + 1;
      frame.ready(b);
      for (let i = frame.blockStart[b]!, end = i + frame.blockSize[b]!; i < end; i++) {
        if (!fill(scratch, i)) continue;
        reducer.add(fresh.total, item);
        if (grouped) addToGroups(frame, i, reducer, byId, item);
      }
      reducer.seal?.(fresh.total);
      byId.forEach((s, g) => {
        if (s === undefined) return;
        reducer.seal?.(s);
        fresh.groups.set(groupKeys[g]!, s);
      });
      if (!byDay.has(d.start)) store.count++;
      byDay.set(d.start, fresh);
      state = fresh;
      rollupStats.foldedDays++;
    } else rollupStats.keptDays++;
    if (!d.current) {
      reducer.merge(previous, state.total);
      return;
    }
    reducer.merge(total, state.total);
    if (buckets) reducer.merge(buckets[d.bucket]!, state.total);
    if (grouped) for (const [key, s] of state.groups) reducer.merge(groupState(key), s);
  });
  return assembleCut(q, reducer.value, total, previous, buckets ?? [], groups);
}
