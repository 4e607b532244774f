import { forecastAt, type HwFit, update } from './holt-winters.js';

export interface IntervalPoint {
  lower_80: number;
  upper_80: number;
  lower_95: number;
  upper_95: number;
}

/** A small seeded generator (mulberry32) so that the same history always gives the same intervals. */
function uniform(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(next: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
}

function quantile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  return sorted[lo]! + (sorted[Math.min(lo + 1, sorted.length - 1)]! - sorted[lo]!) * (pos - lo);
}

/**
 * Prediction intervals by simulating the fitted model forward: each path draws one-step errors from a
 * normal with the fit's σ (absolute for the additive model, relative for the multiplicative one) and
 * feeds them through the same recursions, so uncertainty in level, trend and season compounds with the
 * horizon as the model says it does. 80 % and 95 % intervals are the paths' quantiles, floored at 0.
 */
export function simulatedIntervals(fit: HwFit, horizon: number, paths = 1000, seed = 1): IntervalPoint[] {
  const z = gaussian(uniform(seed));
  const draws: number[][] = Array.from({ length: horizon }, () => []);
  for (let p = 0; p < paths; p++) {
    const state = { ...fit.state, season: [...fit.state.season] };
    for (let h = 0; h < horizon; h++) {
      const f = forecastAt(state, fit.params, fit.period, fit.seasonality, 1);
      const y = fit.seasonality === 'additive' ? f + fit.sigma * z() : f * (1 + fit.sigma * z());
      draws[h]!.push(Math.max(0, y));
      update(state, fit.params, fit.period, fit.seasonality, y);
    }
  }
  return draws.map((d) => {
    d.sort((a, b) => a - b);
    return {
      lower_80: quantile(d, 0.1),
      upper_80: quantile(d, 0.9),
      lower_95: quantile(d, 0.025),
      upper_95: quantile(d, 0.975),
    };
  });
}
