import fc from 'fast-check';
import { DateTime, IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { civilFromDays, daysFromCivil, isoWeekOf, MS_PER_DAY, MS_PER_MINUTE, parseDate } from './civil.js';
import { ZONES } from './test-helpers.js';
import { getTimeZone, isAmbiguousWall, localToUtc, toLocalMs } from './zone.js';

const T0 = Date.parse('2025-06-01T00:00Z');
const T1 = Date.parse('2027-06-01T00:00Z');

describe('wall-time conversion', () => {
  it('matches luxon, and takes the first occurrence of a repeated wall time', () => {
    const wall = fc
      .integer({ min: T0 / MS_PER_MINUTE, max: T1 / MS_PER_MINUTE })
      .map((m) => m * MS_PER_MINUTE);
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), wall, (zone, local) => {
        const tz = getTimeZone(zone);
        const mine = localToUtc(local, tz);
        const d = new Date(local);
        const fields = {
          year: d.getUTCFullYear(),
          month: d.getUTCMonth() + 1,
          day: d.getUTCDate(),
          hour: d.getUTCHours(),
          minute: d.getUTCMinutes(),
        };
        const viaLuxon = DateTime.fromObject(fields, { zone }).toMillis();
        if (!isAmbiguousWall(local, tz)) {
          expect(mine).toBe(viaLuxon);
          return;
        }
        // Both occurrences exist and ours is the earlier one.
        const later = local - tz.offsetMinutes(mine + MS_PER_DAY) * MS_PER_MINUTE;
        expect(toLocalMs(mine, tz)).toBe(local);
        expect(toLocalMs(later, tz)).toBe(local);
        expect(mine).toBeLessThan(later);
      }),
      { numRuns: 2000 },
    );
  });

  it('remembers offsets without changing them', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: T0, max: T1 }), (zone, t) => {
        const raw = zone === 'UTC' ? 0 : IANAZone.create(zone).offset(t);
        expect(getTimeZone(zone).offsetMinutes(t)).toBe(raw);
        expect(getTimeZone(zone).offsetMinutes(t)).toBe(raw);
      }),
      { numRuns: 2000 },
    );
  });

  it('resolves the Berlin transitions by hand', () => {
    const berlin = getTimeZone('Europe/Berlin');
    const wall = (iso: string) => Date.parse(`${iso}Z`);
    expect(localToUtc(wall('2026-03-29T02:30'), berlin)).toBe(Date.parse('2026-03-29T03:30+02:00'));
    expect(localToUtc(wall('2026-03-29T03:00'), berlin)).toBe(Date.parse('2026-03-29T03:00+02:00'));
    expect(localToUtc(wall('2026-10-25T02:30'), berlin)).toBe(Date.parse('2026-10-25T02:30+02:00'));
    expect(localToUtc(wall('2026-10-25T03:00'), berlin)).toBe(Date.parse('2026-10-25T03:00+01:00'));
  });
});

describe('civil dates', () => {
  it('round-trips day numbers and agrees with the Date calendar', () => {
    fc.assert(
      fc.property(fc.integer({ min: -800_000, max: 800_000 }), (days) => {
        const c = civilFromDays(days);
        expect(daysFromCivil(c.year, c.month, c.day)).toBe(days);
        const d = new Date(days * MS_PER_DAY);
        expect([c.year, c.month, c.day]).toEqual([d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]);
      }),
    );
  });
  it('numbers ISO weeks like luxon', () => {
    fc.assert(
      fc.property(fc.integer({ min: -30_000, max: 60_000 }), (days) => {
        const dt = DateTime.fromMillis(days * MS_PER_DAY, { zone: 'UTC' });
        expect(isoWeekOf(days)).toEqual({ year: dt.weekYear, week: dt.weekNumber });
      }),
    );
  });
  it('rejects impossible dates', () => {
    expect(parseDate('2024-02-29')).toBe(daysFromCivil(2024, 2, 29));
    expect(() => parseDate('2026-02-29')).toThrow(/no such calendar day/);
    expect(() => parseDate('2026-13-01')).toThrow(/no such calendar day/);
    expect(() => parseDate('26-01-01')).toThrow(/YYYY-MM-DD/);
  });
});
