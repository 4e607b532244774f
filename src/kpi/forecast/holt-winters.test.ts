import { describe, expect, it } from 'vitest';
import { errorMetrics, rollingBacktest, seasonalNaive } from './backtest.js';
import {
  fitHoltWinters,
  forecastAt,
  type HwFit,
  type HwState,
  initialState,
  pointForecast,
  update,
} from './holt-winters.js';
import { simulatedIntervals } from './intervals.js';

const params = { alpha: 0.5, beta: 0.2, gamma: 0.3, phi: 0.9 };

describe('Holt–Winters recursions', () => {
  it('starts from the first seasons: a straight line plus a season is captured exactly', () => {
    // Seasons of 2: means 15, 17, 19 → trend (19 − 15) / 4 = 1; level before day 0 = 15 − 1.5 = 13.5;
    // phase 0 sits 4.5 below the line, phase 1 4.5 above.
    const y = [10, 20, 12, 22, 14, 24];
    const s = initialState(y, 2, 'additive');
    expect(s).toEqual({ level: 13.5, trend: 1, season: [-4.5, 4.5], t: 0 });
    const p = { alpha: 0.5, beta: 0.5, gamma: 0.5, phi: 1 };
    for (const v of y) {
      expect(forecastAt(s, p, 2, 'additive', 1)).toBeCloseTo(v, 12);
      update(s, p, 2, 'additive', v);
    }
    expect(forecastAt(s, p, 2, 'additive', 1)).toBeCloseTo(16, 12);
    expect(forecastAt(s, p, 2, 'additive', 2)).toBeCloseTo(26, 12);
  });

  it('absorbs one observation as the additive equations say', () => {
    const s: HwState = { level: 10, trend: 1, season: [-2, 2], t: 0 };
    // forecast = 10 + 0.9·1 − 2 = 8.9
    expect(forecastAt(s, params, 2, 'additive', 1)).toBeCloseTo(8.9, 12);
    update(s, params, 2, 'additive', 12);
    // level = 0.5·(12 + 2) + 0.5·10.9 = 12.45; season = 0.3·(12 − 10.9) + 0.7·(−2) = −1.07;
    // trend = 0.2·(12.45 − 10) + 0.8·0.9·1 = 1.21
    expect(s.level).toBeCloseTo(12.45, 12);
    expect(s.season[0]).toBeCloseTo(-1.07, 12);
    expect(s.trend).toBeCloseTo(1.21, 12);
    expect(s.t).toBe(1);
  });

  it('absorbs one observation as the multiplicative equations say', () => {
    const s: HwState = { level: 10, trend: 1, season: [0.8, 1.2], t: 0 };
    expect(forecastAt(s, params, 2, 'multiplicative', 1)).toBeCloseTo(10.9 * 0.8, 12);
    update(s, params, 2, 'multiplicative', 12);
    // level = 0.5·12/0.8 + 0.5·10.9 = 12.95; season = 0.3·12/10.9 + 0.7·0.8; trend = 0.2·2.95 + 0.72
    expect(s.level).toBeCloseTo(12.95, 12);
    expect(s.season[0]).toBeCloseTo(0.3 * (12 / 10.9) + 0.56, 12);
    expect(s.trend).toBeCloseTo(1.31, 12);
  });

  it('damps the trend: h steps ahead add (φ + φ² + … + φ^h) of it', () => {
    const s: HwState = { level: 100, trend: 10, season: [0, 0], t: 0 };
    expect(forecastAt(s, params, 2, 'additive', 3)).toBeCloseTo(100 + 10 * (0.9 + 0.81 + 0.729), 12);
  });
});

const WEEK = [10, 5, 0, -5, -10, 20, -20];

