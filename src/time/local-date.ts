import { MS_PER_DAY, parseDate } from './civil.js';
import { getTimeZone, localToUtc } from './zone.js';

/** The instant a local calendar day (YYYY-MM-DD) begins in a zone; throws on a malformed or impossible date. */
export function startOfLocalDate(date: string, timeZone: string): number {
  return localToUtc(parseDate(date) * MS_PER_DAY, getTimeZone(timeZone));
}
