import { type Lang, localeOf } from '../format/format.js';

/** ISO weekday 1 = Monday … 7 = Sunday as a short local name ("Mon" / "пн"); 2024-01-01 was a Monday. */
export function weekdayName(weekday: number, lang: Lang, style: 'short' | 'long' = 'short'): string {
  return new Intl.DateTimeFormat(localeOf(lang), { weekday: style, timeZone: 'UTC' }).format(
    Date.UTC(2024, 0, weekday),
  );
}

/** A local hour as "09:00". */
export const hourLabel = (hour: number): string => `${String(hour).padStart(2, '0')}:00`;
