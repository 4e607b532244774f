const DAY = 86_400_000;

/**
 * Rows grouped by the UTC day of one column's value (a counting sort: linear, no comparisons), so a
 * period's rows are found by reading its days and checking the two edge days. Rebuilt lazily after writes.
 */
export class DayIndex {
  private firstDay = 0;
  /** offsets[d] .. offsets[d + 1] are the rows of day firstDay + d, in `rows` */
  private offsets = new Int32Array(1);
  private rows = new Int32Array(0);
  private valid = false;

  invalidate(): void {
    this.valid = false;
  }

  range(values: Float64Array, size: number, from: number, to: number): Int32Array {
    if (!this.valid) this.build(values, size);
    const days = this.offsets.length - 1;
    const d0 = Math.max(0, Math.floor(from / DAY) - this.firstDay);
    const d1 = Math.min(days - 1, Math.floor((to - 1) / DAY) - this.firstDay);
    if (d1 < d0) return new Int32Array(0);
    const start = this.offsets[d0]!;
    const end = this.offsets[d1 + 1]!;
    const out = new Int32Array(end - start);
    let n = 0;
    for (let i = start; i < end; i++) {
      const row = this.rows[i]!;
      const v = values[row]!;
      if (v >= from && v < to) out[n++] = row;
    }
    return n === out.length ? out : out.subarray(0, n);
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
    this.firstDay = Math.floor(min / DAY);
    const days = Math.floor(max / DAY) - this.firstDay + 1;
    const offsets = new Int32Array(days + 1);
    for (let r = 0; r < size; r++) {
      const v = values[r]!;
      if (!Number.isNaN(v)) offsets[Math.floor(v / DAY) - this.firstDay + 1]!++;
    }
    for (let d = 0; d < days; d++) offsets[d + 1]! += offsets[d]!;
    const fill = offsets.slice(0, days);
    const rows = new Int32Array(offsets[days]!);
    for (let r = 0; r < size; r++) {
      const v = values[r]!;
      if (!Number.isNaN(v)) rows[fill[Math.floor(v / DAY) - this.firstDay]!++] = r;
    }
    this.offsets = offsets;
    this.rows = rows;
    this.valid = true;
  }
}
