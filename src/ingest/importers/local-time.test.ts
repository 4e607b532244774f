import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { compileNumericFormat } from './local-time.js';
import { timestampReader } from './timestamps.js';

const ZONES = [
  'UTC',
  'Europe/Berlin',
  'Europe/Moscow',
  'America/New_York',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
];
const FORMATS = [
  'yyyy-MM-dd HH:mm',
  'd/M/yyyy H:mm',
  'dd.MM.yyyy HH:mm:ss',
  'yyyy-MM-dd HH:mm:ss.SSS',
  'MM/dd/yyyy H:mm',
];

const pad = (n: number, w: number) => String(n).padStart(w, '0');
/** The text a source writes for a wall-clock reading in a numeric format (no check that it is a date). */
function write(format: string, w: number[]): string {
  const [y, mo, d, h, mi, s, ms] = w as [number, number, number, number, number, number, number];
  const values: Record<string, string> = {
    yyyy: pad(y, 4),
    MM: pad(mo, 2),
    M: String(mo),
    dd: pad(d, 2),
    d: String(d),
    HH: pad(h, 2),
    H: String(h),
    mm: pad(mi, 2),
    ss: pad(s, 2),
    SSS: pad(ms, 3),
  };
  return format.replace(/([A-Za-z])\1*/g, (t) => values[t]!);
}

const luxon = (text: string, format: string, zone: string) => {
  const dt = DateTime.fromFormat(text, format, { zone, setZone: true });
  return dt.isValid ? dt.toMillis() : null;
};

describe('wall-clock readings without asking Luxon each time', () => {
  it('give what Luxon gives, for any reading (dates that are none, DST gaps and overlaps included)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FORMATS),
        fc.constantFrom(...ZONES),
        fc.tuple(
          fc.integer({ min: 1990, max: 2035 }),
          fc.integer({ min: 1, max: 12 }),
          fc.integer({ min: 1, max: 31 }),
          fc.integer({ min: 0, max: 23 }),
          fc.integer({ min: 0, max: 59 }),
          fc.integer({ min: 0, max: 59 }),
          fc.integer({ min: 0, max: 999 }),
        ),
        (format, zone, w) => {
          const text = write(format, w);
          expect(timestampReader(format, zone)(text)).toBe(luxon(text, format, zone));
          // ISO readings without an offset take the same path
          const iso = write('yyyy-MM-dd HH:mm:ss.SSS', w).replace(' ', 'T');
          const byLuxon = DateTime.fromISO(iso, { zone });
          expect(timestampReader('iso', zone)(iso)).toBe(byLuxon.isValid ? byLuxon.toMillis() : null);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('across the hours of DST changes, minute by minute', () => {
    const format = 'yyyy-MM-dd HH:mm';
    for (const [zone, day] of [
      ['Europe/Berlin', '2026-03-29'],
      ['Europe/Berlin', '2026-10-25'],
      ['America/New_York', '2026-03-08'],
      ['America/New_York', '2026-11-01'],
      ['Australia/Lord_Howe', '2026-04-05'],
      ['Australia/Lord_Howe', '2026-10-04'],
    ] as const) {
      const read = timestampReader(format, zone);
      for (let m = 0; m < 24 * 60; m++) {
        const text = `${day} ${pad(Math.floor(m / 60), 2)}:${pad(m % 60, 2)}`;
        expect([zone, text, read(text)]).toEqual([zone, text, luxon(text, format, zone)]);
      }
    }
  });

  it('leaves other formats to Luxon', () => {
    expect(compileNumericFormat('dd MMM yyyy')).toBeNull();
    expect(compileNumericFormat("yyyy-MM-dd'T'HH:mm")).toBeNull();
    expect(compileNumericFormat('HH:mm')).toBeNull(); // no date
    expect(timestampReader('dd MMM yyyy HH:mm', 'UTC')('02 Mar 2026 09:00')).toBe(
      Date.parse('2026-03-02T09:00:00Z'),
    );
  });
});
