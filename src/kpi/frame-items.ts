import type { FactTable } from '../store/fact-cache/fact-table.js';
import { findRange } from './aggregate.js';
import type { FrameOptions } from './frame.js';
import type { CutDays } from './frame-days.js';
import type { KpiQuery } from './types.js';

/** The per-item arrays of a frame (see Frame). */
export interface ItemArrays {
  rows: Int32Array;
  at: Float64Array;
  ref: Uint8Array;
}

/** Where the items of a frame's block 0 fall: period, bucket and whole day (a whole day's block has the day's). */
export interface ItemPlaces {
  current: Uint8Array;
  bucket: Int32Array;
  day: Int32Array;
}

/** Item arrays of the given capacity, holding the first `used` items of `from` when given. */
export function itemArrays(capacity: number, from?: ItemArrays, used = 0): ItemArrays {
  const out = {
    rows: new Int32Array(capacity),
    at: new Float64Array(capacity),
    ref: new Uint8Array(capacity),
  };
  if (from) {
    out.rows.set(from.rows.subarray(0, used));
    out.at.set(from.at.subarray(0, used));
    out.ref.set(from.ref.subarray(0, used));
  }
  return out;
}

export function itemPlaces(size: number, withDays: boolean): ItemPlaces {
  return {
    current: new Uint8Array(size),
    bucket: new Int32Array(size),
    day: new Int32Array(withDays ? size : 0),
  };
}

/** How the items of a cut are chosen and placed: the parts of a frame every block reads alike. */
export interface ItemReader {
  table: FactTable;
  q: KpiQuery;
  refs: FrameOptions['refs'];
  ranges: readonly { start: number; end: number }[];
  days: CutDays | null;
  /** the row passes the cut's filters (null: no filters) */
  check: ((row: number) => boolean) | null;
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

export function itemReader(
  table: FactTable,
  q: KpiQuery,
  o: FrameOptions,
  ranges: readonly { start: number; end: number }[],
  days: CutDays | null,
): ItemReader {
  const tests = o.filters.filter((f) => f.values.length).map((f) => rowTest(table, f.column, f.values));
  const check = tests.length || o.keep ? passes(table, tests, o.keep) : null;
  return { table, q, refs: o.refs, ranges, days, check };
}

function instants(table: FactTable, column: string): Float64Array {
  const c = table.column(column);
  if (c.kind !== 'number') throw new Error(`${column} is not an instant`);
  return c.values;
}

/**
 * Reads the items of reference `r` whose instant lies in [from, to) into the arrays from `start` on (and
 * where they fall into `places`, for block 0), and returns how many it read. The index hands rows by quarter hour, and a quarter hour lies whole in one
 * period, one bucket and one local day in every zone in use, so those are worked out once per quarter
 * hour rather than once per item (item by item only where a quarter hour straddles an edge).
 */
export function readInterval(
  reader: ItemReader,
  r: number,
  from: number,
  to: number,
  out: ItemArrays,
  places: ItemPlaces | null,
  start: number,
): number {
  const { table, q, ranges, days, check } = reader;
  const ref = reader.refs[r]!;
  const { rows, at, ref: refOf } = out;
  const status = table.has('status') ? table.column('status') : null;
  const statusCodes = status?.kind === 'text' ? status.codes : null;
  const open = status?.kind === 'text' ? status.find('open') : -3;
  const atValues = instants(table, ref.at);
  const nullValues = ref.whenNull ? instants(table, ref.whenNull) : null;
  const onlyOpen = ref.onlyOpen === true;
  let n = start;
  table.units(ref.at, from, to, (uStart, uEnd, index, lo, hi) => {
    // what every item of the quarter hour shares, when it lies whole in the interval, one period, bucket and day
    let same = uStart >= from && uEnd <= to && (uEnd <= q.from || uStart >= q.from);
    const cur = uStart >= q.from ? 1 : 0;
    let b = 0;
    if (same && cur === 1 && ranges.length) {
      b = findRange(ranges, uStart);
      same = findRange(ranges, uEnd - 1) === b;
    }
    let d = -1;
    if (same && days) {
      d = days.dayOf(uStart);
      same = days.dayOf(uEnd - 1) === d;
    }
    // one tight loop over typed arrays: this runs for every item read
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
      if (places === null) {
        // a whole day's block: its items' period, bucket and day are the day's
      } else if (same) {
        places.current[n] = cur;
        places.bucket[n] = b;
        if (days) places.day[n] = d;
      } else {
        const c = v >= q.from ? 1 : 0;
        places.current[n] = c;
        places.bucket[n] = c === 1 && ranges.length ? findRange(ranges, v) : 0;
        if (days) places.day[n] = days.dayOf(v);
      }
      n++;
    }
  });
  return n - start;
}
