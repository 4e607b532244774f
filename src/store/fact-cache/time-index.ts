const QUARTER = 900_000;
const DAY = 86_400_000;
/** Beyond this many quarter hours between the first and last value (57 years), rows are grouped by day. */
const MAX_QUARTERS = 2_000_000;

/**
 * Visits one unit of an index: rows[lo .. hi) hold values in [start, end). A unit is a quarter hour, so
 * the local days and buckets of every time zone in use begin on a unit's edge and a unit never straddles
 * them; callers still check, since the unit may be a day (very long spans) or a zone may be odd.
 */
export type UnitVisitor = (start: number, end: number, rows: Int32Array, lo: number, hi: number) => void;

/**
 * Rows grouped by the quarter hour of one column's value (a counting sort: linear, no comparisons), so a
 * period's rows are found by reading its quarter hours and checking the two edge ones. Rebuilt lazily
 * after writes.
 */
export class TimeIndex {
  private unit = QUARTER;
  private firstUnit = 0;
  /** offsets[u] .. offsets[u + 1] are the rows of unit firstUnit + u, in `rows` */
  private offsets = new Int32Array(1);
  private rows = new Int32Array(0);
  private valid = false;

  invalidate(): void {
    this.valid = false;
  }

  /** At least the count of rows whose value lies in [from, to) (the rows of the units overlapping it). */
  bound(values: Float64Array, size: number, from: number, to: number): number {
    const [u0, u1] = this.span(values, size, from, to);
    return u1 < u0 ? 0 : this.offsets[u1 + 1]! - this.offsets[u0]!;
  }

  /** Visits, in time order, each non-empty unit overlapping [from, to). */
  units(values: Float64Array, size: number, from: number, to: number, visit: UnitVisitor): void {
    const [u0, u1] = this.span(values, size, from, to);
    const { offsets, rows, unit } = this;
    for (let u = u0; u <= u1; u++) {
      const lo = offsets[u]!;
      const hi = offsets[u + 1]!;
      if (hi > lo) {
        const start = (this.firstUnit + u) * unit;
        visit(start, start + unit, rows, lo, hi);
      }
    }
  }

  private span(values: Float64Array, size: number, from: number, to: number): [number, number] {
    if (!this.valid) this.build(values, size);
    const units = this.offsets.length - 1;
    const u0 = Math.max(0, Math.floor(from / this.unit) - this.firstUnit);
    const u1 = Math.min(units - 1, Math.floor((to - 1) / this.unit) - this.firstUnit);
    return [u0, u1];
  }

  private build(values: Float64Array, size: number): void {
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let r = 0; r < size; r++) {
      const v = values[r]!;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    if (min > max) {
      this.offsets = new Int32Array(1);
      this.rows = new Int32Array(0);
      this.valid = true;
      return;
    }
    const unit = (max - min) / QUARTER > MAX_QUARTERS ? DAY : QUARTER;
    const first = Math.floor(min / unit);
    const units = Math.floor(max / unit) - first + 1;
    const offsets = new Int32Array(units + 1);
    for (let r = 0; r < size; r++) {
      const v = values[r]!;
      if (!Number.isNaN(v)) offsets[Math.floor(v / unit) - first + 1]!++;
    }
    for (let u = 0; u < units; u++) offsets[u + 1]! += offsets[u]!;
    const fill = offsets.slice(0, units);
    const rows = new Int32Array(offsets[units]!);
    for (let r = 0; r < size; r++) {
      const v = values[r]!;
      if (!Number.isNaN(v)) rows[fill[Math.floor(v / unit) - first]!++] = r;
    }
    this.unit = unit;
    this.firstUnit = first;
    this.offsets = offsets;
    this.rows = rows;
    this.valid = true;
  }
}
