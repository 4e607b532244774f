import { nelderMead } from './nelder-mead.js';

export type Seasonality = 'additive' | 'multiplicative';

/** Smoothing weights of level (α), trend (β), season (γ), and the trend's damping φ. */
export interface HwParams {
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
}

export interface HwState {
  level: number;
  trend: number;
  /** seasonal component by phase: season[t mod m] */
  season: number[];
  /** observations absorbed so far (the next one has index t) */
  t: number;
}

export interface HwFit {
  seasonality: Seasonality;
  period: number;
  params: HwParams;
  state: HwState;
  /** one-step-ahead forecasts of the observations, and the mean square of their errors */
  fitted: number[];
  mse: number;
  /** spread of the one-step errors: absolute (additive model) or relative to the forecast (multiplicative) */
  sigma: number;
}

/** The minimum history: two seasons to start from and one more to learn on. */
export const minHistory = (period: number) => 3 * period;

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * Starting state from the first seasons (up to four): the trend from their means, the level just before
 * the first day, each phase's seasonal component averaged over the seasons (normalised to sum 0 / mean 1).
 */
export function initialState(y: readonly number[], m: number, seasonality: Seasonality): HwState {
  const k = Math.min(4, Math.floor(y.length / m));
  const means = Array.from({ length: k }, (_, j) => mean(y.slice(j * m, (j + 1) * m)));
  const trend = k >= 2 ? (means[k - 1]! - means[0]!) / ((k - 1) * m) : 0;
  const level = means[0]! - trend * ((m - 1) / 2 + 1);
  const season = Array.from({ length: m }, (_, i) => {
    const parts = Array.from({ length: k }, (_, j) => {
      const base = level + trend * (j * m + i + 1);
      return seasonality === 'additive' ? y[j * m + i]! - base : y[j * m + i]! / Math.max(base, 1e-9);
    });
    return mean(parts);
  });
  const centre = mean(season);
  return {
    level,
    trend,
    season: season.map((s) => (seasonality === 'additive' ? s - centre : s / (centre || 1))),
    t: 0,
  };
}

/** The forecast h ≥ 1 steps after the state's last observation. */
export function forecastAt(s: HwState, p: HwParams, m: number, seasonality: Seasonality, h: number): number {
  let damp = 0;
  for (let i = 1, f = p.phi; i <= h; i++, f *= p.phi) damp += f;
  const base = s.level + damp * s.trend;
  const season = s.season[(s.t + h - 1) % m]!;
  return seasonality === 'additive' ? base + season : base * season;
}

/** Absorbs one observation (error-correction form of the damped Holt–Winters recursions). */
export function update(s: HwState, p: HwParams, m: number, seasonality: Seasonality, y: number): void {
  const phase = s.t % m;
  const seasonPrev = s.season[phase]!;
  const base = s.level + p.phi * s.trend;
  let level: number;
  if (seasonality === 'additive') {
    level = p.alpha * (y - seasonPrev) + (1 - p.alpha) * base;
    s.season[phase] = p.gamma * (y - base) + (1 - p.gamma) * seasonPrev;
  } else {
    const safeBase = Math.max(base, 1e-9);
    level = p.alpha * (y / Math.max(seasonPrev, 1e-6)) + (1 - p.alpha) * base;
    s.season[phase] = Math.max(1e-6, p.gamma * (y / safeBase) + (1 - p.gamma) * seasonPrev);
  }
  s.trend = p.beta * (level - s.level) + (1 - p.beta) * p.phi * s.trend;
  s.level = level;
  s.t++;
}

function run(y: readonly number[], m: number, seasonality: Seasonality, p: HwParams) {
  const state = initialState(y, m, seasonality);
  const fitted: number[] = [];
  let sse = 0;
  let relative = 0;
  for (const v of y) {
    const f = forecastAt(state, p, m, seasonality, 1);
    fitted.push(f);
    sse += (v - f) ** 2;
    relative += f > 0 ? ((v - f) / f) ** 2 : 0;
    update(state, p, m, seasonality, v);
  }
  return { state, fitted, sse, relative };
}

const sigmoid = (u: number) => 1 / (1 + Math.exp(-u));
const logit = (x: number) => Math.log(x / (1 - x));

/** Unconstrained → admissible: 0 < α < 1, 0 < β ≤ α, 0 < γ ≤ 1 − α, 0.8 ≤ φ ≤ 0.98 (a damped trend). */
function toParams(u: readonly number[]): HwParams {
  const alpha = 0.001 + 0.998 * sigmoid(u[0]!);
  return {
    alpha,
    beta: alpha * sigmoid(u[1]!),
    gamma: (1 - alpha) * sigmoid(u[2]!),
    phi: 0.8 + 0.18 * sigmoid(u[3]!),
  };
}

/** Fits the smoothing parameters by least squares of the one-step-ahead errors (Nelder–Mead, two starts). */
export function fitHoltWinters(y: readonly number[], m: number, seasonality: Seasonality): HwFit {
  if (y.length < minHistory(m))
    throw new RangeError(`Holt–Winters needs at least ${minHistory(m)} observations`);
  const objective = (u: readonly number[]) => run(y, m, seasonality, toParams(u)).sse;
  let best: { x: number[]; value: number } | null = null;
  for (const start of [
    [logit(0.3), logit(0.2), logit(0.2), 0],
    [logit(0.1), logit(0.05), logit(0.4), 1],
  ]) {
    const r = nelderMead(objective, start, { maxEvaluations: 400 });
    if (!best || r.value < best.value) best = r;
  }
  const params = toParams(best!.x);
  const { state, fitted, sse, relative } = run(y, m, seasonality, params);
  const dof = Math.max(1, y.length - 6);
  return {
    seasonality,
    period: m,
    params,
    state,
    fitted,
    mse: sse / y.length,
    sigma: Math.sqrt((seasonality === 'additive' ? sse : relative) / dof),
  };
}

/** Point forecasts for the next `horizon` steps (never below 0: these are counts). */
export function pointForecast(fit: HwFit, horizon: number): number[] {
  return Array.from({ length: horizon }, (_, i) =>
    Math.max(0, forecastAt(fit.state, fit.params, fit.period, fit.seasonality, i + 1)),
  );
}
