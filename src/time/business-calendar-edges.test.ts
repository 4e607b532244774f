import { describe, expect, it } from 'vitest';
import {
  addBusinessSeconds,
  type BusinessCalendar,
  businessSeconds,
  compileCalendar,
  isWorkingAt,
} from './business-calendar.js';
import { at, everyDay, H, spec, weekdays } from './test-helpers.js';

describe('DST in Europe/Berlin (2026-03-29 spring forward, 2026-10-25 fall back)', () => {
  const tz = 'Europe/Berlin';
  // A far-away holiday keeps the compiled index in play instead of the 24/7 fast path.
  const far = [{ date: '2040-01-01', intervals: [] }];
  const calendars: [string, BusinessCalendar][] = [
    ['24/7 fast path', compileCalendar(spec(tz, everyDay([['00:00', '24:00']])))],
    ['00:00–24:00 daily', compileCalendar(spec(tz, everyDay([['00:00', '24:00']]), far))],
    ['00:00–00:00 overnight daily', compileCalendar(spec(tz, everyDay([['00:00', '00:00']]), far))],
  ];
  for (const [name, cal] of calendars) {
    it(`${name}: 23 h and 25 h days`, () => {
      expect(businessSeconds(at('2026-03-29T00:00+01:00'), at('2026-03-30T00:00+02:00'), cal)).toBe(23 * H);
      expect(businessSeconds(at('2026-10-25T00:00+02:00'), at('2026-10-26T00:00+01:00'), cal)).toBe(25 * H);
      expect(businessSeconds(at('2026-03-27T12:00+01:00'), at('2026-10-27T12:00+01:00'), cal)).toBe(
        (214 * 24 + 0) * H,
      );
    });
  }
  it('the 24/7 calendar takes the fast path', () => {
    expect(calendars[0]?.[1].timeline).toBeNull();
    expect(calendars[1]?.[1].timeline).not.toBeNull();
  });
  it('office hours are unaffected by a DST weekend', () => {
    const cal = compileCalendar(spec(tz, weekdays([['09:00', '18:00']])));
    expect(businessSeconds(at('2026-03-27T09:00+01:00'), at('2026-03-30T18:00+02:00'), cal)).toBe(18 * H);
    expect(businessSeconds(at('2026-10-23T09:00+02:00'), at('2026-10-26T18:00+01:00'), cal)).toBe(18 * H);
  });
  it('a night shift through the change has its real length', () => {
    const cal = compileCalendar(spec(tz, everyDay([['01:00', '04:00']])));
    expect(businessSeconds(at('2026-03-29T00:00+01:00'), at('2026-03-30T00:00+02:00'), cal)).toBe(2 * H);
    expect(businessSeconds(at('2026-10-25T00:00+02:00'), at('2026-10-26T00:00+01:00'), cal)).toBe(4 * H);
  });
  it('moves a start inside the spring-forward gap forward', () => {
    const cal = compileCalendar(spec(tz, everyDay([['02:30', '05:00']])));
    // 02:30 does not exist on 29 March; it maps to 03:30 CEST, leaving 1.5 h.
    expect(businessSeconds(at('2026-03-29T00:00+01:00'), at('2026-03-30T00:00+02:00'), cal)).toBe(1.5 * H);
    expect(isWorkingAt(at('2026-03-29T03:15+02:00'), cal)).toBe(false);
    expect(isWorkingAt(at('2026-03-29T03:30+02:00'), cal)).toBe(true);
  });
  it('merges intervals after moving gap times, not before', () => {
    const cal = compileCalendar(
      spec(tz, {
        sun: [
          ['02:15', '24:00'],
          ['03:00', '24:00'],
        ],
      }),
    );
    // 02:15 becomes 03:15 CEST, but the second interval still opens at 03:00.
    expect(businessSeconds(at('2026-03-29T00:00+01:00'), at('2026-03-30T00:00+02:00'), cal)).toBe(21 * H);
  });
  it('starts a repeated fall-back wall time at its first occurrence', () => {
    const cal = compileCalendar(spec(tz, everyDay([['02:30', '03:00']])));
    // First 02:30 (CEST) to 03:00 CET: 30 min + the repeated hour.
    expect(businessSeconds(at('2026-10-25T00:00+02:00'), at('2026-10-26T00:00+01:00'), cal)).toBe(1.5 * H);
  });
});

