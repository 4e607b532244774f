import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALWAYS_OPEN,
  addBusinessSeconds,
  businessSeconds,
  type CalendarSpec,
  type ClockInterval,
  compileCalendar,
  isWorkingAt,
  WEEKDAYS,
} from './business-calendar.js';
import { isoWeekdayIndex, MS_PER_DAY, MS_PER_MINUTE, parseClock, parseDate } from './civil.js';
import { ZONES } from './test-helpers.js';
import { getTimeZone, localDayOf, localToUtc } from './zone.js';

const T0 = Date.parse('2025-06-01T00:00Z');
const T1 = Date.parse('2027-06-01T00:00Z');
const EPS = 1e-6;

const clock = (end: boolean) =>
  fc
    .integer({ min: 0, max: end ? 96 : 95 })
    .map((q) => `${String(Math.floor(q / 4)).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')}`);
const interval: fc.Arbitrary<ClockInterval> = fc.tuple(clock(false), clock(true));
const dayIntervals = fc.array(interval, { maxLength: 3 });
const date = fc
  .integer({ min: parseDate('2025-05-01'), max: parseDate('2027-07-01') })
  .map((d) => new Date(d * MS_PER_DAY).toISOString().slice(0, 10));

const specArb: fc.Arbitrary<CalendarSpec> = fc.record({
  calendar_id: fc.constant('prop'),
  time_zone: fc.constantFrom(...ZONES),
  week: fc.record({
    mon: dayIntervals,
    tue: dayIntervals,
    wed: dayIntervals,
    thu: dayIntervals,
    fri: dayIntervals,
    sat: dayIntervals,
    sun: dayIntervals,
  }),
  exceptions: fc.uniqueArray(fc.record({ date, intervals: dayIntervals }), {
    maxLength: 8,
    selector: (e) => e.date,
  }),
});
// For deadlines: guarantee some weekly working time so the search always ends.
const weekly: ClockInterval = ['10:00', '11:00'];
const workingSpecArb = specArb.map(
  (s): CalendarSpec => ({ ...s, week: { ...s.week, wed: [...s.week.wed, weekly] } }),
);

const instant = fc.integer({ min: T0, max: T1 });
const sorted3 = fc.tuple(instant, instant, instant).map((t) => t.sort((x, y) => x - y));

/** Slow, independent reference: union of every interval near the span, then clipped. */
function oracleSeconds(spec: CalendarSpec, from: number, to: number): number {
  const tz = getTimeZone(spec.time_zone);
  const exceptions = new Map(spec.exceptions.map((e) => [parseDate(e.date), e.intervals]));
  const raw: [number, number][] = [];
  for (let day = localDayOf(from, tz) - 2; day <= localDayOf(to, tz) + 1; day++) {
    const weekday = WEEKDAYS[isoWeekdayIndex(day)]!;
    for (const [a, b] of exceptions.get(day) ?? spec.week[weekday]) {
      const s = parseClock(a, false);
      const e = parseClock(b, true);
      const local = (m: number) => localToUtc(day * MS_PER_DAY + m * MS_PER_MINUTE, tz);
      raw.push([local(s), local(e <= s ? e + 1440 : e)]);
    }
  }
  raw.sort((x, y) => x[0] - y[0]);
  let total = 0;
  let curS = Number.NEGATIVE_INFINITY;
  let curE = Number.NEGATIVE_INFINITY;
  const flush = () => {
    total += Math.max(0, Math.min(curE, to) - Math.max(curS, from));
  };
  for (const [s, e] of raw) {
    if (s <= curE) curE = Math.max(curE, e);
    else {
      flush();
      curS = s;
      curE = e;
    }
  }
  flush();
  return total / 1000;
}

describe('businessSeconds properties', () => {
  it('is additive: bs(a,c) = bs(a,b) + bs(b,c)', () => {
    fc.assert(
      fc.property(specArb, sorted3, (spec, [a, b, c]) => {
        const cal = compileCalendar(spec);
        const whole = businessSeconds(a, c, cal);
        expect(Math.abs(whole - businessSeconds(a, b, cal) - businessSeconds(b, c, cal))).toBeLessThan(EPS);
      }),
    );
  });

  it('lies between 0 and the wall-clock duration', () => {
    fc.assert(
      fc.property(specArb, instant, instant, (spec, a, b) => {
        const bs = businessSeconds(a, b, compileCalendar(spec));
        expect(bs).toBeGreaterThanOrEqual(0);
        expect(bs).toBeLessThanOrEqual(Math.max(0, (b - a) / 1000) + EPS);
      }),
    );
  });

  it('agrees with a brute-force reference on spans of up to 10 days', () => {
    fc.assert(
      fc.property(specArb, instant, fc.integer({ min: 0, max: 10 * MS_PER_DAY }), (spec, a, len) => {
        expect(businessSeconds(a, a + len, compileCalendar(spec))).toBeCloseTo(
          oracleSeconds(spec, a, a + len),
          6,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('is 0 inside a holiday', () => {
    const arb = fc.tuple(
      specArb,
      date,
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
    );
    fc.assert(
      fc.property(arb, ([base, holiday, f1, f2]) => {
        const day = parseDate(holiday);
        // The previous day's overnight shift may legitimately run into the holiday, so it is off too.
        const off = [day - 1, day].map((d) => new Date(d * MS_PER_DAY).toISOString().slice(0, 10));
        const spec = {
          ...base,
          exceptions: [
            ...base.exceptions.filter((e) => !off.includes(e.date)),
            ...off.map((d) => ({ date: d, intervals: [] })),
          ],
        };
        const cal = compileCalendar(spec);
        const tz = getTimeZone(spec.time_zone);
        const start = localToUtc(day * MS_PER_DAY, tz);
        const end = localToUtc((day + 1) * MS_PER_DAY, tz);
        const [x, y] = [start + f1 * (end - start), start + f2 * (end - start)].sort((p, q) => p - q);
        expect(businessSeconds(x!, y!, cal)).toBe(0);
        // f close to 1 can round x up to the next day's first millisecond: stay inside the holiday
        expect(isWorkingAt(Math.min(Math.floor(x!), end - 1), cal)).toBe(false);
      }),
    );
  });

  it('isWorkingAt(t) exactly when the next millisecond is working time', () => {
    fc.assert(
      fc.property(specArb, instant, (spec, t) => {
        const cal = compileCalendar(spec);
        expect(isWorkingAt(t, cal)).toBe(businessSeconds(t, t + 1, cal) > 0);
      }),
    );
  });

  it('addBusinessSeconds inverts businessSeconds and returns the earliest such instant', () => {
    const seconds = fc.integer({ min: 0, max: 30 * 86_400_000 }).map((ms) => ms / 1000);
    fc.assert(
      fc.property(workingSpecArb, instant, seconds, (spec, a, s) => {
        const cal = compileCalendar(spec);
        const due = addBusinessSeconds(a, s, cal);
        expect(due).toBeGreaterThanOrEqual(a);
        expect(Math.abs(businessSeconds(a, due, cal) - s)).toBeLessThan(EPS);
        if (s > 0) expect(businessSeconds(a, due - 1, cal)).toBeLessThan(s);
      }),
    );
  });

  it('ALWAYS_OPEN is the wall-clock duration', () => {
    fc.assert(
      fc.property(instant, instant, (a, b) => {
        expect(businessSeconds(a, b, ALWAYS_OPEN)).toBe(Math.max(0, (b - a) / 1000));
      }),
    );
  });
});
