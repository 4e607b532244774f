import { describe, expect, it } from 'vitest';
import { growthOf, twoSidedNormalP } from '../forecast/growth.js';
import { checkSpikes, DAILY_RULE, trailingSeasonalScale } from './detector.js';
import { countTail, logGamma, poissonTail } from './tails.js';

describe('tail probabilities', () => {
  it('Poisson: P(X ≥ 3 | μ = 1) = 1 − 2.5/e, and far tails without underflow', () => {
    expect(poissonTail(3, 1)).toBeCloseTo(1 - 2.5 / Math.E, 14);
    // P(X ≥ 20 | 4) by the plain recurrence of the pmf from e^−4.
    let pmf = Math.exp(-4);
    let below = 0;
    for (let j = 0; j < 20; j++) {
      below += pmf;
      pmf *= 4 / (j + 1);
    }
    expect(poissonTail(20, 4) / (1 - below)).toBeCloseTo(1, 6);
    expect(poissonTail(2000, 1000)).toBeGreaterThan(0);
    expect(poissonTail(2000, 1000)).toBeLessThan(1e-150);
    expect(poissonTail(0, 3)).toBe(1);
  });

  it('negative binomial for a variance φ = 2 times the mean: r = 4, p = ½ at μ = 4', () => {
    // pmf(j) = C(j + 3, 3) / 2^(j + 4)
    let below = 0;
    for (let j = 0; j < 10; j++) below += ((j + 1) * (j + 2) * (j + 3)) / 6 / 2 ** (j + 4);
    expect(countTail(10, 4, 2)).toBeCloseTo(1 - below, 12);
    expect(countTail(10, 4, 1)).toBe(poissonTail(10, 4));
  });

  it('ln Γ matches known values', () => {
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 13);
    expect(logGamma(10)).toBeCloseTo(Math.log(362_880), 12);
    expect(logGamma(1)).toBeCloseTo(0, 13);
  });
});

const flat = (n: number, v: number) => new Array<number>(n).fill(v);

