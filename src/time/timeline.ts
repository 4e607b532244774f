/** Working intervals that start on one local day: flattened [start0, end0, start1, end1, …] UTC ms. */
export type DayIntervalsFn = (day: number) => readonly number[];

export interface DaySource {
  readonly intervalsOf: DayIntervalsFn;
  /** Local day number containing an instant. */
  readonly dayOf: (atMs: number) => number;
  /** First instant of a local day. */
  readonly dayStart: (day: number) => number;
}

// Slack materialised around the first request, so nearby tickets do not trigger a rebuild.
const MIN_PAD_DAYS = 64;
// About 270 years: far beyond any real ticket history, small enough to fail fast on garbage
// instants instead of materialising millions of days.
const MAX_WINDOW_DAYS = 100_000;

/**
 * Disjoint, sorted working intervals (UTC ms) for a window of local days, with prefix sums,
 * so a span's working time is two binary searches. The window grows on demand.
 */
export class Timeline {
  private loDay = 0;
  private hiDay = 0; // exclusive
  private starts = new Float64Array(0);
  private ends = new Float64Array(0);
  // cum[i] = working ms in intervals 0..i-1; one longer than starts.
  private cum = new Float64Array(1);
  // Instants inside which the merged list is exact; empty until first use.
  private validFrom = Number.POSITIVE_INFINITY;
  private validTo = Number.NEGATIVE_INFINITY;

  constructor(private readonly source: DaySource) {}

  /** End of the range made exact so far (exclusive). */
  get coveredTo(): number {
    return this.validTo;
  }

  /** Makes the merged list exact on [fromMs, toMs]. */
  ensure(fromMs: number, toMs: number): void {
    while (fromMs < this.validFrom || toMs > this.validTo) {
      const { dayOf } = this.source;
      let lo: number;
      let hi: number;
      if (this.hiDay <= this.loDay) {
        lo = dayOf(fromMs) - MIN_PAD_DAYS;
        hi = dayOf(toMs) + MIN_PAD_DAYS;
      } else {
        // Doubling the window keeps the number of rebuilds logarithmic in the span ever asked
        // about; every pass strictly widens it, so the loop ends.
        const pad = Math.max(MIN_PAD_DAYS, this.hiDay - this.loDay);
        // Overnight intervals run into the next day, hence the margin before `from`.
        lo = fromMs < this.validFrom ? Math.min(dayOf(fromMs) - 2, this.loDay - pad) : this.loDay;
        hi = toMs > this.validTo ? Math.max(dayOf(toMs) + 2, this.hiDay + pad) : this.hiDay;
      }
      // Written so that NaN (instants past the Date range) also fails instead of looping.
      if (!(hi - lo <= MAX_WINDOW_DAYS)) {
        throw new RangeError(
          `business time asked over more than ${MAX_WINDOW_DAYS} days; check the instants`,
        );
      }
      this.rebuild(lo, hi);
    }
  }

  private rebuild(loDay: number, hiDay: number): void {
    const raw: number[] = [];
    let sorted = true;
    for (let day = loDay; day < hiDay; day++) {
      const list = this.source.intervalsOf(day);
      for (let k = 0; k + 1 < list.length; k += 2) {
        const s = list[k]!;
        if (raw.length > 0 && s < raw[raw.length - 2]!) sorted = false;
        raw.push(s, list[k + 1]!);
      }
    }
    // Days come in order, so starts are normally sorted already; a spring-forward gap at
    // midnight can push a late-evening start past the next day's first one.
    const order = [...Array(raw.length / 2).keys()];
    if (!sorted) order.sort((x, y) => raw[2 * x]! - raw[2 * y]!);
    const starts: number[] = [];
    const ends: number[] = [];
    for (const i of order) {
      const s = raw[2 * i]!;
      const e = raw[2 * i + 1]!;
      const last = ends.length - 1;
      // Overlapping or touching intervals (also across days) merge so nothing counts twice.
      if (last >= 0 && s <= ends[last]!) {
        if (e > ends[last]!) ends[last] = e;
      } else {
        starts.push(s);
        ends.push(e);
      }
    }
    const cum = new Float64Array(starts.length + 1);
    for (let i = 0; i < starts.length; i++) cum[i + 1] = cum[i]! + (ends[i]! - starts[i]!);
    this.starts = Float64Array.from(starts);
    this.ends = Float64Array.from(ends);
    this.cum = cum;
    this.loDay = loDay;
    this.hiDay = hiDay;
    // Days before loDay can only reach one day past their own, so exactness starts a day later.
    this.validFrom = this.source.dayStart(loDay + 1);
    this.validTo = this.source.dayStart(hiDay);
  }

  /** Index of the last interval starting at or before `atMs`, or -1. */
  private indexAt(atMs: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid]! <= atMs) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  /** Working ms from the window start up to `atMs`; exact only inside the ensured range. */
  cumulativeAt(atMs: number): number {
    const i = this.indexAt(atMs);
    if (i < 0) return 0;
    const end = this.ends[i]!;
    return this.cum[i]! + (atMs < end ? atMs - this.starts[i]! : end - this.starts[i]!);
  }

  isInside(atMs: number): boolean {
    const i = this.indexAt(atMs);
    return i >= 0 && atMs < this.ends[i]!;
  }

  /** Earliest instant where the cumulative working ms reaches `target` (> 0), if inside the window. */
  instantAtCumulative(target: number): number | undefined {
    const cum = this.cum;
    // Smallest i with cum[i + 1] >= target.
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cum[mid + 1]! >= target) hi = mid;
      else lo = mid + 1;
    }
    if (lo >= this.starts.length) return undefined;
    return this.starts[lo]! + (target - cum[lo]!);
  }

  /** End of the last working interval that starts before `beforeMs`, or undefined. */
  lastWorkEndBefore(beforeMs: number): number | undefined {
    const i = this.indexAt(beforeMs - 1);
    return i >= 0 ? Math.min(this.ends[i]!, beforeMs) : undefined;
  }
}
