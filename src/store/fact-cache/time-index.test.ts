import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TimeIndex } from './time-index.js';

const HOUR = 3_600_000;
const BASE = Date.UTC(2026, 2, 1);

/** Instants near BASE (some on quarter-hour edges), nulls, and now and then one decades away. */
const instant = fc.oneof(
  fc.integer({ min: -40 * 24 * HOUR, max: 40 * 24 * HOUR }).map((d) => BASE + d),
  fc.integer({ min: -3000, max: 3000 }).map((k) => BASE + k * 900_000),
  fc.constant(Number.NaN),
);
const values = fc.oneof(
  fc.array(instant, { maxLength: 400 }),
  // a span too long for quarter hours: the index falls back to days
  fc.array(instant, { maxLength: 200 }).map((v) => [...v, BASE + 80 * 365 * 24 * HOUR]),
);
const bound = fc.oneof(
  fc.integer({ min: -45 * 24 * HOUR, max: 45 * 24 * HOUR }).map((d) => BASE + d),
  fc.integer({ min: -3000, max: 3000 }).map((k) => BASE + k * 900_000),
);

describe('time index', () => {
  it('visits exactly the rows in a range, unit by unit in time order, within its bound', () => {
    fc.assert(
      fc.property(values, bound, bound, (list, a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const column = Float64Array.from(list);
        const index = new TimeIndex();
        const expected = list.flatMap((v, r) => (v >= from && v < to ? [r] : []));
        expect(index.bound(column, list.length, from, to)).toBeGreaterThanOrEqual(expected.length);
        const visited: number[] = [];
        let last = Number.NEGATIVE_INFINITY;
        index.units(column, list.length, from, to, (start, end, rows, lo, hi) => {
          expect(start).toBeGreaterThanOrEqual(last);
          expect(end).toBeGreaterThan(start);
          expect(end > from && start < to).toBe(true);
          last = end;
          for (let i = lo; i < hi; i++) {
            const v = column[rows[i]!]!;
            expect(v >= start && v < end).toBe(true);
            if (v >= from && v < to) visited.push(rows[i]!);
          }
        });
        expect(visited.sort((x, y) => x - y)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('reads a write only after invalidate, and an empty or all-null column as empty', () => {
    const rowsIn = (index: TimeIndex, column: Float64Array, from: number, to: number) => {
      const out: number[] = [];
      index.units(column, column.length, from, to, (_s, _e, rows, lo, hi) => {
        for (let i = lo; i < hi; i++)
          if (column[rows[i]!]! >= from && column[rows[i]!]! < to) out.push(rows[i]!);
      });
      return out.sort();
    };
    const column = Float64Array.from([BASE, Number.NaN, BASE + HOUR]);
    const index = new TimeIndex();
    expect(rowsIn(index, column, BASE, BASE + 2 * HOUR)).toEqual([0, 2]);
    column[1] = BASE + 30 * 60_000;
    expect(rowsIn(index, column, BASE, BASE + 2 * HOUR)).toEqual([0, 2]);
    index.invalidate();
    expect(rowsIn(index, column, BASE, BASE + 2 * HOUR)).toEqual([0, 1, 2]);
    const empty = Float64Array.from([Number.NaN]);
    expect(rowsIn(new TimeIndex(), empty, 0, BASE)).toEqual([]);
    expect(new TimeIndex().bound(empty, 1, 0, BASE)).toBe(0);
  });
});
