import type { FactTable } from '../store/fact-cache/fact-table.js';
import { bucketRanges } from '../time/buckets.js';
import { findRange, previousPeriod } from './aggregate.js';
import { type CutDays, cutDays } from './frame-days.js';
import type { KpiQuery } from './types.js';

/** A reference instant of a KPI's items, optionally only where another milestone is missing. */
export interface FrameRef {
  at: string;
  /** only rows where this column is null (an alternative reference, e.g. closed without resolution) */
  whenNull?: string;
  /** only tickets still open (pending items: a closed ticket no longer waits for its milestone) */
  onlyOpen?: boolean;
}

export interface FrameOptions {
  refs: readonly FrameRef[];
  /** column filters of the cut (values as text; int columns compare numerically) */
  filters: readonly { column: string; values: readonly string[] }[];
  /** the column holding the group of each row, when the cut is grouped by one */
  groupColumn: string | null;
  /** rows kept by a filter the table cannot answer (tags), by key */
  keep?: (key: string) => boolean;
  /** groups of a row from outside the table (tags: one group per tag), by key */
  groupsOf?: (key: string) => readonly string[];
  /**
   * What the frame's items are (table, references, filters, grouping, targets), when states reduced over
   * its whole days may be kept with the table and used again (not with tags, which live outside it)
   */
  rollupKey?: string;
}

/**
 * The items of a cut as parallel arrays, read once per reference and shared by every KPI over it: the
 * table row, the reference instant, whether it falls in the period (else the previous one), its bucket
 * and its groups. KPIs fold over it without an object per item.
 */
export interface Frame {
  readonly table: FactTable;
  readonly size: number;
  readonly rows: Int32Array;
  readonly at: Float64Array;
  /** which of the references (by index in FrameOptions.refs) item i comes from */
  readonly ref: Uint8Array;
  /** 1 in the period, 0 in the previous one */
  readonly current: Uint8Array;
  /** the bucket of each current item (0 when the cut has no buckets) */
  readonly bucket: Int32Array;
  readonly bucketCount: number;
  /** group ids of item i: groupIds[groupStart[i] .. groupStart[i + 1]) */
  readonly groupStart: Int32Array;
  readonly groupIds: Int32Array;
  readonly groupKeys: readonly string[];
  /** see FrameOptions.rollupKey; with it, the cut's whole days and each item's (-1 on a day cut short) */
  readonly rollupKey: string | null;
  readonly days: CutDays | null;
  readonly day: Int32Array;
  /** the table's write count when the frame was read (a state reduced from it is as old as that) */
  readonly version: number;
}

const NONE = '(none)';

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

/** Group keys by id, and a function giving a row's group id (text columns by dictionary code). */
function grouper(table: FactTable, column: string, keys: string[]): (row: number) => number {
  const ids = new Map<string, number>();
  const idOf = (key: string) => {
    let id = ids.get(key);
    if (id === undefined) {
      id = keys.length;
      keys.push(key);
      ids.set(key, id);
    }
    return id;
  };
  const c = table.column(column);
  if (c.kind === 'text') {
    const byCode: number[] = [];
    const none = () => idOf(NONE);
    return (row) => {
      const code = c.codes[row]!;
      if (code < 0) return none();
      const known = byCode[code];
      if (known !== undefined) return known;
      const id = idOf(c.dict[code]!);
      byCode[code] = id;
      return id;
    };
  }
  return (row) => {
    const v = c.get(row);
    return idOf(v === null ? NONE : String(v));
  };
}

