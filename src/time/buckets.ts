import {
  assertInstant,
  civilFromDays,
  daysFromCivil,
  formatCivilDate,
  formatClock,
  formatYearMonth,
  isoWeekdayIndex,
  isoWeekOf,
  MS_PER_DAY,
  MS_PER_HOUR,
  MS_PER_MINUTE,
} from './civil.js';
import {
  formatOffset,
  getTimeZone,
  isAmbiguousWall,
  localDayOf,
  localToUtc,
  offsetChangeIn,
  type TimeZone,
  toLocalMs,
} from './zone.js';

// Reporting buckets in the organisation's zone. Day, week and month buckets start at local
// midnight (so they last 23 or 25 h across DST); hour buckets start at each local hour and at
// each offset change, so a repeated fall-back hour yields two distinct one-hour buckets.

export type BucketUnit = 'hour' | 'day' | 'week' | 'month';

export const BUCKET_UNITS: readonly BucketUnit[] = ['hour', 'day', 'week', 'month'];

/** First local day of the day/week/month bucket containing local day `day`. */
function firstDayOf(day: number, unit: Exclude<BucketUnit, 'hour'>): number {
  if (unit === 'day') return day;
  if (unit === 'week') return day - isoWeekdayIndex(day);
  const { year, month } = civilFromDays(day);
  return daysFromCivil(year, month, 1);
}

function firstDayOfNext(day: number, unit: Exclude<BucketUnit, 'hour'>): number {
  if (unit === 'day') return day + 1;
  if (unit === 'week') return day - isoWeekdayIndex(day) + 7;
  const { year, month } = civilFromDays(day);
  return month === 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, month + 1, 1);
}

function hourStart(atMs: number, tz: TimeZone): number {
  const offset = tz.offsetMinutes(atMs);
  const local = atMs + offset * MS_PER_MINUTE;
  const candidate = local - mod(local, MS_PER_HOUR) - offset * MS_PER_MINUTE;
  if (tz.offsetMinutes(candidate) === offset) return candidate;
  // The offset changed since the top of this local hour: the bucket begins at the change.
  return offsetChangeIn(candidate, atMs, tz);
}

function nextHourStart(startMs: number, tz: TimeZone): number {
  const offset = tz.offsetMinutes(startMs);
  const local = startMs + offset * MS_PER_MINUTE;
  const candidate = local - mod(local, MS_PER_HOUR) + MS_PER_HOUR - offset * MS_PER_MINUTE;
  if (tz.offsetMinutes(candidate - 1) === offset) return candidate;
  return offsetChangeIn(startMs, candidate - 1, tz);
}

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}

/** Start of the local hour / day / ISO week (Monday) / month containing atMs. */
export function bucketStart(atMs: number, unit: BucketUnit, timeZone: string): number {
  assertInstant(atMs, 'atMs');
  const tz = getTimeZone(timeZone);
  if (unit === 'hour') return hourStart(atMs, tz);
  return localToUtc(firstDayOf(localDayOf(atMs, tz), unit) * MS_PER_DAY, tz);
}

/** Start of the bucket after the one starting at startMs. */
export function nextBucketStart(startMs: number, unit: BucketUnit, timeZone: string): number {
  assertInstant(startMs, 'startMs');
  const tz = getTimeZone(timeZone);
  if (unit === 'hour') return nextHourStart(startMs, tz);
  return localToUtc(firstDayOfNext(localDayOf(startMs, tz), unit) * MS_PER_DAY, tz);
}

/** Consecutive [start, end) buckets covering [fromMs, toMs); the first and last are clipped. */
export function bucketRanges(
  fromMs: number,
  toMs: number,
  unit: BucketUnit,
  timeZone: string,
): { start: number; end: number }[] {
  assertInstant(fromMs, 'fromMs');
  assertInstant(toMs, 'toMs');
  const out: { start: number; end: number }[] = [];
  if (toMs <= fromMs) return out;
  let start = bucketStart(fromMs, unit, timeZone);
  while (start < toMs) {
    const next = nextBucketStart(start, unit, timeZone);
    // Guards an endless loop should a zone ever defeat the arithmetic above.
    if (!(next > start)) throw new Error(`bucket after ${start} in ${timeZone} does not advance`);
    out.push({ start: Math.max(start, fromMs), end: Math.min(next, toMs) });
    start = next;
  }
  return out;
}

/**
 * Local label of a bucket: '2026-03-29T02:00', '2026-03-29', '2026-W13', '2026-03'.
 * An hour that repeats at fall back carries its offset ('2026-10-25T02:00+01:00') so the two
 * buckets keep distinct labels.
 */
export function formatBucketLabel(startMs: number, unit: BucketUnit, timeZone: string): string {
  assertInstant(startMs, 'startMs');
  const tz = getTimeZone(timeZone);
  const local = toLocalMs(startMs, tz);
  const day = Math.floor(local / MS_PER_DAY);
  if (unit === 'week') {
    const { year, week } = isoWeekOf(day);
    return `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
  }
  const date = civilFromDays(day);
  if (unit === 'month') return formatYearMonth(date);
  if (unit === 'day') return formatCivilDate(date);
  const minuteOfDay = Math.floor(mod(local, MS_PER_DAY) / MS_PER_MINUTE);
  const label = `${formatCivilDate(date)}T${formatClock(Math.floor(minuteOfDay / 60), minuteOfDay % 60)}`;
  return isAmbiguousWall(local, tz) ? `${label}${formatOffset(tz.offsetMinutes(startMs))}` : label;
}