describe('spike detection', () => {
  it('alerts 15 against an expected 4 (p = 2.5e−5) but not 12 (p = 9e−4)', () => {
    const twelve = checkSpikes([...flat(28, 4), 12], flat(29, 1), DAILY_RULE);
    expect(twelve).toHaveLength(1);
    expect(twelve[0]).toMatchObject({
      index: 28,
      observed: 12,
      expected: 4,
      ratio: 3,
      dispersion: 1,
      alert: false,
    });
    expect(twelve[0]!.p_value).toBeCloseTo(poissonTail(12, 4), 15);
    const fifteen = checkSpikes([...flat(28, 4), 15, 4], flat(30, 1), DAILY_RULE);
    expect(fifteen[0]).toMatchObject({ observed: 15, expected: 4, alert: true });
    // The spike is left out of the next day's baseline: 27 days of 4.
    expect(fifteen[1]).toMatchObject({ observed: 4, expected: 4, alert: false });
  });

  it('needs a minimum count: 4 is never news, 5 where none were seen is', () => {
    // Nothing in the window: expected as if once in 28 days.
    const four = checkSpikes([...flat(28, 0), 4], flat(29, 1), DAILY_RULE);
    expect(four[0]).toMatchObject({ observed: 4, alert: false });
    expect(four[0]!.expected).toBeCloseTo(1 / 28, 12);
    expect(checkSpikes([...flat(28, 0), 5], flat(29, 1), DAILY_RULE)[0]).toMatchObject({ alert: true });
  });

  it('scales the expectation: the same 15 on a day with thrice the exposure is ordinary', () => {
    const checks = checkSpikes([...flat(28, 4), 15], [...flat(28, 1), 3], DAILY_RULE);
    expect(checks[0]).toMatchObject({ expected: 12, alert: false });
  });

  it('accepts a lasting shift as the new normal once it fills more than a quarter of the window', () => {
    const checks = checkSpikes([...flat(28, 4), ...flat(40, 20)], flat(68, 1), DAILY_RULE);
    const alerts = checks.filter((c) => c.alert).map((c) => c.index);
    // Eight alerts (more than 28 / 4); then the baseline takes the new days in and the alerts stop.
    expect(alerts).toEqual([28, 29, 30, 31, 32, 33, 34, 35]);
  });

  it('raises at most a few false alarms in 10,000 ordinary days of a weekly Poisson series', () => {
    // A seeded Poisson(10 × weekday factor) series: in control, so every alert is a false alarm.
    let seed = 12345;
    const uniform = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    const poisson = (mu: number) => {
      let k = 0;
      let p = Math.exp(-mu);
      let cdf = p;
      const u = uniform();
      while (u > cdf) {
        k++;
        p *= mu / k;
        cdf += p;
      }
      return k;
    };
    const factors = [1.2, 1.1, 1, 1, 0.9, 0.5, 0.3];
    const counts = Array.from({ length: 10_000 }, (_, t) => poisson(10 * factors[t % 7]!));
    const scale = trailingSeasonalScale(
      counts,
      counts.map((_, t) => t % 7),
      7,
      28,
    );
    const alerts = checkSpikes(counts, scale, DAILY_RULE).filter((c) => c.alert);
    expect(alerts.length).toBeLessThanOrEqual(3);
  });

  it('learns weekday factors from the trailing window only, shrunk towards 1 by one pseudo-observation', () => {
    // Phases alternate; the window of 4 before t = 4 holds 10, 30, 10, 30: overall mean 20, phase 0
    // mean (10 + 10 + 20) / 3.
    const scale = trailingSeasonalScale([10, 30, 10, 30, 99, 0], [0, 1, 0, 1, 0, 1], 2, 4);
    expect(scale[4]).toBeCloseTo(40 / 3 / 20, 12);
    // t = 5 (phase 1): the window holds 30, 10, 30, 99 — mean 42.25; phase 1 has 30 and 30.
    expect(scale[5]).toBeCloseTo((30 + 30 + 42.25) / 3 / 42.25, 12);
    expect(scale[0]).toBe(1);
    // A constant series has factors of exactly 1; nothing before `start` counts.
    expect(
      trailingSeasonalScale([0, 0, 0, 5, 5, 5, 5, 5], [0, 1, 0, 1, 0, 1, 0, 1], 2, 4, 3).slice(5),
    ).toEqual([1, 1, 1]);
  });
});

describe('growth test', () => {
  it('quasi-Poisson z: 140 → 280 with day-to-day spread φ = 1.2 is significant', () => {
    // Each half is two weeks; per weekday the weeks give 8 and 12 (before), 16 and 24 (after):
    // Pearson = 14·(2²/10) + 14·(4²/20) = 16.8 over 28 − 14 degrees of freedom.
    const daily = [...flat(7, 8), ...flat(7, 12), ...flat(7, 16), ...flat(7, 24)];
    const weekdays = daily.map((_, i) => i % 7);
    const g = growthOf('phone', daily, weekdays);
    expect(g).toMatchObject({
      key: 'phone',
      previous: 140,
      current: 280,
      change: 1,
      dispersion: 1.2,
      significant: true,
    });
    expect(g.z).toBeCloseTo(140 / Math.sqrt(1.2 * 420), 2);
    expect(g.p_value!).toBeLessThan(1e-9);
  });

  it('140 → 168 with no spread beyond Poisson is not (z = 1.60, p = 0.11)', () => {
    const g = growthOf(
      'chat',
      [...flat(14, 10), ...flat(14, 12)],
      Array.from({ length: 28 }, (_, i) => i % 7),
    );
    expect(g).toMatchObject({ previous: 140, current: 168, dispersion: 1, z: 1.6, significant: false });
    expect(g.p_value!).toBeCloseTo(0.1106, 3);
  });

  it('two-sided normal tail: 1.96 → 0.05, 2.576 → 0.01', () => {
    expect(twoSidedNormalP(1.959964)).toBeCloseTo(0.05, 6);
    expect(twoSidedNormalP(-2.575829)).toBeCloseTo(0.01, 6);
  });
});
