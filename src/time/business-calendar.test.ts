import { describe, expect, it } from 'vitest';
import {
  ALWAYS_OPEN,
  addBusinessSeconds,
  businessSeconds,
  type CalendarSpec,
  compileCalendar,
  isWorkingAt,
} from './business-calendar.js';
import { at, everyDay, H, spec, weekdays } from './test-helpers.js';

// 2026-03-13 is a Friday; Moscow is UTC+3 all year.
const office = compileCalendar(spec('Europe/Moscow', weekdays([['09:00', '18:00']])));

describe('Mon–Fri 09:00–18:00 Europe/Moscow', () => {
  it('skips the weekend', () => {
    expect(businessSeconds(at('2026-03-13T17:00+03:00'), at('2026-03-16T10:00+03:00'), office)).toBe(2 * H);
  });
  it('counts 45 h in a calendar week', () => {
    expect(businessSeconds(at('2026-03-09T00:00+03:00'), at('2026-03-16T00:00+03:00'), office)).toBe(45 * H);
  });
  it('is 0 for empty or reversed spans', () => {
    const t = at('2026-03-10T12:00+03:00');
    expect(businessSeconds(t, t, office)).toBe(0);
    expect(businessSeconds(t + 1000, t, office)).toBe(0);
  });
  it('keeps millisecond precision', () => {
    expect(
      businessSeconds(at('2026-03-10T17:59:59.250+03:00'), at('2026-03-11T09:00:00.5+03:00'), office),
    ).toBe(1.25);
  });
  it('treats intervals as half-open', () => {
    expect(isWorkingAt(at('2026-03-16T09:00+03:00'), office)).toBe(true);
    expect(isWorkingAt(at('2026-03-16T08:59:59.999+03:00'), office)).toBe(false);
    expect(isWorkingAt(at('2026-03-16T18:00+03:00'), office)).toBe(false);
    expect(isWorkingAt(at('2026-03-14T12:00+03:00'), office)).toBe(false);
  });
  it('adds business seconds across the weekend', () => {
    expect(addBusinessSeconds(at('2026-03-13T17:00+03:00'), 2 * H, office)).toBe(
      at('2026-03-16T10:00+03:00'),
    );
    // A deadline that uses up the day ends at closing time, not at the next opening.
    expect(addBusinessSeconds(at('2026-03-13T17:00+03:00'), H, office)).toBe(at('2026-03-13T18:00+03:00'));
    expect(addBusinessSeconds(at('2026-03-14T12:00+03:00'), 1, office)).toBe(at('2026-03-16T09:00:01+03:00'));
    expect(addBusinessSeconds(at('2026-03-14T12:00+03:00'), 0, office)).toBe(at('2026-03-14T12:00+03:00'));
  });
});

describe('interval shapes', () => {
  it('splits a day around lunch', () => {
    const lunch = compileCalendar(
      spec(
        'Europe/Moscow',
        weekdays([
          ['09:00', '13:00'],
          ['14:00', '18:00'],
        ]),
      ),
    );
    expect(businessSeconds(at('2026-03-16T12:00+03:00'), at('2026-03-16T15:00+03:00'), lunch)).toBe(2 * H);
    expect(businessSeconds(at('2026-03-16T00:00+03:00'), at('2026-03-17T00:00+03:00'), lunch)).toBe(8 * H);
    expect(isWorkingAt(at('2026-03-16T13:30+03:00'), lunch)).toBe(false);
    expect(addBusinessSeconds(at('2026-03-16T12:00+03:00'), 1.5 * H, lunch)).toBe(
      at('2026-03-16T14:30+03:00'),
    );
  });

  it('merges overlapping intervals instead of double counting', () => {
    const messy = compileCalendar(
      spec(
        'Europe/Moscow',
        weekdays([
          ['12:00', '18:00'],
          ['09:00', '13:00'],
          ['09:00', '10:00'],
        ]),
      ),
    );
    expect(businessSeconds(at('2026-03-16T00:00+03:00'), at('2026-03-17T00:00+03:00'), messy)).toBe(9 * H);
  });

  it('merges an overnight tail with the next morning', () => {
    const cal = compileCalendar(
      spec(
        'Europe/Moscow',
        everyDay([
          ['22:00', '06:00'],
          ['00:00', '08:00'],
        ]),
      ),
    );
    // 00:00–08:00 (yesterday's tail overlaps this morning) + 22:00–24:00.
    expect(businessSeconds(at('2026-03-16T00:00+03:00'), at('2026-03-17T00:00+03:00'), cal)).toBe(10 * H);
  });

  describe('overnight 22:00–06:00 shift on weekdays', () => {
    const night = compileCalendar(spec('Europe/Moscow', weekdays([['22:00', '06:00']])));
    it("runs Friday's shift into Saturday morning", () => {
      expect(businessSeconds(at('2026-03-13T23:00+03:00'), at('2026-03-14T07:00+03:00'), night)).toBe(7 * H);
      expect(isWorkingAt(at('2026-03-14T05:59+03:00'), night)).toBe(true);
    });
    it('has no Saturday or Sunday shift', () => {
      expect(businessSeconds(at('2026-03-14T22:00+03:00'), at('2026-03-15T06:00+03:00'), night)).toBe(0);
      expect(businessSeconds(at('2026-03-15T21:00+03:00'), at('2026-03-16T21:00+03:00'), night)).toBe(0);
    });
    it('counts a full night', () => {
      expect(businessSeconds(at('2026-03-16T21:00+03:00'), at('2026-03-17T08:00+03:00'), night)).toBe(8 * H);
    });
    it('drops the shift of a holiday but keeps the one spilling into it', () => {
      const fridayOff = compileCalendar(
        spec('Europe/Moscow', weekdays([['22:00', '06:00']]), [{ date: '2026-03-13', intervals: [] }]),
      );
      expect(businessSeconds(at('2026-03-13T00:00+03:00'), at('2026-03-14T12:00+03:00'), fridayOff)).toBe(
        6 * H,
      );
    });
  });
});

