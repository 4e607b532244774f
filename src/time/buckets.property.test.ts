import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BUCKET_UNITS,
  type BucketUnit,
  bucketRanges,
  bucketStart,
  formatBucketLabel,
  nextBucketStart,
} from './buckets.js';
import { ZONES } from './test-helpers.js';

const H = 3_600_000;
const T0 = Date.parse('2025-06-01T00:00Z');
const T1 = Date.parse('2027-06-01T00:00Z');

// Longest span per unit, to keep each run to a few hundred buckets.
const MAX_SPAN: Record<BucketUnit, number> = {
  hour: 15 * 24 * H,
  day: 400 * 24 * H,
  week: 900 * 24 * H,
  month: 900 * 24 * H,
};
// Allowed length of an unclipped bucket, wide enough for 30- and 60-minute DST shifts.
const LENGTH: Record<BucketUnit, [number, number]> = {
  hour: [H / 2, H], // Lord Howe shifts by 30 minutes
  day: [23 * H, 25 * H],
  week: [167 * H, 169 * H],
  month: [28 * 24 * H - H, 31 * 24 * H + H],
};

const span = fc
  .constantFrom(...BUCKET_UNITS)
  .chain((unit) =>
    fc.tuple(
      fc.constant(unit),
      fc.constantFrom(...ZONES),
      fc.integer({ min: T0, max: T1 }),
      fc.integer({ min: 0, max: MAX_SPAN[unit] }),
    ),
  );

describe('bucketRanges properties', () => {
  it('tiles [from, to) exactly with buckets that start where bucketStart says', () => {
    fc.assert(
      fc.property(span, ([unit, zone, from, len]) => {
        const to = from + len;
        const ranges = bucketRanges(from, to, unit, zone);
        if (len === 0) {
          expect(ranges).toEqual([]);
          return;
        }
        expect(ranges[0]?.start).toBe(from);
        expect(ranges.at(-1)?.end).toBe(to);
        ranges.forEach((r, i) => {
          expect(r.end).toBeGreaterThan(r.start);
          if (i > 0) {
            expect(r.start).toBe(ranges[i - 1]?.end);
            expect(bucketStart(r.start, unit, zone)).toBe(r.start);
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('puts every instant of a bucket in that bucket, with plausible lengths and distinct labels', () => {
    fc.assert(
      fc.property(span, fc.double({ min: 0, max: 1, noNaN: true }), ([unit, zone, at], f) => {
        const start = bucketStart(at, unit, zone);
        const next = nextBucketStart(start, unit, zone);
        expect(start).toBeLessThanOrEqual(at);
        expect(next).toBeGreaterThan(at);
        const inside = Math.floor(start + f * (next - start - 1));
        expect(bucketStart(inside, unit, zone)).toBe(start);
        const [min, max] = LENGTH[unit];
        expect(next - start).toBeGreaterThanOrEqual(min);
        expect(next - start).toBeLessThanOrEqual(max);
        const after = nextBucketStart(next, unit, zone);
        expect(formatBucketLabel(next, unit, zone)).not.toBe(formatBucketLabel(start, unit, zone));
        expect(formatBucketLabel(after, unit, zone)).not.toBe(formatBucketLabel(next, unit, zone));
      }),
      { numRuns: 500 },
    );
  });
});
