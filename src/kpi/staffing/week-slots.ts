import { bucketRanges } from '../../time/buckets.js';
import { isoWeekdayIndex, MS_PER_DAY, MS_PER_HOUR } from '../../time/civil.js';
import { getTimeZone, toLocalMs } from '../../time/zone.js';

/** A typical week as 168 slots: weekday (0 = Monday) × local hour, in the organisation's time zone. */
export const SLOTS = 7 * 24;

export const slotOf = (weekday: number, hour: number): number => weekday * 24 + hour;
export const weekdayOf = (slot: number): number => Math.floor(slot / 24);
export const hourOf = (slot: number): number => slot % 24;

/** The slot an instant falls in (local wall clock: a repeated fall-back hour falls in the same slot twice). */
export function slotAt(atMs: number, timeZone: string): number {
  const local = toLocalMs(atMs, getTimeZone(timeZone));
  const day = Math.floor(local / MS_PER_DAY);
  return slotOf(isoWeekdayIndex(day), Math.floor((local - day * MS_PER_DAY) / MS_PER_HOUR));
}

/** How many local hours of each slot the period [from, to) holds: the divisor that turns totals into averages. */
export function slotHours(from: number, to: number, timeZone: string): Float64Array {
  const out = new Float64Array(SLOTS);
  for (const b of bucketRanges(from, to, 'hour', timeZone))
    out[slotAt(b.start, timeZone)]! += (b.end - b.start) / MS_PER_HOUR;
  return out;
}

/** Adds the hours of [start, end) to the slots they cover (agent-hours at work, per slot). */
export function spreadHours(into: Float64Array, start: number, end: number, timeZone: string): void {
  if (!(end > start)) return;
  for (const b of bucketRanges(start, end, 'hour', timeZone))
    into[slotAt(b.start, timeZone)]! += (b.end - b.start) / MS_PER_HOUR;
}

/** Totals per slot divided by the slot's hours in the period (0 where the period holds none). */
export function perSlotHour(totals: Float64Array, hours: Float64Array): Float64Array {
  return totals.map((t, i) => (hours[i]! > 0 ? t / hours[i]! : 0));
}
