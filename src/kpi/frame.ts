import type { FactTable } from '../store/fact-cache/fact-table.js';
import { bucketRanges } from '../time/buckets.js';
import { previousPeriod } from './aggregate.js';
import { type CutDays, cutDays } from './frame-days.js';
import { type BlockGrouper, columnGrouper, listGroups, NONE } from './frame-groups.js';
import { frameArrays, itemReader, readInterval } from './frame-items.js';
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
 * The items of a cut as parallel arrays, shared by every KPI over it: the table row, the reference
 * instant, whether it falls in the period (else the previous one), its bucket and its groups. KPIs fold
 * over it without an object per item.
 *
 * Items are read block by block, each block on first use (`ready`): block 0 holds the items outside the
 * cut's whole days (every item, for a frame without days) and is read at once; block 1 + w holds whole day
 * w. A fold that has a kept state for a day never reads its block. Item indexes are stable: block b's
 * items are at blockStart[b] .. blockStart[b] + blockSize[b] of every array (the space between blocks is
 * unused). Go through `forEachItem` or the folds rather than index the arrays blindly.
 */
export interface Frame {
  readonly table: FactTable;
  readonly rows: Int32Array;
  readonly at: Float64Array;
  /** which of the references (by index in FrameOptions.refs) item i comes from */
  readonly ref: Uint8Array;
  /** 1 in the period, 0 in the previous one */
  readonly current: Uint8Array;
  /** the bucket of each current item (0 when the cut has no buckets) */
  readonly bucket: Int32Array;
  readonly bucketCount: number;
  /**
   * group ids of item i: groupIds[i] when groupStart is null (one group per item), else
   * groupIds[groupStart[i] .. groupStart[i + 1]) (tags); no groups when the cut is not grouped
   */
  readonly groupStart: Int32Array | null;
  readonly groupIds: Int32Array;
  readonly groupKeys: readonly string[];
  /** see FrameOptions.rollupKey; with it, the cut's whole days and each item's (-1 on a day cut short) */
  readonly rollupKey: string | null;
  readonly days: CutDays | null;
  readonly day: Int32Array;
  /** the table's write count when the frame was made (a state reduced from it is as old as that) */
  readonly version: number;
  readonly blocks: number;
  readonly blockStart: Int32Array;
  /** items read into each block (0 until it is read) */
  readonly blockSize: Int32Array;
  /** reads block b, unless it has been read */
  ready(b: number): void;
}

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
  const blockStart = new Int32Array(intervals.length + 1);
  intervals.forEach((list, b) => {
    let bound = 0;
    for (const ref of o.refs) for (const [a, z] of list) bound += table.bound(ref.at, a, z);
    blockStart[b + 1] = blockStart[b]! + bound;
  });
  const arrays = frameArrays(blockStart[intervals.length]!, days !== null);
  const reader = itemReader(table, q, o, ranges, days);
  const groupKeys: string[] = [];
  let groupStart: Int32Array | null = null;
  let groupIds: Int32Array = new Int32Array(0);
  let group: BlockGrouper | null = null;
  if (q.by && !o.groupsOf) {
    groupIds = new Int32Array(blockStart[intervals.length]!);
    // grouped by a dimension this table does not have: one "(none)" group, id 0 (the caller decides whether to show it)
    if (o.groupColumn) group = columnGrouper(table, o.groupColumn, groupKeys);
    else groupKeys.push(NONE);
  }
  const blockSize = new Int32Array(intervals.length);
  const read = new Uint8Array(intervals.length);
  const frame: Frame = {
    table,
    ...arrays,
    bucketCount: ranges.length,
    get groupStart() {
      return groupStart;
    },
    get groupIds() {
      return groupIds;
    },
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
      const start = blockStart[b]!;
      let n = start;
      for (let r = 0; r < o.refs.length; r++)
        for (const [a, z] of intervals[b]!) n += readInterval(reader, r, a, z, arrays, n);
      blockSize[b] = n - start;
      group?.(arrays.rows, start, n, groupIds);
    },
  };
  frame.ready(0);
  if (q.by && o.groupsOf) {
    // only frames without days have groups from outside the table: all their items are in block 0
    ({ groupStart, groupIds } = listGroups(table, arrays.rows, blockSize[0]!, o.groupsOf, groupKeys));
  }
  return frame;
}

/** Calls `fn` with each item of the frame, block by block (reading every block). */
export function forEachItem(frame: Frame, fn: (i: number) => void): void {
  forEachItemFrom(frame, Number.NEGATIVE_INFINITY, fn);
}

/** Calls `fn` with each item of the blocks that may hold instants at or after `from` (the rest are not read). */
export function forEachItemFrom(frame: Frame, from: number, fn: (i: number) => void): void {
  for (let b = 0; b < frame.blocks; b++) {
    if (b > 0 && frame.days && frame.days.whole[b - 1]!.end <= from) continue;
    frame.ready(b);
    const end = frame.blockStart[b]! + frame.blockSize[b]!;
    for (let i = frame.blockStart[b]!; i < end; i++) fn(i);
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