describe('fitting', () => {
  it('learns a noiseless weekly pattern with a trend and forecasts it within 2 %', () => {
    const truth = (t: number) => 100 + 2 * t + WEEK[t % 7]!;
    const y = Array.from({ length: 70 }, (_, t) => truth(t));
    const fit = fitHoltWinters(y, 7, 'additive');
    pointForecast(fit, 14).forEach((f, h) => {
      expect(Math.abs(f - truth(70 + h)) / truth(70 + h)).toBeLessThan(0.02);
    });
  });

  it('learns multiplicative weekly factors', () => {
    const factors = [1.2, 1.1, 1, 1, 0.9, 0.5, 0.3];
    const y = Array.from({ length: 56 }, (_, t) => 200 * factors[t % 7]!);
    const fit = fitHoltWinters(y, 7, 'multiplicative');
    pointForecast(fit, 7).forEach((f, h) => {
      expect(f).toBeCloseTo(200 * factors[h]!, 0);
    });
  });

  it('refuses fewer than three seasons', () => {
    expect(() => fitHoltWinters([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 7, 'additive')).toThrow(/at least 21/);
  });
});

describe('prediction intervals', () => {
  const fit: HwFit = {
    seasonality: 'additive',
    period: 7,
    params: { alpha: 0.2, beta: 0.05, gamma: 0.1, phi: 0.9 },
    state: { level: 100, trend: 0, season: [0, 0, 0, 0, 0, 0, 0], t: 0 },
    fitted: [],
    mse: 25,
    sigma: 5,
  };

  it('one day ahead: the forecast ± 1.28σ (80 %) and ± 1.96σ (95 %) of a normal error', () => {
    const [first] = simulatedIntervals(fit, 1, 4000);
    expect(first!.upper_95 - 100).toBeGreaterThan(1.96 * 5 * 0.93);
    expect(first!.upper_95 - 100).toBeLessThan(1.96 * 5 * 1.07);
    expect(100 - first!.lower_80).toBeGreaterThan(1.2816 * 5 * 0.93);
    expect(100 - first!.lower_80).toBeLessThan(1.2816 * 5 * 1.07);
  });

  it('widen with the horizon, the 80 % interval inside the 95 %, never below 0', () => {
    const iv = simulatedIntervals({ ...fit, state: { ...fit.state, level: 5 } }, 28);
    for (let h = 0; h < 28; h++) {
      expect(iv[h]!.lower_95).toBeLessThanOrEqual(iv[h]!.lower_80);
      expect(iv[h]!.upper_80).toBeLessThanOrEqual(iv[h]!.upper_95);
      expect(iv[h]!.lower_95).toBeGreaterThanOrEqual(0);
    }
    expect(iv[27]!.upper_95 - iv[27]!.lower_95).toBeGreaterThan(iv[0]!.upper_95 - iv[0]!.lower_95);
  });
});

describe('backtest', () => {
  it('computes MAPE (zero days left out) and sMAPE (0/0 counts as no error)', () => {
    const m = errorMetrics([100, 0, 50, 0], [90, 10, 50, 0]);
    expect(m.mape).toBeCloseTo((0.1 + 0) / 2, 12);
    expect(m.smape).toBeCloseTo((20 / 190 + 2 + 0 + 0) / 4, 12);
    expect(m.points).toBe(4);
    expect(errorMetrics([0], [0]).mape).toBeNull();
  });

  it('repeats the last observed week for the seasonal-naive forecast', () => {
    const history = Array.from({ length: 14 }, (_, i) => i + 1);
    expect(seasonalNaive(history, 9, 7)).toEqual([8, 9, 10, 11, 12, 13, 14, 8, 9]);
  });

  it('says so when Holt–Winters does not beat the seasonal-naive forecast', () => {
    // A week that repeats exactly: the naive forecast makes no error at all, so nothing can beat it.
    const y = Array.from({ length: 70 }, (_, t) => 100 + WEEK[t % 7]!);
    const b = rollingBacktest(y, 7, 'auto', 14)!;
    expect(b.origins).toBe(5); // origins at 56, 49, 42, 35, 28 days of history
    expect(b.seasonal_naive.smape).toBe(0);
    expect(b.beats_baseline).toBe(false);
    expect(b.verdict).toMatch(/does not beat the seasonal-naive forecast/);
  });

  it('beats the seasonal-naive forecast where noise makes last week a poor guide', () => {
    // A deterministic pseudo-random ±15 % around a weekly pattern.
    let seed = 7;
    const noise = () => {
      seed = (seed * 16807) % 2147483647;
      return (seed / 2147483647 - 0.5) * 0.3;
    };
    const y = Array.from({ length: 98 }, (_, t) => Math.round((200 + WEEK[t % 7]! * 4) * (1 + noise())));
    const b = rollingBacktest(y, 7, 'auto', 14)!;
    expect(b.beats_baseline).toBe(true);
    expect(b.model.smape).toBeLessThan(b.seasonal_naive.smape);
  });
});