describe('exceptions', () => {
  const withExceptions = (exceptions: CalendarSpec['exceptions']) =>
    compileCalendar(spec('Europe/Moscow', weekdays([['09:00', '18:00']]), exceptions));

  it('makes a holiday free of working time', () => {
    const cal = withExceptions([{ date: '2026-03-16', intervals: [] }]);
    expect(businessSeconds(at('2026-03-16T00:00+03:00'), at('2026-03-17T00:00+03:00'), cal)).toBe(0);
    expect(isWorkingAt(at('2026-03-16T12:00+03:00'), cal)).toBe(false);
    expect(businessSeconds(at('2026-03-13T17:00+03:00'), at('2026-03-17T10:00+03:00'), cal)).toBe(2 * H);
  });
  it('adds an extra working Saturday', () => {
    const cal = withExceptions([{ date: '2026-03-14', intervals: [['10:00', '15:00']] }]);
    expect(businessSeconds(at('2026-03-13T00:00+03:00'), at('2026-03-16T00:00+03:00'), cal)).toBe(14 * H);
  });
  it('shortens a day', () => {
    const cal = withExceptions([{ date: '2026-03-13', intervals: [['09:00', '17:00']] }]);
    expect(businessSeconds(at('2026-03-13T00:00+03:00'), at('2026-03-14T00:00+03:00'), cal)).toBe(8 * H);
    expect(isWorkingAt(at('2026-03-13T17:30+03:00'), cal)).toBe(false);
  });
  it('handles a ticket spanning the New Year holidays', () => {
    const days = ['01', '02', '03', '04', '05', '06', '07', '08'];
    const cal = withExceptions(days.map((d) => ({ date: `2026-01-${d}`, intervals: [] })));
    const created = at('2025-12-31T17:00+03:00');
    // 1 h on 31 Dec, nothing 1–8 Jan (4 Jan is a Sunday anyway), 2 h on Friday 9 Jan.
    expect(businessSeconds(created, at('2026-01-09T11:00+03:00'), cal)).toBe(3 * H);
    expect(addBusinessSeconds(created, 4 * H, cal)).toBe(at('2026-01-09T12:00+03:00'));
    // With calendar time the same ticket took 9 days.
    expect(businessSeconds(created, at('2026-01-09T11:00+03:00'), ALWAYS_OPEN)).toBe(8 * 24 * H + 18 * H);
  });
});

describe('ALWAYS_OPEN', () => {
  it('is the 24/7 UTC organisation default', () => {
    expect(ALWAYS_OPEN.id).toBe('default');
    expect(ALWAYS_OPEN.timeZone).toBe('UTC');
    expect(businessSeconds(0, 1500, ALWAYS_OPEN)).toBe(1.5);
    expect(isWorkingAt(at('2026-03-15T03:00Z'), ALWAYS_OPEN)).toBe(true);
    expect(addBusinessSeconds(1000, 2.5, ALWAYS_OPEN)).toBe(3500);
  });
});
