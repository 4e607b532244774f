// Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01).
// Kept free of Date and of any time zone so that local-date logic cannot leak the host zone.

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;
export const MINUTES_PER_DAY = 1440;

// The range of a JavaScript Date; beyond it the tz database cannot answer.
const MAX_INSTANT_MS = 8.64e15;

export function assertInstant(ms: number, name: string): void {
  if (!(Math.abs(ms) <= MAX_INSTANT_MS))
    throw new RangeError(`${name} must be a valid epoch-ms instant, got ${ms}`);
}

export interface CivilDate {
  readonly year: number;
  readonly month: number; // 1..12
  readonly day: number; // 1..31
}

// Howard Hinnant's days_from_civil: exact for any year, no loops.
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** ISO weekday index: 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekdayIndex(days: number): number {
  return (((days + 3) % 7) + 7) % 7;
}

/** ISO-8601 week-numbering year and week of a day number. */
export function isoWeekOf(days: number): { year: number; week: number } {
  // The ISO week belongs to the year of its Thursday.
  const thursday = days - isoWeekdayIndex(days) + 3;
  const year = civilFromDays(thursday).year;
  const week = Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1;
  return { year, week };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

export function formatCivilDate(d: CivilDate): string {
  return `${String(d.year).padStart(4, '0')}-${pad2(d.month)}-${pad2(d.day)}`;
}

export function formatYearMonth(d: CivilDate): string {
  return `${String(d.year).padStart(4, '0')}-${pad2(d.month)}`;
}

export function formatClock(hour: number, minute: number): string {
  return `${pad2(hour)}:${pad2(minute)}`;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a strict YYYY-MM-DD date into a day number; throws on malformed or impossible dates. */
export function parseDate(text: string): number {
  const m = DATE_RE.exec(text);
  if (!m) throw new Error(`invalid date '${text}': expected YYYY-MM-DD`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const days = daysFromCivil(year, month, day);
  const back = civilFromDays(days);
  // Round-tripping rejects 2026-02-30 and month 13 without a table of month lengths.
  if (back.year !== year || back.month !== month || back.day !== day) {
    throw new Error(`invalid date '${text}': no such calendar day`);
  }
  return days;
}

const CLOCK_RE = /^(\d{2}):(\d{2})$/;

/** Parses 'HH:MM' into minutes since local midnight; '24:00' only when allowed (interval ends). */
export function parseClock(text: string, allow24: boolean): number {
  const m = CLOCK_RE.exec(text);
  if (!m) throw new Error(`invalid clock time '${text}': expected HH:MM`);
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  if (hour === 24 && minute === 0 && allow24) return MINUTES_PER_DAY;
  if (hour > 23 || minute > 59) throw new Error(`invalid clock time '${text}'`);
  return hour * 60 + minute;
}
