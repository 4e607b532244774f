import { bucketRanges, bucketStart, nextBucketStart } from '../time/buckets.js';
import { MS_PER_DAY } from '../time/civil.js';
import { findRange, previousPeriod } from './aggregate.js';
import type { KpiQuery } from './types.js';

/** A whole local day of a cut: inside one period (current or previous) and, for the current, one bucket. */
export interface WholeDay {
  start: number;
  end: number;
  current: boolean;
  bucket: number;
}

export interface CutDays {
  whole: WholeDay[];
  /** the whole day holding an instant (its index in `whole`), or -1 where the instant's day is cut short */
  dayOf(at: number): number;
}

/**
 * The local days of a cut that lie whole inside the period or the previous one (and inside one bucket), so
 * that a state reduced over one such day can stand for its items in any cut that holds the same day.
 */
export function cutDays(q: KpiQuery): CutDays {
  let days = memo.get(q);
  if (!days) {
    days = computeDays(q);
    memo.set(q, days);
  }
  return days;
}

/** One per query object: every frame of a report shares its days. */
const memo = new WeakMap<KpiQuery, CutDays>();

function computeDays(q: KpiQuery): CutDays {
  const prev = previousPeriod(q);
  const buckets = q.bucket ? bucketRanges(q.from, q.to, q.bucket, q.timeZone) : [];
  const starts: number[] = [];
  const index: number[] = [];
  const whole: WholeDay[] = [];
  let start = bucketStart(prev.from, 'day', q.timeZone);
  let last = start;
  while (start < q.to) {
    const end = nextBucketStart(start, 'day', q.timeZone);
    starts.push(start);
    const inside = start >= prev.from && end <= q.to && (end <= q.from || start >= q.from);
    const current = start >= q.from;
    const bucket = current && buckets.length ? findRange(buckets, start) : 0;
    const oneBucket = !current || !buckets.length || findRange(buckets, end - 1) === bucket;
    if (inside && oneBucket) {
      index.push(whole.length);
      whole.push({ start, end, current, bucket });
    } else index.push(-1);
    last = end;
    start = end;
  }
  const first = starts[0] ?? 0;
  return {
    whole,
    dayOf(at) {
      if (at < first || at >= last) return -1;
      // days are 23 to 25 hours long: a guess by 24 hours is off by at most a day or two
      let d = Math.min(starts.length - 1, Math.floor((at - first) / MS_PER_DAY));
      while (starts[d]! > at) d--;
      while (d + 1 < starts.length && starts[d + 1]! <= at) d++;
      return index[d]!;
    },
  };
}
