import type { ColumnKind } from '../columns.js';
import { type Column, makeColumn, quarterMore } from './column.js';
import { KeyIndex } from './key-index.js';
import { TimeIndex, type UnitVisitor } from './time-index.js';

const QUARTER = 900_000;

/**
 * One facts table held column by column in memory: typed arrays (8 bytes an instant or duration, 4 an
 * integer or a dictionary-coded text), a key → row map for updates, and per reference column a time
 * index for range scans. Only the columns a query has asked for are held.
 */
export class FactTable {
  private readonly ids = new KeyIndex();
  readonly columns = new Map<string, Column>();
  private readonly indexes = new Map<string, TimeIndex>();
  private capacity = 0;
  /** writes so far: a state kept from the rows holds the count it was made at */
  private writes = 0;
  /** the last write of every row (a whole read) */
  private wholeAt = 0;
  /** per quarter hour, the last write of a row holding an instant in it, before or after the write */
  private readonly touched = new Map<number, number>();

  constructor(
    readonly kinds: Readonly<Record<string, ColumnKind>>,
    readonly key: string,
  ) {}

  get size(): number {
    return this.ids.size;
  }

  /** The key (ticket or contact id) of a row. */
  keyOf(row: number): string {
    return this.ids.keyOf(row);
  }

  has(column: string): boolean {
    return this.columns.has(column);
  }

  column(name: string): Column {
    const c = this.columns.get(name);
    if (!c) throw new Error(`fact cache: column ${name} is not loaded`);
    return c;
  }

  /** Adds empty columns (to be filled by `write`) for the names not held yet; returns those names. */
  addColumns(names: readonly string[]): string[] {
    const fresh = names.filter((n) => !this.columns.has(n));
    for (const n of fresh) {
      const kind = this.kinds[n];
      if (!kind) throw new Error(`fact cache: unknown column ${n}`);
      this.columns.set(n, makeColumn(kind, Math.max(this.capacity, 1024)));
    }
    return fresh;
  }

  /** The row of a key, appended when new. */
  rowFor(key: string): number {
    const row = this.ids.add(key);
    if (row >= this.capacity) this.grow(quarterMore(this.capacity));
    return row;
  }

  /** Makes room for `rows` rows at least, so that a whole read of a known count allocates each column once. */
  reserve(rows: number): void {
    if (rows > this.capacity) this.grow(Math.max(1024, rows));
  }

  /** Writes the given columns of rows read as objects (see writeRows). */
  write(rows: readonly Record<string, unknown>[], columns: readonly string[], whole = false): void {
    const layout = [this.key, ...columns];
    this.writeRows(
      rows.map((r) => layout.map((c) => r[c])),
      layout,
      whole,
    );
  }

  /**
   * Writes rows read as arrays laid out as `layout` (which holds the key; its other names that are held
   * columns are written), values as the database returns them; their indexes are rebuilt on next read. A
   * write of some rows (not `whole`) marks the quarter hours of every instant those rows held before and
   * after it, so that states kept per day know whether a row of their day changed.
   */
  writeRows(rows: readonly (readonly unknown[])[], layout: readonly string[], whole = false): void {
    if (rows.length === 0) return;
    const stamp = ++this.writes;
    if (whole) this.wholeAt = stamp;
    const keyAt = layout.indexOf(this.key);
    const at = layout.flatMap((name, i) => (i !== keyAt && this.columns.has(name) ? [i] : []));
    const held = at.map((i) => this.columns.get(layout[i]!)!);
    // the columns, not their arrays: a new row may grow (replace) the arrays between the two marks
    const instants = whole ? [] : [...this.columns.values()].filter((c) => c.kind === 'number');
    const mark = (row: number) => {
      for (const c of instants) {
        const v = c.values[row]!;
        if (!Number.isNaN(v)) this.touched.set(Math.floor(v / QUARTER), stamp);
      }
    };
    for (const r of rows) {
      const row = this.rowFor(String(r[keyAt]));
      mark(row);
      for (let i = 0; i < held.length; i++) held[i]!.set(row, r[at[i]!]);
      mark(row);
    }
    for (const i of at) this.indexes.get(layout[i]!)?.invalidate();
  }

  /** The count of writes so far (a state made now from the rows is current until a later write touches it). */
  get version(): number {
    return this.writes;
  }

  /** The last write that touched a row with an instant in [from, to) (every row, for a whole read). */
  lastChange(from: number, to: number): number {
    let last = this.wholeAt;
    const q0 = Math.floor(from / QUARTER);
    const q1 = Math.floor((to - 1) / QUARTER);
    // fewer marks than quarter hours in the range (none, after a whole read): go through the marks
    if (this.touched.size <= q1 - q0) {
      for (const [q, t] of this.touched) if (q >= q0 && q <= q1 && t > last) last = t;
      return last;
    }
    for (let q = q0; q <= q1; q++) {
      const t = this.touched.get(q);
      if (t !== undefined && t > last) last = t;
    }
    return last;
  }

  /** The sum of a numeric column (nulls left out) over the rows whose `at` lies in [from, to). */
  sumIn(column: string, at: string, from: number, to: number): number {
    const [index, atValues] = this.indexOf(at);
    const c = this.column(column);
    if (c.kind === 'text') throw new Error(`fact cache: ${column} is not numeric`);
    const get = (row: number) => c.get(row) ?? 0;
    let sum = 0;
    index.units(atValues, this.size, from, to, (start, end, rows, lo, hi) => {
      const inside = start >= from && end <= to;
      for (let k = lo; k < hi; k++) {
        const row = rows[k]!;
        const v = atValues[row]!;
        if (inside || (v >= from && v < to)) sum += get(row);
      }
    });
    return sum;
  }

  /** At least the count of rows whose value of `column` lies in [from, to). */
  bound(column: string, from: number, to: number): number {
    const [index, values] = this.indexOf(column);
    return index.bound(values, this.size, from, to);
  }

  /** Visits in time order the quarter hours (see TimeIndex) of `column`'s values overlapping [from, to). */
  units(column: string, from: number, to: number, visit: UnitVisitor): void {
    const [index, values] = this.indexOf(column);
    index.units(values, this.size, from, to, visit);
  }

  private indexOf(column: string): [TimeIndex, Float64Array] {
    let index = this.indexes.get(column);
    if (!index) {
      index = new TimeIndex();
      this.indexes.set(column, index);
    }
    const c = this.column(column);
    if (c.kind !== 'number') throw new Error(`fact cache: ${column} is not a number column`);
    return [index, c.values];
  }

  private grow(capacity: number): void {
    for (const c of this.columns.values()) c.grow(capacity);
    this.capacity = capacity;
  }
}
