import type { FactTable } from '../store/fact-cache/fact-table.js';
import { findRange, previousPeriod } from './aggregate.js';
import type { FrameOptions } from './frame.js';
import type { CutDays } from './frame-days.js';
import type { KpiQuery } from './types.js';

/** The items of a frame before grouping, as parallel arrays (see Frame). */
export interface FrameItems {
  size: number;
  rows: Int32Array;
  at: Float64Array;
  ref: Uint8Array;
  current: Uint8Array;
  bucket: Int32Array;
  day: Int32Array;
}

export function rowTest(
  table: FactTable,
  column: string,
  values: readonly string[],
): (row: number) => boolean {
  const c = table.column(column);
  if (c.kind === 'text') {
    const codes = new Set(values.map((v) => c.find(v)));
    return (row) => codes.has(c.codes[row]!);
  }
  const wanted = new Set(values.map(Number));
  return (row) => wanted.has(c.get(row) as number);
}

function passes(
  table: FactTable,
  tests: ((row: number) => boolean)[],
  keep: ((key: string) => boolean) | undefined,
): (row: number) => boolean {
  return (row) => {
    for (const t of tests) if (!t(row)) return false;
    return !keep || keep(table.keyOf(row));
  };
}

function instants(table: FactTable, column: string): Float64Array {
  const c = table.column(column);
  if (c.kind !== 'number') throw new Error(`${column} is not an instant`);
  return c.values;
}

/**
 * Reads the items of every reference in one pass over the table's time index. The index hands rows by
 * quarter hour, and a quarter hour lies whole in one period, one bucket and one local day in every zone in
 * use, so those are worked out once per quarter hour rather than once per item (item by item only where
 * a quarter hour straddles an edge).
 */
export function readItems(
  table: FactTable,
  q: KpiQuery,
  o: FrameOptions,
  ranges: readonly { start: number; end: number }[],
  days: CutDays | null,
): FrameItems {
  const from = previousPeriod(q).from;
  const to = q.to;
  const tests = o.filters.filter((f) => f.values.length).map((f) => rowTest(table, f.column, f.values));
  const check = tests.length || o.keep ? passes(table, tests, o.keep) : null;
  const status = table.has('status') ? table.column('status') : null;
  const statusCodes = status?.kind === 'text' ? status.codes : null;
  const open = status?.kind === 'text' ? status.find('open') : -3;
  let bound = 0;
  for (const ref of o.refs) bound += table.bound(ref.at, from, to);
  const rows = new Int32Array(bound);
  const at = new Float64Array(bound);
  const refOf = new Uint8Array(bound);
  const current = new Uint8Array(bound);
  const bucket = new Int32Array(bound);
  const day = new Int32Array(days ? bound : 0);
  let n = 0;
  o.refs.forEach((ref, r) => {
    const atValues = instants(table, ref.at);
    const nullValues = ref.whenNull ? instants(table, ref.whenNull) : null;
    const onlyOpen = ref.onlyOpen === true;
    table.units(ref.at, from, to, (start, end, index, lo, hi) => {
      // what every item of the quarter hour shares, when it lies whole in one period, bucket and day
      let same = start >= from && end <= to && (end <= q.from || start >= q.from);
      const cur = start >= q.from ? 1 : 0;
      let b = 0;
      if (same && cur === 1 && ranges.length) {
        b = findRange(ranges, start);
        same = findRange(ranges, end - 1) === b;
      }
      let d = -1;
      if (same && days) {
        d = days.dayOf(start);
        same = days.dayOf(end - 1) === d;
      }
      // one tight loop over typed arrays: this runs for every item of every reference of a report
      for (let k = lo; k < hi; k++) {
        const row = index[k]!;
        const v = atValues[row]!;
        if (!same && !(v >= from && v < to)) continue;
        if (nullValues !== null && !Number.isNaN(nullValues[row]!)) continue;
        if (onlyOpen && (statusCodes === null || statusCodes[row] !== open)) continue;
        if (check !== null && !check(row)) continue;
        rows[n] = row;
        at[n] = v;
        refOf[n] = r;
        if (same) {
          current[n] = cur;
          bucket[n] = b;
          if (days) day[n] = d;
        } else {
          const c = v >= q.from ? 1 : 0;
          current[n] = c;
          bucket[n] = c === 1 && ranges.length ? findRange(ranges, v) : 0;
          if (days) day[n] = days.dayOf(v);
        }
        n++;
      }
    });
  });
  return {
    size: n,
    rows: rows.subarray(0, n),
    at: at.subarray(0, n),
    ref: refOf.subarray(0, n),
    current: current.subarray(0, n),
    bucket: bucket.subarray(0, n),
    day: day.subarray(0, days ? n : 0),
  };
}
