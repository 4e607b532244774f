import type { FactTable } from '../store/fact-cache/fact-table.js';
import { bucketRanges } from '../time/buckets.js';
import { type CutDays, cutDays } from './frame-days.js';
import { readItems } from './frame-items.js';
import type { KpiQuery } from './types.js';

export { rowTest } from './frame-items.js';

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

/** The group id of each item by one column's value, adding keys as they are met (text by dictionary code). */
function columnGroups(table: FactTable, column: string, items: Int32Array, keys: string[]): Int32Array {
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
  const out = new Int32Array(items.length);
  const c = table.column(column);
  if (c.kind === 'text') {
    const byCode = new Int32Array(c.dict.length).fill(-1);
    const codes = c.codes;
    let none = -1;
    for (let i = 0; i < items.length; i++) {
      const code = codes[items[i]!]!;
      if (code < 0) {
        if (none < 0) none = idOf(NONE);
        out[i] = none;
        continue;
      }
      let id = byCode[code]!;
      if (id < 0) {
        id = idOf(c.dict[code]!);
        byCode[code] = id;
      }
      out[i] = id;
    }
    return out;
  }
  const byValue = new Map<number | null, number>();
  for (let i = 0; i < items.length; i++) {
    const v = c.get(items[i]!);
    let id = byValue.get(v);
    if (id === undefined) {
      id = idOf(v === null ? NONE : String(v));
      byValue.set(v, id);
    }
    out[i] = id;
  }
  return out;
}

/** The frame of a cut over one table: the rows whose reference instant lies in the period or the previous one. */
export function buildFrame(table: FactTable, q: KpiQuery, o: FrameOptions): Frame {
  const ranges = q.bucket ? bucketRanges(q.from, q.to, q.bucket, q.timeZone) : [];
  const rollupKey = o.rollupKey && !o.keep && !o.groupsOf ? o.rollupKey : null;
  const days = rollupKey ? cutDays(q) : null;
  const { size, rows, at, ref, current, bucket, day } = readItems(table, q, o, ranges, days);
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
    groupIds = columnGroups(table, o.groupColumn, rows, groupKeys);
    for (let i = 0; i < size; i++) groupStart[i + 1] = i + 1;
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
