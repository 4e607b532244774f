import { IANAZone } from 'luxon';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from './civil.js';

// Wall-clock <-> instant conversion for one IANA zone. Luxon supplies the tz database lookup
// (IANAZone.offset); the wall-to-instant step is our own because luxon's DateTime resolves an
// ambiguous (fall-back) wall time with a guess seeded from the clock of its first call, which
// would make business durations depend on the season the server was started in.

export interface TimeZone {
  readonly name: string;
  /** UTC offset in minutes in effect at the instant. */
  offsetMinutes(atMs: number): number;
}

const cache = new Map<string, TimeZone>();

// Bound on remembered hours per zone (~11 years); past it the memo simply starts over.
const MAX_MEMO_HOURS = 100_000;

/**
 * Offsets via Intl cost microseconds, and reports ask for the same hours over and over, so
 * remember the offset of every UTC hour that has one offset throughout (tz offsets never change
 * twice within an hour). Hours containing a change are marked NaN and always asked afresh.
 */
function memoisedOffsets(zone: IANAZone): (atMs: number) => number {
  const byHour = new Map<number, number>();
  return (atMs) => {
    const hour = Math.floor(atMs / MS_PER_HOUR);
    const hit = byHour.get(hour);
    if (hit !== undefined && !Number.isNaN(hit)) return hit;
    if (hit === undefined) {
      const start = hour * MS_PER_HOUR;
      const offset = zone.offset(start);
      const steady = offset === zone.offset(start + MS_PER_HOUR - 1);
      if (byHour.size >= MAX_MEMO_HOURS) byHour.clear();
      byHour.set(hour, steady ? offset : Number.NaN);
      if (steady) return offset;
    }
    return zone.offset(atMs);
  };
}

function makeUtc(name: string): TimeZone {
  // The organisation default is UTC; no lookup needed at all.
  return { name, offsetMinutes: () => 0 };
}

/** Resolves an IANA zone name once; throws on names the tz database does not know. */
export function getTimeZone(name: string): TimeZone {
  const hit = cache.get(name);
  if (hit) return hit;
  let tz: TimeZone;
  if (name === 'UTC' || name === 'Etc/UTC') {
    tz = makeUtc(name);
  } else {
    if (!IANAZone.isValidZone(name)) throw new Error(`unknown IANA time zone '${name}'`);
    const zone = IANAZone.create(name);
    tz = { name, offsetMinutes: memoisedOffsets(zone) };
  }
  cache.set(name, tz);
  return tz;
}

/** Wall-clock milliseconds (local date-time read as if it were UTC) at the instant. */
export function toLocalMs(atMs: number, tz: TimeZone): number {
  return atMs + tz.offsetMinutes(atMs) * MS_PER_MINUTE;
}

/** Local day number (days since 1970-01-01 in the zone) containing the instant. */
export function localDayOf(atMs: number, tz: TimeZone): number {
  return Math.floor(toLocalMs(atMs, tz) / MS_PER_DAY);
}

/**
 * Instant at which the zone's clocks show the wall time `localMs`.
 * Ambiguous wall times (fall back) resolve to the earlier occurrence; wall times inside a
 * spring-forward gap move forward by the gap's length, as luxon does (02:30 -> 03:30).
 */
export function localToUtc(localMs: number, tz: TimeZone): number {
  // The true offset is one of those in force a day either side, as long as the zone changes
  // offset at most once within those two days, as every tz database zone does in practice.
  const a = tz.offsetMinutes(localMs - MS_PER_DAY);
  const b = tz.offsetMinutes(localMs + MS_PER_DAY);
  const high = Math.max(a, b);
  const low = Math.min(a, b);
  const early = localMs - high * MS_PER_MINUTE;
  if (tz.offsetMinutes(early) === high) return early;
  // Gap or not, the low offset gives the right answer: in a gap it shifts forward.
  return localMs - low * MS_PER_MINUTE;
}

/** True when the wall time occurs twice (inside a fall-back overlap), so its label needs an offset. */
export function isAmbiguousWall(localMs: number, tz: TimeZone): boolean {
  const a = tz.offsetMinutes(localMs - MS_PER_DAY);
  const b = tz.offsetMinutes(localMs + MS_PER_DAY);
  if (a === b) return false;
  return (
    tz.offsetMinutes(localMs - a * MS_PER_MINUTE) === a && tz.offsetMinutes(localMs - b * MS_PER_MINUTE) === b
  );
}

/**
 * Smallest instant in (lowMs, highMs] that already has the offset in force at highMs, given that
 * the offset at lowMs differs; the zone must change offset once in between.
 */
export function offsetChangeIn(lowMs: number, highMs: number, tz: TimeZone): number {
  const target = tz.offsetMinutes(highMs);
  let lo = Math.floor(lowMs);
  let hi = Math.ceil(highMs);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (tz.offsetMinutes(mid) === target) hi = mid;
    else lo = mid;
  }
  return hi;
}

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
