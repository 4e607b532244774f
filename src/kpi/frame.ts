import type { FactTable } from '../store/fact-cache/fact-table.js';
import { bucketRanges } from '../time/buckets.js';
import { previousPeriod } from './aggregate.js';
import { type CutDays, cutDays } from './frame-days.js';
import { type BlockGrouper, columnGrouper, listGroups, NONE } from './frame-groups.js';
import { itemArrays, itemPlaces, itemReader, readInterval } from './frame-items.js';
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
  /** the group of a row from its group column's value, when it is not the value itself (text columns) */
  groupKeyOf?: (value: string | null) => string;
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
 * The items of a cut as parallel arrays, shared by every KPI over it: the table row, the reference
 * instant, whether it falls in the period (else the previous one), its bucket and its groups. KPIs fold
 * over it without an object per item.
 *
 * Items are read block by block, each block on first use (`ready`): block 0 holds the items outside the
 * cut's whole days (every item, for a frame without days) and is read at once; block 1 + w holds whole day
 * w. A fold that has a kept state for a day never reads its block, and the arrays grow only by the blocks
 * read. Block b's items are at blockStart[b] .. blockStart[b] + blockSize[b]. The arrays are replaced as
 * they grow: read them through the frame on each use (never keep one), and go through `forEachItem` or
 * the folds rather than index them blindly.
 */
