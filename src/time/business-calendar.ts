import {
  assertInstant,
  isoWeekdayIndex,
  MINUTES_PER_DAY,
  MS_PER_DAY,
  MS_PER_MINUTE,
  parseClock,
  parseDate,
} from './civil.js';
import { Timeline } from './timeline.js';
import { getTimeZone, localDayOf, localToUtc, type TimeZone } from './zone.js';

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
/** ['09:00','18:00']; '24:00' allowed as end; end <= start is an overnight shift ending next day. */
export type ClockInterval = readonly [string, string];

export interface CalendarSpec {
  calendar_id: string;
  /** IANA zone, e.g. 'Europe/Moscow'. */
  time_zone: string;
  week: Record<Weekday, readonly ClockInterval[]>;
  /** Per local date: [] = holiday; intervals replace the weekday's hours (extra or short day). */
  exceptions: readonly { date: string; intervals: readonly ClockInterval[] }[];
}

export interface BusinessCalendar {
  readonly id: string;
  readonly timeZone: string;
  /** Compiled working-time index, null when open around the clock. Build with compileCalendar. */
  readonly timeline: Timeline | null;
}

export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

const MAX_IDLE_MS = 366 * MS_PER_DAY;

/** Organisation default: open 24/7 in UTC. */
export const ALWAYS_OPEN: BusinessCalendar = Object.freeze({
  id: 'default',
  timeZone: 'UTC',
  timeline: null,
});

/**
 * Sorted [start, end) minute ranges from local midnight, flattened; end may pass 1440.
 * Not merged here: a start inside a spring-forward gap moves forward, so two ranges that
 * overlap on the wall clock may overlap differently in real time. They merge after conversion.
 */
function compileIntervals(intervals: readonly ClockInterval[], where: string): number[] {
  if (!Array.isArray(intervals)) throw new Error(`${where}: expected a list of [start, end] intervals`);
  const ranges = intervals.map((iv, i): [number, number] => {
    try {
      const start = parseClock(iv[0], false);
      const end = parseClock(iv[1], true);
      return [start, end <= start ? end + MINUTES_PER_DAY : end];
    } catch (err) {
      throw new Error(`${where}[${i}]: ${(err as Error).message}`);
    }
  });
  return ranges.sort((a, b) => a[0] - b[0]).flat();
}

/** True when the sorted ranges leave no gap between local midnight and the next midnight. */
function coversWholeDay(minutes: readonly number[]): boolean {
  let reach = 0;
  for (let k = 0; k + 1 < minutes.length && minutes[k]! <= reach; k += 2)
    reach = Math.max(reach, minutes[k + 1]!);
  return reach >= MINUTES_PER_DAY;
}

/** UTC intervals of one local day's minute ranges, sorted by start; gap times move forward. */
function toUtcIntervals(day: number, minutes: readonly number[], tz: TimeZone): number[] {
  const base = day * MS_PER_DAY;
  const pairs: [number, number][] = [];
  for (let k = 0; k + 1 < minutes.length; k += 2) {
    const s = localToUtc(base + minutes[k]! * MS_PER_MINUTE, tz);
    const e = localToUtc(base + minutes[k + 1]! * MS_PER_MINUTE, tz);
    // An interval lying wholly inside a spring-forward gap has no real time.
    if (e > s) pairs.push([s, e]);
  }
  // Only a gap can reorder starts; skip the sort in the common case.
  for (let i = 1; i < pairs.length; i++) {
    if (pairs[i]![0] < pairs[i - 1]![0]) {
      pairs.sort((a, b) => a[0] - b[0]);
      break;
    }
  }
  return pairs.flat();
}

/** Validates a spec and builds the lazily filled working-time index for it. */
export function compileCalendar(spec: CalendarSpec): BusinessCalendar {
  const id = spec.calendar_id;
  const tz = getTimeZone(spec.time_zone);
  const week = WEEKDAYS.map((d) => compileIntervals(spec.week[d], `calendar '${id}': week.${d}`));
  const exceptions = new Map<number, number[]>();
  for (const [i, ex] of spec.exceptions.entries()) {
    const where = `calendar '${id}': exceptions[${i}]`;
    let day: number;
    try {
      day = parseDate(ex.date);
    } catch (err) {
      throw new Error(`${where}: ${(err as Error).message}`);
    }
    if (exceptions.has(day)) throw new Error(`${where}: date ${ex.date} is listed twice`);
    exceptions.set(day, compileIntervals(ex.intervals, where));
  }
  // Midnight-to-midnight every day stays contiguous in any zone, DST included.
  const allDay = week.every(coversWholeDay);
  if (allDay && exceptions.size === 0) return Object.freeze({ id, timeZone: tz.name, timeline: null });

  const timeline = new Timeline({
    intervalsOf: (day) => toUtcIntervals(day, exceptions.get(day) ?? week[isoWeekdayIndex(day)]!, tz),
    dayOf: (ms) => localDayOf(ms, tz),
    dayStart: (day) => localToUtc(day * MS_PER_DAY, tz),
  });
  return Object.freeze({ id, timeZone: tz.name, timeline });
}

/** Seconds of working time in [fromMs, toMs); 0 when toMs <= fromMs. */
export function businessSeconds(fromMs: number, toMs: number, cal: BusinessCalendar): number {
  assertInstant(fromMs, 'fromMs');
  assertInstant(toMs, 'toMs');
  if (toMs <= fromMs) return 0;
  const tl = cal.timeline;
  if (tl === null) return (toMs - fromMs) / 1000;
  tl.ensure(fromMs, toMs);
  return (tl.cumulativeAt(toMs) - tl.cumulativeAt(fromMs)) / 1000;
}

export function isWorkingAt(atMs: number, cal: BusinessCalendar): boolean {
  assertInstant(atMs, 'atMs');
  const tl = cal.timeline;
  if (tl === null) return true;
  // The upper end must pass `at` so that intervals starting exactly at `at` are present.
  tl.ensure(atMs, atMs + 1);
  return tl.isInside(atMs);
}

/**
 * Instant at which `seconds` of working time have elapsed since fromMs (SLA deadlines).
 * A deadline that falls exactly at the end of a working interval is that end, not the next start.
 */
export function addBusinessSeconds(fromMs: number, seconds: number, cal: BusinessCalendar): number {
  assertInstant(fromMs, 'fromMs');
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new RangeError(`seconds must be a finite non-negative number, got ${seconds}`);
  }
  if (seconds === 0) return fromMs;
  const need = seconds * 1000;
  const tl = cal.timeline;
  if (tl === null) return fromMs + need;
  // Working time never outruns the wall clock, so the answer is at least from + need.
  tl.ensure(fromMs, fromMs + need);
  for (;;) {
    // Recomputed each pass: a rebuild moves the origin of the cumulative sums.
    const at = tl.instantAtCumulative(tl.cumulativeAt(fromMs) + need);
    if (at !== undefined && at <= tl.coveredTo) return at;
    const idleSince = Math.max(fromMs, tl.lastWorkEndBefore(tl.coveredTo) ?? fromMs);
    if (tl.coveredTo - idleSince > MAX_IDLE_MS) {
      throw new Error(
        `calendar '${cal.id}' has no working time within 366 days after ${new Date(idleSince).toISOString()}`,
      );
    }
    tl.ensure(fromMs, tl.coveredTo + 1);
  }
}
