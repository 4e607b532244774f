import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundHalfAway, roundToTotal } from './exact-sum.js';

describe('rounded parts that add up to the rounded total', () => {
  it('rounds half away from zero', () => {
    expect([2.5, -2.5, 0.49, -0.5, 0].map(roundHalfAway)).toEqual([3, -3, 0, -1, 0]);
  });

  it('keeps parts that already add up', () => {
    // 0.1875 + 0.3125 − 0.0625 − 0.1875 = 0.25, in steps of 0.001 (0.1 percentage point)
    expect(roundToTotal([0.1875, 0.3125, -0.0625, -0.1875], 0.25, 0.001)).toEqual([188, 313, -63, -188]);
    // on their own these round to 188 + 313 − 63 − 188 = 250: nothing to adjust
  });

  it('moves the part that lost most by rounding', () => {
    // three thirds of 1.0 in steps of 0.1: 3.33… each rounds to 3 (sum 9), the total is 10
    expect(roundToTotal([1 / 3, 1 / 3, 1 / 3], 1, 0.1)).toEqual([4, 3, 3]);
    // 0.44 + 0.44 + 0.12 = 1.0 in steps of 0.1: 4 + 4 + 1 = 9; the largest remainders are the 0.44s (0.4 each)
    expect(roundToTotal([0.44, 0.44, 0.12], 1, 0.1)).toEqual([5, 4, 1]);
    // negative direction: 0.26 + 0.26 = 0.52 → 5; parts round to 3 + 3 = 6: one goes down
    expect(roundToTotal([0.26, 0.26], 0.52, 0.1)).toEqual([2, 3]);
  });

  it('always adds up, and never moves a part by a step or more', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.constantFrom(0.001, 1, 60),
        (values, step) => {
          const total = values.reduce((s, v) => s + v, 0);
          const out = roundToTotal(values, total, step);
          expect(out.reduce((s, v) => s + v, 0)).toBe(roundHalfAway(total / step));
          for (const [i, v] of out.entries()) expect(Math.abs(v - values[i]! / step)).toBeLessThan(1 + 1e-9);
        },
      ),
    );
  });
});
