import { type BusinessCalendar, compileCalendar, type Weekday } from '../time/business-calendar.js';
import {
  civilFromDays,
  daysFromCivil,
  formatCivilDate,
  isoWeekdayIndex,
  MS_PER_DAY,
  MS_PER_HOUR,
  MS_PER_MINUTE,
} from '../time/civil.js';
import { getTimeZone, localDayOf, localToUtc, toLocalMs } from '../time/zone.js';

export const ORG_TIME_ZONE = 'Europe/Moscow';
export const MINUTE = MS_PER_MINUTE;
export const HOUR = MS_PER_HOUR;
export const DAY = MS_PER_DAY;

const tz = getTimeZone(ORG_TIME_ZONE);

/** Local (Moscow) day number: days since 1970-01-01 on the wall calendar. */
export const localDay = (ms: number): number => localDayOf(ms, tz);

/** Local hour of day, 0..23. */
export const localHour = (ms: number): number => {
  const local = toLocalMs(ms, tz);
  return Math.floor((local - Math.floor(local / DAY) * DAY) / HOUR);
};

/** The instant a local day's wall clock shows `minutes` past midnight (may pass 1440: the next day). */
export const atLocal = (day: number, minutes: number): number => localToUtc(day * DAY + minutes * MINUTE, tz);

/** 0 = Monday … 6 = Sunday. */
export const weekdayOf = (day: number): number => isoWeekdayIndex(day);

export const formatDay = (day: number): string => formatCivilDate(civilFromDays(day));

// Non-working public holidays of the Russian Federation (Labour Code art. 112); New Year week plus
// 31 December, which recent government decrees have made a day off.
const FIXED_HOLIDAYS: readonly (readonly [number, number])[] = [
  [1, 1],
  [1, 2],
  [1, 3],
  [1, 4],
  [1, 5],
  [1, 6],
  [1, 7],
  [1, 8],
  [2, 23],
  [3, 8],
  [5, 1],
  [5, 9],
  [6, 12],
  [11, 4],
  [12, 31],
];

const holidayCache = new Map<number, Set<number>>();

function holidaysOfYear(year: number): Set<number> {
  let set = holidayCache.get(year);
  if (!set) {
    set = new Set(FIXED_HOLIDAYS.map(([m, d]) => daysFromCivil(year, m, d)));
    holidayCache.set(year, set);
  }
  return set;
}

export const isHoliday = (day: number): boolean => holidaysOfYear(civilFromDays(day).year).has(day);
export const isBusinessDay = (day: number): boolean => weekdayOf(day) < 5 && !isHoliday(day);
/** Days the public keeps at home: weekends and holidays (lower volume, weekend staffing). */
export const isRestDay = (day: number): boolean => weekdayOf(day) >= 5 || isHoliday(day);

/** Holiday dates between two local days (inclusive), as calendar exceptions. */
export function holidayExceptions(fromDay: number, toDay: number): { date: string; intervals: [] }[] {
  const out: { date: string; intervals: [] }[] = [];
  for (let d = fromDay; d <= toDay; d++) if (isHoliday(d)) out.push({ date: formatDay(d), intervals: [] });
  return out;
}

const OFFICE: [string, string][] = [['09:00', '18:00']];
const ALL_DAY: [string, string][] = [['00:00', '24:00']];

type Interval = [string, string];

/** A calendar as the calendar.defined event carries it. */
export interface DemoCalendar {
  calendar_id: string;
  time_zone: string;
  week: Record<Weekday, Interval[]>;
  exceptions: { date: string; intervals: Interval[] }[];
}

/** 'default': round the clock (the first line works shifts); 'business': Mon–Fri 09–18 without holidays. */
export function calendarSpecs(fromDay: number, toDay: number): DemoCalendar[] {
  const week = (hours: Interval[], weekend: Interval[]) => ({
    mon: hours,
    tue: hours,
    wed: hours,
    thu: hours,
    fri: hours,
    sat: weekend,
    sun: weekend,
  });
  return [
    { calendar_id: 'default', time_zone: ORG_TIME_ZONE, week: week(ALL_DAY, ALL_DAY), exceptions: [] },
    {
      calendar_id: 'business',
      time_zone: ORG_TIME_ZONE,
      week: week(OFFICE, []),
      exceptions: holidayExceptions(fromDay, toDay),
    },
  ];
}

export function businessCalendar(fromDay: number, toDay: number): BusinessCalendar {
  return compileCalendar(calendarSpecs(fromDay, toDay)[1]!);
}