describe('other zones', () => {
  it('detects a week split into pieces that still covers every minute', () => {
    const halves = compileCalendar(
      spec(
        'Europe/Berlin',
        everyDay([
          ['12:00', '24:00'],
          ['00:00', '12:00'],
        ]),
      ),
    );
    expect(halves.timeline).toBeNull();
    expect(compileCalendar(spec('UTC', everyDay([['00:00', '23:59']]))).timeline).not.toBeNull();
  });
  it('survives a skipped calendar day (Samoa dropped 2011-12-30)', () => {
    const cal = compileCalendar(spec('Pacific/Apia', everyDay([['09:00', '18:00']])));
    // 29 and 31 December; the 30th never happened, and its hours fold onto the 31st.
    expect(businessSeconds(at('2011-12-29T00:00-10:00'), at('2012-01-01T00:00+14:00'), cal)).toBe(18 * H);
  });
  it('counts Monday hours in the zone, not in UTC', () => {
    const ny = compileCalendar(spec('America/New_York', { mon: [['20:00', '23:00']] }));
    // Monday 20:00–23:00 EST is Tuesday 01:00–04:00 UTC.
    expect(isWorkingAt(at('2026-03-03T02:00Z'), ny)).toBe(true);
    expect(addBusinessSeconds(at('2026-03-02T12:00Z'), 2 * H, ny)).toBe(at('2026-03-02T22:00-05:00'));
  });
});

describe('errors', () => {
  it('rejects malformed specs with a clear message', () => {
    expect(() => compileCalendar(spec('Mars/Olympus', {}))).toThrow(/unknown IANA time zone 'Mars\/Olympus'/);
    expect(() => compileCalendar(spec('UTC', { mon: [['09:00', '25:00']] }))).toThrow(
      /week\.mon\[0\].*25:00/,
    );
    expect(() => compileCalendar(spec('UTC', { mon: [['24:00', '06:00']] }))).toThrow(/24:00/);
    expect(() => compileCalendar(spec('UTC', { mon: [['9:00', '18:00']] }))).toThrow(/HH:MM/);
    expect(() => compileCalendar(spec('UTC', {}, [{ date: '2026-02-30', intervals: [] }]))).toThrow(
      /exceptions\[0\].*no such calendar day/,
    );
    const twice = [
      { date: '2026-01-01', intervals: [] },
      { date: '2026-01-01', intervals: [] },
    ];
    expect(() => compileCalendar(spec('UTC', {}, twice))).toThrow(/listed twice/);
  });
  it('throws when a deadline can never be reached', () => {
    const closed = compileCalendar(spec('Europe/Moscow', {}));
    expect(() => addBusinessSeconds(at('2026-03-16T00:00Z'), 1, closed)).toThrow(
      /calendar 'test' has no working time within 366 days/,
    );
    const oneDay = compileCalendar(
      spec('UTC', {}, [{ date: '2026-03-17', intervals: [['09:00', '10:00']] }]),
    );
    expect(addBusinessSeconds(at('2026-03-16T00:00Z'), H, oneDay)).toBe(at('2026-03-17T10:00Z'));
    expect(() => addBusinessSeconds(at('2026-03-16T00:00Z'), H + 1, oneDay)).toThrow(
      /no working time within 366/,
    );
    expect(businessSeconds(at('2026-01-01T00:00Z'), at('2027-01-01T00:00Z'), closed)).toBe(0);
  });
  it('rejects non-finite instants and negative durations', () => {
    const office = compileCalendar(spec('Europe/Moscow', weekdays([['09:00', '18:00']])));
    expect(() => businessSeconds(Number.NaN, 0, office)).toThrow(RangeError);
    expect(() => isWorkingAt(9e15, office)).toThrow(RangeError);
    expect(() => addBusinessSeconds(0, -1, office)).toThrow(RangeError);
    expect(() => addBusinessSeconds(0, 1e13, office)).toThrow(RangeError);
    expect(() => businessSeconds(0, 8e15, office)).toThrow(/more than 100000 days/);
  });
});
