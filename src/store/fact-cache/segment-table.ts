import { IntColumn, NumberColumn, quarterMore, TextColumn } from './column.js';
import { TimeIndex } from './time-index.js';

/** A segment as the database returns it. */
export interface SegmentRow {
  ticket_id: string;
  from_at: unknown;
  to_at: unknown;
  line: unknown;
  team_id: unknown;
}

/**
 * Every ticket's stays on a line and team (ticket_segments), held in memory beside the ticket facts for
 * the backlog: the ticket as its row in the facts copy, the stay's start and end (NaN while open), its
 * line and its team. A ticket's segments are always replaced whole (the projection rewrites them with
 * the ticket's facts row), so replacing drops the old ones and appends the new; the holes are squeezed
 * out once they outnumber the live segments.
 */
export class SegmentTable {
  /** the ticket's row in the facts copy, -1 for a dropped segment */
  ticket = new Int32Array(1024).fill(-1);
  readonly from = new NumberColumn(1024);
  readonly to = new NumberColumn(1024);
  readonly line = new IntColumn(1024);
  readonly team = new TextColumn(1024);
  /** segments in use, live or dropped */
  size = 0;
  private dropped = 0;
  /** per ticket row: its first segment and how many it has (they sit together) */
  private first = new Int32Array(1024);
  private count = new Int32Array(1024);

  /**
   * Segments [0, indexed) grouped by the quarter hour of their end, and those of them still open; the ones
   * appended since are scanned. Positions below `indexed` never change until a compaction (a replaced
   * segment is only marked dropped), so writes leave the index valid and only grow the scanned tail.
   */
  private readonly byEnd = new TimeIndex();
  private indexed = 0;
  private openIndexed = new Int32Array(0);

  /**
   * The segments, live or dropped (the caller skips ticket -1), that may be open at an instant of
   * [from, ∞): still open, ending at or after `from` (and some of the quarter hour before it), or appended
   * since the index was made. Segments that ended earlier are left out, so the cost follows the period,
   * not the history. Null means every segment, in order: when more than a quarter of them end from `from`
   * on, reading them all in memory order is faster than picking them out of it.
   */
  endingFrom(from: number): Int32Array | null {
    if (this.indexed === 0 || this.size - this.indexed > this.indexed >> 3) this.reindex();
    const values = this.to.values;
    const near = this.byEnd.bound(values, this.indexed, from, Number.POSITIVE_INFINITY);
    if (near * 4 > this.indexed) return null;
    const out = new Int32Array(near + this.openIndexed.length + (this.size - this.indexed));
    let n = 0;
    this.byEnd.units(values, this.indexed, from, Number.POSITIVE_INFINITY, (_a, _b, rows, lo, hi) => {
      out.set(rows.subarray(lo, hi), n);
      n += hi - lo;
    });
    out.set(this.openIndexed, n);
    n += this.openIndexed.length;
    for (let s = this.indexed; s < this.size; s++) out[n++] = s;
    return out.subarray(0, n);
  }

  private reindex(): void {
    this.indexed = this.size;
    this.byEnd.invalidate();
    const open: number[] = [];
    const to = this.to.values;
    for (let s = 0; s < this.size; s++) if (Number.isNaN(to[s]!)) open.push(s);
    this.openIndexed = Int32Array.from(open);
  }

  /** Makes room for `n` segments at least, so that a whole read of a known count allocates once. */
  reserve(n: number): void {
    if (n > this.ticket.length) this.grow(n);
  }

  /** Replaces the segments of the given ticket rows by `rows` (grouped by ticket, in their order). */
  replace(ticketRows: readonly number[], rows: readonly SegmentRow[], rowOf: (key: string) => number): void {
    for (const t of ticketRows) this.drop(t);
    for (const r of rows) {
      const t = rowOf(r.ticket_id);
      if (t >= this.count.length) this.growTickets(t + 1);
      if (this.count[t] === 0) {
        this.first[t] = this.size;
        this.count[t] = 0;
      } else if (this.first[t]! + this.count[t]! !== this.size) {
        // not contiguous (the rows were not grouped by ticket): keep the stays, move the ticket's block
        this.move(t);
      }
      this.append(t, r);
      this.count[t]!++;
    }
    if (this.dropped > 4096 && this.dropped * 2 > this.size) this.compact();
  }

  /** Live segments in use: the caller skips those whose ticket is -1. */
  get live(): number {
    return this.size - this.dropped;
  }

  private drop(t: number): void {
    if (t >= this.count.length) return;
    const n = this.count[t]!;
    for (let s = this.first[t]!; s < this.first[t]! + n; s++) this.ticket[s] = -1;
    this.dropped += n;
    this.count[t] = 0;
  }

  private append(t: number, r: SegmentRow): void {
    if (this.size >= this.ticket.length) this.grow(quarterMore(this.ticket.length));
    const s = this.size++;
    this.ticket[s] = t;
    this.from.set(s, r.from_at);
    this.to.set(s, r.to_at);
    this.line.set(s, r.line);
    this.team.set(s, r.team_id);
  }

  private move(t: number): void {
    const start = this.first[t]!;
    const n = this.count[t]!;
    if (this.size + n > this.ticket.length)
      this.grow(Math.max(quarterMore(this.ticket.length), this.size + n));
    for (let k = 0; k < n; k++) this.copy(start + k, this.size + k);
    for (let k = 0; k < n; k++) this.ticket[start + k] = -1;
    this.dropped += n;
    this.first[t] = this.size;
    this.size += n;
  }

  private copy(a: number, b: number): void {
    this.ticket[b] = this.ticket[a]!;
    this.from.values[b] = this.from.values[a]!;
    this.to.values[b] = this.to.values[a]!;
    this.line.values[b] = this.line.values[a]!;
    this.team.codes[b] = this.team.codes[a]!;
  }

  private compact(): void {
    let n = 0;
    for (let s = 0; s < this.size; s++) {
      const t = this.ticket[s]!;
      if (t < 0) continue;
      if (s === this.first[t]) this.first[t] = n;
      this.copy(s, n++);
    }
    this.ticket.fill(-1, n, this.size);
    this.size = n;
    this.dropped = 0;
    // positions moved: the end index is made again at its next use
    this.indexed = 0;
  }

  private growTickets(least: number): void {
    const size = Math.max(least, quarterMore(this.count.length));
    const first = new Int32Array(size);
    first.set(this.first);
    this.first = first;
    const count = new Int32Array(size);
    count.set(this.count);
    this.count = count;
  }

  private grow(capacity: number): void {
    const next = new Int32Array(capacity).fill(-1);
    next.set(this.ticket);
    this.ticket = next;
    this.from.grow(capacity);
    this.to.grow(capacity);
    this.line.grow(capacity);
    this.team.grow(capacity);
  }
}
