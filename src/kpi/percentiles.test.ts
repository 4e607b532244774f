import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentiles } from './aggregate.js';
import { durationReducer, meanOf } from './reducers.js';
import { kthOfSorted, percentilesOfSorted } from './sorted-select.js';

/** Nearest-rank by sorting: the definition the selection must reproduce. */
const bySorting = (values: number[], p: number) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(p * sorted.length)) - 1]!;
};

describe('percentiles by selection', () => {
  it('hand-computed: nearest rank of ten values, duplicates and an empty list', () => {
    expect(percentiles([7, 1, 9, 3, 3, 10, 2, 8, 5, 4], [0.5, 0.9])).toEqual([4, 9]);
    expect(percentiles([5, 5, 5, 5], [0.5, 0.9, 1])).toEqual([5, 5, 5]);
    expect(percentiles([42], [0.5, 0.9])).toEqual([42, 42]);
    expect(percentiles([], [0.5])).toEqual([null]);
  });

  it('equal the nearest rank of the sorted values, for any values and any order of asked ranks', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.integer({ min: 0, max: 20 }),
            fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((v) => v + 0),
          ),
          {
            maxLength: 300,
          },
        ),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 5 }),
        (values, ps) => {
          const before = [...values];
          expect(percentiles(values, ps)).toEqual(ps.map((p) => bySorting(values, p)));
          expect(values).toEqual(before); // the caller's values are left as they were
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('percentiles across sorted lists', () => {
  it('hand-computed: two lists, ranks inside, across and at the ends', () => {
    const parts = [Float64Array.from([1, 4, 4, 9]), Float64Array.from([2, 3, 10])];
    expect([0, 1, 2, 3, 4, 5, 6].map((k) => kthOfSorted(parts, k))).toEqual([1, 2, 3, 4, 4, 9, 10]);
    expect(percentilesOfSorted(parts, [0.5, 0.9])).toEqual([4, 10]);
    expect(percentilesOfSorted([], [0.5])).toEqual([null]);
    expect(() => kthOfSorted(parts, 7)).toThrow(RangeError);
  });

  it('equal the nearest rank of all the values sorted together, however they are split', () => {
    const value = fc.oneof(
      fc.integer({ min: 0, max: 30 }),
      fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((v) => v + 0),
    );
    fc.assert(
      fc.property(
        // long lists too, so that the rounds run before the small rest is sorted
        fc.array(fc.array(value, { maxLength: 400, size: 'max' }), { maxLength: 12 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 5 }),
        (lists, ps) => {
          const parts = lists.map((l) => Float64Array.from(l).sort());
          const all = lists.flat();
          expect(percentilesOfSorted(parts, ps)).toEqual(ps.map((p) => bySorting(all, p)));
          // every rank straight through the rounds (percentilesOfSorted copies many short lists out)
          const sorted = Float64Array.from(all).sort();
          for (let k = 0; k < sorted.length; k += 1 + (sorted.length >> 5))
            expect(kthOfSorted(parts, k)).toBe(sorted[k]);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('the mean of durations', () => {
  it('is the same in any order: whole milliseconds summed exactly, finer values in sorted order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000_000_000 }), { minLength: 1, maxLength: 200 }),
        fc.boolean(),
        fc.nat(),
        (ms, fine, turn) => {
          const values = ms.map((m) => (fine ? m / 1000 + 1e-7 : m / 1000));
          const reversed = [...values].reverse();
          const k = turn % values.length;
          const shuffled = [...values.slice(k), ...values.slice(0, k)].reverse();
          expect(meanOf(reversed)).toBe(meanOf(values));
          expect(meanOf(shuffled)).toBe(meanOf(values));
          expect(meanOf(values)).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 3);
        },
      ),
    );
    expect(meanOf([208.907, 1, 0.093])).toBe(70);
    expect(meanOf([])).toBeNull();
  });
});

describe('duration states merged by day', () => {
  const item = (seconds: number | null) => ({
    id: 'x',
    at: 0,
    groups: [],
    seconds,
    thresholds: [60, 600, 3600] as [number, number, number],
  });
  const fold = (values: (number | null)[]) => {
    const s = durationReducer.empty();
    for (const v of values) durationReducer.add(s, item(v));
    return s;
  };
  const merge = durationReducer.merge as NonNullable<typeof durationReducer.merge>;

  it('give the figures of one fold over every value, however the values are split into days', () => {
    const value = fc.oneof(
      fc.constant(null),
      fc.integer({ min: 0, max: 100_000 }),
      fc.integer({ min: 0, max: 10_000_000 }).map((ms) => ms / 1000),
      fc.double({ min: 0, max: 1e5, noNaN: true }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(value, { maxLength: 80, size: 'max' }), { maxLength: 8 }),
        fc.array(value),
        fc.array(fc.boolean(), { maxLength: 8 }),
        (days, own, sealed) => {
          // a day's state is sealed when kept; one merged before it is kept is not
          const states = days.map((d, i) => {
            const s = fold(d);
            if (sealed[i]) durationReducer.seal!(s);
            return s;
          });
          const before = states.map((s) => durationReducer.value(s));
          const merged = fold(own);
          // a day's state is merged into two totals, as a day feeds both the period and its bucket
          const other = durationReducer.empty();
          for (const state of states) {
            merge(merged, state);
            merge(other, state);
          }
          expect(durationReducer.value(merged)).toEqual(
            durationReducer.value(fold([...own, ...days.flat()])),
          );
          expect(durationReducer.value(other)).toEqual(durationReducer.value(fold(days.flat())));
          // the days' kept states are left as they were
          expect(states.map((s) => durationReducer.value(s))).toEqual(before);
        },
      ),
      { numRuns: 300 },
    );
  });
});
