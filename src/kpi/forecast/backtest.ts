import { fitHoltWinters, type HwFit, minHistory, pointForecast, type Seasonality } from './holt-winters.js';

export interface ErrorMetrics {
  /** mean |error| / actual over the points whose actual is above 0 (null if none is) */
  mape: number | null;
  /** mean 2|error| / (|actual| + |forecast|), a point where both are 0 counting as no error */
  smape: number;
  points: number;
}

export function errorMetrics(actual: readonly number[], predicted: readonly number[]): ErrorMetrics {
  let ape = 0;
  let apeN = 0;
  let sape = 0;
  actual.forEach((a, i) => {
    const e = Math.abs(a - predicted[i]!);
    if (a > 0) {
      ape += e / a;
      apeN++;
    }
    const scale = Math.abs(a) + Math.abs(predicted[i]!);
    sape += scale > 0 ? (2 * e) / scale : 0;
  });
  return {
    mape: apeN > 0 ? ape / apeN : null,
    smape: actual.length ? sape / actual.length : 0,
    points: actual.length,
  };
}

/** The seasonal-naive forecast: each day as the same weekday of the last observed week. */
export function seasonalNaive(history: readonly number[], horizon: number, m: number): number[] {
  const n = history.length;
  return Array.from({ length: horizon }, (_, i) => history[n + i - m * Math.ceil((i + 1) / m)]!);
}

/** Multiplicative seasonality only where every value is positive: a zero day would make its factor 0. */
export function fitBest(y: readonly number[], m: number, seasonality: Seasonality | 'auto'): HwFit {
  if (seasonality !== 'auto') return fitHoltWinters(y, m, seasonality);
  const additive = fitHoltWinters(y, m, 'additive');
  if (y.some((v) => v <= 0)) return additive;
  const multiplicative = fitHoltWinters(y, m, 'multiplicative');
  return multiplicative.mse < additive.mse ? multiplicative : additive;
}

export interface Backtest {
  origins: number;
  horizon_days: number;
  model: ErrorMetrics;
  seasonal_naive: ErrorMetrics;
  beats_baseline: boolean;
  verdict: string;
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

/**
 * Rolling-origin backtest: at origins one week apart (the latest `horizon` days before the end, then a
 * week earlier, … up to `maxOrigins`, each with at least four weeks to learn from), the model is fitted
 * on the history before the origin alone and forecasts the next `horizon` days; so is the seasonal-naive
 * forecast. Their errors over all origins are compared by sMAPE (MAPE is undefined on zero days).
 */
export function rollingBacktest(
  y: readonly number[],
  m: number,
  seasonality: Seasonality | 'auto',
  horizon: number,
  maxOrigins = 8,
): Backtest | null {
  const actual: number[] = [];
  const model: number[] = [];
  const naive: number[] = [];
  let origins = 0;
  for (let k = 0; k < maxOrigins; k++) {
    const origin = y.length - horizon - k * m;
    if (origin < Math.max(minHistory(m), 4 * m)) break;
    const train = y.slice(0, origin);
    actual.push(...y.slice(origin, origin + horizon));
    model.push(...pointForecast(fitBest(train, m, seasonality), horizon));
    naive.push(...seasonalNaive(train, horizon, m));
    origins++;
  }
  if (origins === 0) return null;
  const mine = errorMetrics(actual, model);
  const base = errorMetrics(actual, naive);
  const beats = mine.smape < base.smape;
  const figures = `sMAPE ${pct(mine.smape)} against ${pct(base.smape)} over ${origins} origin${origins > 1 ? 's' : ''} × ${horizon} days`;
  return {
    origins,
    horizon_days: horizon,
    model: mine,
    seasonal_naive: base,
    beats_baseline: beats,
    verdict: beats
      ? `Holt–Winters beats the seasonal-naive forecast in the backtest (${figures})`
      : `Holt–Winters does not beat the seasonal-naive forecast on this history (${figures}): trust the seasonal-naive figures instead`,
  };
}
