import type { CalendarSpec, ClockInterval, Weekday } from './business-calendar.js';

// Shared fixtures for the time tests: readable instants and terse calendar specs.

export const H = 3600;

/** Epoch ms of an ISO string that must carry its offset, e.g. '2026-03-13T17:00+03:00'. */
export const at = (iso: string): number => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad test instant ${iso}`);
  return ms;
};

const NONE: readonly ClockInterval[] = [];

export function spec(
  timeZone: string,
  days: Partial<Record<Weekday, readonly ClockInterval[]>>,
  exceptions: CalendarSpec['exceptions'] = [],
): CalendarSpec {
  const week: Record<Weekday, readonly ClockInterval[]> = {
    mon: NONE,
    tue: NONE,
    wed: NONE,
    thu: NONE,
    fri: NONE,
    sat: NONE,
    sun: NONE,
    ...days,
  };
  return { calendar_id: 'test', time_zone: timeZone, week, exceptions };
}

export const weekdays = (intervals: readonly ClockInterval[]) => ({
  mon: intervals,
  tue: intervals,
  wed: intervals,
  thu: intervals,
  fri: intervals,
});

export const everyDay = (intervals: readonly ClockInterval[]) => ({
  ...weekdays(intervals),
  sat: intervals,
  sun: intervals,
});

// Zones chosen for their quirks: none, plain DST, half-hour offsets, half-hour DST (Lord Howe),
// DST at midnight (Santiago, Havana), 45-minute offsets (Chatham).
export const ZONES = [
  'UTC',
  'Europe/Moscow',
  'Europe/Berlin',
  'America/New_York',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'America/Santiago',
  'America/Havana',
  'Pacific/Chatham',
];
