import { assembleCut, type Cut, type Item, type Reducer } from './aggregate.js';
import type { FamilyContext } from './family.js';
import { type Frame, forEachItem, groupsOfItem } from './frame.js';
import { foldByDays, rollups } from './frame-rollup.js';
import { countReducer } from './reducers.js';
import type { KpiId, KpiQuery } from './types.js';

/**
 * Reads item i of a frame into the one scratch item (the fields a reducer needs: hit, seconds…);
 * false leaves the item out of the KPI.
 */
export type Fill<T> = (item: T, i: number) => boolean;

/**
 * Folds a frame into the total of the period, the previous period, each bucket and each group, exactly
 * as `cut` folds items, but through one reused scratch item: no object per item. Buckets and groups
 * follow `q` (a figure without them passes a query with `by` and `bucket` null).
 */
export function foldFrame<T extends object, S, V>(
  frame: Frame,
  q: KpiQuery,
  reducer: Reducer<Item & T, S, V>,
  scratch: T,
  fill: Fill<T>,
  collect?: (items: (Item & T)[]) => void,
  /** names this fold among those over the frame, so its per-day states can be kept (see frame-rollup.ts) */
  slot?: string,
): Cut<V> {
  const { merge } = reducer;
  if (slot && !collect && frame.days && merge && rollups.enabled)
    return foldByDays(frame, q, { ...reducer, merge }, scratch, fill, slot);
  const item = scratch as Item & T;
  const total = reducer.empty();
  const previous = reducer.empty();
  const buckets = q.bucket ? Array.from({ length: frame.bucketCount }, () => reducer.empty()) : null;
  const groups: (S | undefined)[] = [];
  const grouped = q.by !== null;
  const items: (Item & T)[] | null = collect ? [] : null;
  forEachItem(frame, (i, current, bucket) => {
    if (!fill(scratch, i)) return;
    if (items) {
      items.push({
        ...scratch,
        id: frame.table.keyOf(frame.rows[i]!),
        at: frame.at[i]!,
        groups: grouped ? groupsOfItem(frame, i) : [],
      });
    }
    if (current === 0) {
      reducer.add(previous, item);
      return;
    }
    reducer.add(total, item);
    if (buckets) reducer.add(buckets[bucket]!, item);
    if (grouped) addToGroups(frame, i, reducer, groups, item);
  });
  if (items) collect!(items);
  const present: [string, S][] = [];
  groups.forEach((s, g) => {
    if (s !== undefined) present.push([frame.groupKeys[g]!, s]);
  });
  return assembleCut(q, reducer.value, total, previous, buckets ?? [], present);
}

/** Adds item i into the state of each of its groups (by the frame's group id), made on first use. */
export function addToGroups<I, S>(
  frame: Frame,
  i: number,
  reducer: { empty(): S; add(s: S, item: I): void },
  byId: (S | undefined)[],
  item: I,
): void {
  const { groupStart, groupIds } = frame;
  const first = groupStart === null ? i : groupStart[i]!;
  const end = groupStart === null ? i + 1 : groupStart[i + 1]!;
  for (let k = first; k < end; k++) {
    const g = groupIds[k]!;
    let s = byId[g];
    if (s === undefined) {
      s = reducer.empty();
      byId[g] = s;
    }
    reducer.add(s, item);
  }
}

/** A KPI's cut over a frame, handing its items to the drill-down collector when there is one. */
export function measureFrame<T extends object, S, V>(
  ctx: FamilyContext,
  kpi: KpiId,
  frame: Frame,
  reducer: Reducer<Item & T, S, V>,
  scratch: T,
  fill: Fill<T>,
  q: KpiQuery = ctx.q,
): Cut<V> {
  const collect = ctx.collect;
  return foldFrame(
    frame,
    q,
    reducer,
    scratch,
    fill,
    collect ? (items) => collect(kpi, items) : undefined,
    kpi,
  );
}

/**
 * The number of items of the period (not the previous one) that pass a test, through per-day states kept
 * under `slot`: the test must depend only on the item's row, the query and what the frame's rollup key
 * names.
 */
export function countCurrent(frame: Frame, q: KpiQuery, slot: string, test: (i: number) => boolean): number {
  const whole = { ...q, by: null, bucket: null };
  return foldFrame(frame, whole, countReducer, {}, (_, i) => test(i), undefined, slot).total.value;
}