export interface Frame {
  readonly table: FactTable;
  readonly rows: Int32Array;
  readonly at: Float64Array;
  /** which of the references (by index in FrameOptions.refs) item i comes from */
  readonly ref: Uint8Array;
  /** block 0 only (a whole day's items have the day's): 1 in the period, 0 in the previous one */
  readonly current: Uint8Array;
  /** block 0 only: the bucket of each current item (0 when the cut has no buckets) */
  readonly bucket: Int32Array;
  readonly bucketCount: number;
  /**
   * group ids of item i: groupIds[i] when groupStart is null (one group per item), else
   * groupIds[groupStart[i] .. groupStart[i + 1]) (tags); no groups when the cut is not grouped
   */
  readonly groupStart: Int32Array | null;
  readonly groupIds: Int32Array;
  readonly groupKeys: readonly string[];
  /** see FrameOptions.rollupKey; with it, the cut's whole days, and block 0's items' (-1: a day cut short) */
  readonly rollupKey: string | null;
  readonly days: CutDays | null;
  readonly day: Int32Array;
  /** the table's write count when the frame was made (a state reduced from it is as old as that) */
  readonly version: number;
  readonly blocks: number;
  /** where each block's items begin (once it is read) */
  readonly blockStart: Int32Array;
  /** items read into each block (0 until it is read) */
  readonly blockSize: Int32Array;
  /** reads block b, unless it has been read */
  ready(b: number): void;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The stretches of time each block reads: the whole days, and for block 0 what lies between them inside
 * the period and the previous one.
 */
function blockIntervals(q: KpiQuery, days: CutDays | null): [number, number][][] {
  const from = previousPeriod(q).from;
  if (!days) return [[[from, q.to]]];
  const edges: [number, number][] = [];
  let at = from;
  for (const d of days.whole) {
    if (d.start > at) edges.push([at, d.start]);
    at = Math.max(at, d.end);
  }
  if (at < q.to) edges.push([at, q.to]);
  return [edges, ...days.whole.map((d): [number, number][] => [[d.start, d.end]])];
}

/** The frame of a cut over one table: the rows whose reference instant lies in the period or the previous one. */
export function buildFrame(table: FactTable, q: KpiQuery, o: FrameOptions): Frame {
  const ranges = q.bucket ? bucketRanges(q.from, q.to, q.bucket, q.timeZone) : [];
  const rollupKey = o.rollupKey && !o.keep && !o.groupsOf ? o.rollupKey : null;
  const days = rollupKey ? cutDays(q) : null;
  const intervals = blockIntervals(q, days);
  // at least the items of each block (the rows of the quarter hours its intervals overlap)
  const bounds = intervals.map((list) => {
    let bound = 0;
    for (const ref of o.refs) for (const [a, z] of list) bound += table.bound(ref.at, a, z);
    return bound;
  });
  const reader = itemReader(table, q, o, ranges, days);
  const places = itemPlaces(bounds[0]!, days !== null);
  const grouped = q.by !== null && !o.groupsOf;
  let group: BlockGrouper | null = null;
  const groupKeys: string[] = [];
  // grouped by a dimension this table does not have: one "(none)" group, id 0 (the caller decides whether to show it)
  if (grouped && o.groupColumn) group = columnGrouper(table, o.groupColumn, groupKeys, o.groupKeyOf);
  else if (grouped) groupKeys.push(NONE);
  let used = 0;
  const blockStart = new Int32Array(intervals.length);
  const blockSize = new Int32Array(intervals.length);
  const read = new Uint8Array(intervals.length);
  const frame: Mutable<Frame> = {
    table,
    ...itemArrays(bounds[0]!),
    ...places,
    bucketCount: ranges.length,
    groupStart: null,
    groupIds: new Int32Array(grouped ? bounds[0]! : 0),
    groupKeys,
    rollupKey,
    days,
    version: table.version,
    blocks: intervals.length,
    blockStart,
    blockSize,
    ready(b) {
      if (read[b]) return;
      read[b] = 1;
      const need = used + bounds[b]!;
      if (need > frame.rows.length) {
        const capacity = Math.max(need, Math.ceil(frame.rows.length * 1.5));
        Object.assign(frame, itemArrays(capacity, frame, used));
        if (grouped) {
          const ids = new Int32Array(capacity);
          ids.set(frame.groupIds.subarray(0, used));
          frame.groupIds = ids;
        }
      }
      let n = used;
      for (let r = 0; r < o.refs.length; r++)
        for (const [a, z] of intervals[b]!)
          n += readInterval(reader, r, a, z, frame, b === 0 ? places : null, n);
      blockStart[b] = used;
      blockSize[b] = n - used;
      group?.(frame.rows, used, n, frame.groupIds);
      used = n;
    },
  };
  frame.ready(0);
  if (q.by && o.groupsOf) {
    // only frames without days have groups from outside the table: all their items are in block 0
    Object.assign(frame, listGroups(table, frame.rows, blockSize[0]!, o.groupsOf, groupKeys));
  }
  return frame;
}

/** Calls `fn` with each item of the frame, and where it falls, block by block (reading every block). */
export function forEachItem(frame: Frame, fn: ItemVisitor): void {
  forEachItemFrom(frame, Number.NEGATIVE_INFINITY, fn);
}

/** An item, whether it is in the period (1) or the previous one (0), its bucket, and its whole day (or -1). */
export type ItemVisitor = (i: number, current: number, bucket: number, day: number) => void;

/** Calls `fn` with each item of the blocks that may hold instants at or after `from` (the rest are not read). */
export function forEachItemFrom(frame: Frame, from: number, fn: ItemVisitor): void {
  for (let b = 0; b < frame.blocks; b++) {
    const whole = b > 0 ? frame.days!.whole[b - 1]! : null;
    if (whole && whole.end <= from) continue;
    frame.ready(b);
    const start = frame.blockStart[b]!;
    const end = start + frame.blockSize[b]!;
    if (whole) {
      const current = whole.current ? 1 : 0;
      for (let i = start; i < end; i++) fn(i, current, whole.bucket, b - 1);
    } else {
      const { current, bucket, day } = frame;
      for (let i = start; i < end; i++) fn(i, current[i]!, bucket[i]!, frame.days ? day[i]! : -1);
    }
  }
}

/** The table rows of every item of the frame. */
export function frameRows(frame: Frame): number[] {
  const out: number[] = [];
  forEachItem(frame, (i) => out.push(frame.rows[i]!));
  return out;
}

/** The group ids of item i (none when the cut is not grouped); for drill-down, not for loops over items. */
export function groupIdsOf(f: Frame, i: number): Int32Array {
  if (f.groupIds.length === 0) return EMPTY;
  if (f.groupStart === null) return f.groupIds.subarray(i, i + 1);
  return f.groupIds.subarray(f.groupStart[i]!, f.groupStart[i + 1]!);
}
const EMPTY = new Int32Array(0);

/** The group keys of item i (for drill-down items). */
export function groupsOfItem(f: Frame, i: number): string[] {
  return [...groupIdsOf(f, i)].map((g) => f.groupKeys[g]!);
}