/** The frame of a cut over one table: the rows whose reference instant lies in the period or the previous one. */
export function buildFrame(table: FactTable, q: KpiQuery, o: FrameOptions): Frame {
  const tests = o.filters.filter((f) => f.values.length).map((f) => rowTest(table, f.column, f.values));
  const status = table.has('status') ? table.column('status') : null;
  const open = status?.kind === 'text' ? status.find('open') : -3;
  const from = previousPeriod(q).from;
  const parts: Int32Array[] = [];
  const partAt: Float64Array[] = [];
  let size = 0;
  const statusCodes = status?.kind === 'text' ? status.codes : null;
  const check = tests.length || o.keep ? passes(table, tests, o.keep) : null;
  for (const ref of o.refs) {
    const atCol = table.column(ref.at);
    if (atCol.kind !== 'number') throw new Error(`${ref.at} is not an instant`);
    const atValues = atCol.values;
    const nullCol = ref.whenNull ? table.column(ref.whenNull) : null;
    if (nullCol && nullCol.kind !== 'number') throw new Error(`${ref.whenNull} is not an instant`);
    const nullValues = nullCol ? nullCol.values : null;
    const onlyOpen = ref.onlyOpen === true;
    const candidates = table.range(ref.at, from, q.to);
    const rows = new Int32Array(candidates.length);
    const at = new Float64Array(candidates.length);
    let n = 0;
    // one tight loop over typed arrays: this runs for every item of every reference of a report
    for (let i = 0; i < candidates.length; i++) {
      const row = candidates[i]!;
      if (nullValues !== null && !Number.isNaN(nullValues[row]!)) continue;
      if (onlyOpen && (statusCodes === null || statusCodes[row] !== open)) continue;
      if (check !== null && !check(row)) continue;
      rows[n] = row;
      at[n] = atValues[row]!;
      n++;
    }
    parts.push(rows.subarray(0, n));
    partAt.push(at.subarray(0, n));
    size += n;
  }
  const rows = concat(parts, size, Int32Array);
  const at = concat(partAt, size, Float64Array);
  const ref = new Uint8Array(size);
  let offset = 0;
  parts.forEach((p, r) => {
    ref.fill(r, offset, offset + p.length);
    offset += p.length;
  });
  const current = new Uint8Array(size);
  for (let i = 0; i < size; i++) current[i] = at[i]! >= q.from ? 1 : 0;
  const ranges = q.bucket ? bucketRanges(q.from, q.to, q.bucket, q.timeZone) : [];
  const bucket = new Int32Array(size);
  if (ranges.length) {
    for (let i = 0; i < size; i++) if (current[i]) bucket[i] = findRange(ranges, at[i]!);
  }
  const rollupKey = o.rollupKey && !o.keep && !o.groupsOf ? o.rollupKey : null;
  const days = rollupKey ? cutDays(q) : null;
  const day = new Int32Array(days ? size : 0);
  if (days) for (let i = 0; i < size; i++) day[i] = days.dayOf(at[i]!);
  const groupKeys: string[] = [];
  const groupStart = new Int32Array(size + 1);
  let groupIds: Int32Array;
  if (!q.by) {
    groupIds = new Int32Array(0);
  } else if (o.groupsOf) {
    const ids = new Map<string, number>();
    const list: number[] = [];
    for (let i = 0; i < size; i++) {
      for (const key of o.groupsOf(table.keyOf(rows[i]!))) {
        let id = ids.get(key);
        if (id === undefined) {
          id = groupKeys.length;
          groupKeys.push(key);
          ids.set(key, id);
        }
        list.push(id);
      }
      groupStart[i + 1] = list.length;
    }
    groupIds = Int32Array.from(list);
  } else if (o.groupColumn) {
    const idOf = grouper(table, o.groupColumn, groupKeys);
    groupIds = new Int32Array(size);
    for (let i = 0; i < size; i++) {
      groupIds[i] = idOf(rows[i]!);
      groupStart[i + 1] = i + 1;
    }
  } else {
    // grouped by a dimension this table does not have: one "(none)" group (the caller decides whether to show it)
    groupKeys.push(NONE);
    groupIds = new Int32Array(size);
    for (let i = 0; i < size; i++) groupStart[i + 1] = i + 1;
  }
  return {
    table,
    size,
    rows,
    at,
    ref,
    current,
    bucket,
    bucketCount: ranges.length,
    groupStart,
    groupIds,
    groupKeys,
    rollupKey,
    days,
    day,
    version: table.version,
  };
}

/** The group keys of item i (for drill-down items). */
export function groupsOfItem(f: Frame, i: number): string[] {
  const out: string[] = [];
  for (let k = f.groupStart[i]!; k < f.groupStart[i + 1]!; k++) out.push(f.groupKeys[f.groupIds[k]!]!);
  return out;
}

function concat<A extends Int32Array | Float64Array>(
  parts: A[],
  size: number,
  Make: new (n: number) => A,
): A {
  if (parts.length === 1) return parts[0]!;
  const out = new Make(size);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
