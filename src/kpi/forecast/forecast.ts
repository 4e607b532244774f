import { CHANNELS, type Channel } from '../../domain/primitives.js';
import type { Store } from '../../store/store.js';
import { type Backtest, fitBest, rollingBacktest } from './backtest.js';
import { type HwParams, minHistory, pointForecast, type Seasonality } from './holt-winters.js';
import { type IntervalPoint, simulatedIntervals } from './intervals.js';
import { dailyVolumes, dayLabel } from './series.js';

/** Weekly seasonality of daily volumes. */
export const PERIOD = 7;

export class ForecastInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

export interface ForecastOptions {
  /** history [from, to): whole local days */
  from: number;
  to: number;
  timeZone: string;
  /** days ahead, 7–84 (the 4–12 weeks by default 28) */
  horizonDays: number;
  seasonality: Seasonality | 'auto';
  channels?: readonly Channel[];
  /** days each backtest origin forecasts (default 14, at most the horizon) */
  backtestDays?: number;
}

export interface SeriesForecast {
  /** a channel, or 'all' for the sum of every channel */
  channel: Channel | 'all';
  model: {
    method: 'holt_winters';
    seasonality: Seasonality;
    damped_trend: true;
    period_days: number;
  } & HwParams & {
      sigma: number;
    };
  history: { date: string; value: number }[];
  forecast: ({ date: string; value: number } & IntervalPoint)[];
  backtest: Backtest | null;
  /** which figures to plan with: Holt–Winters unless it lost to the seasonal-naive forecast */
  recommended: 'holt_winters' | 'seasonal_naive';
  /** mean daily volume over the last four weeks of history, and over the forecast */
  recent_daily_mean: number;
  forecast_daily_mean: number;
}

export interface ForecastReport {
  period: { from: string; to: string; time_zone: string; history_days: number };
  measure: 'contacts_offered' | 'tickets_created';
  horizon_days: number;
  series: SeriesForecast[];
}

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
const meanOf = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

function forecastSeries(
  channel: Channel | 'all',
  y: number[],
  firstDay: number,
  o: ForecastOptions,
): SeriesForecast {
  const fit = fitBest(y, PERIOD, o.seasonality);
  const points = pointForecast(fit, o.horizonDays);
  const intervals = simulatedIntervals(fit, o.horizonDays);
  const backtest = rollingBacktest(y, PERIOD, o.seasonality, Math.min(o.backtestDays ?? 14, o.horizonDays));
  const lastDay = firstDay + y.length - 1;
  return {
    channel,
    model: {
      method: 'holt_winters',
      seasonality: fit.seasonality,
      damped_trend: true,
      period_days: PERIOD,
      alpha: round(fit.params.alpha, 4),
      beta: round(fit.params.beta, 4),
      gamma: round(fit.params.gamma, 4),
      phi: round(fit.params.phi, 4),
      sigma: round(fit.sigma, 4),
    },
    history: y.map((value, i) => ({ date: dayLabel(firstDay + i), value })),
    forecast: points.map((value, i) => ({
      date: dayLabel(lastDay + 1 + i),
      value: round(value),
      lower_80: round(intervals[i]!.lower_80),
      upper_80: round(intervals[i]!.upper_80),
      lower_95: round(intervals[i]!.lower_95),
      upper_95: round(intervals[i]!.upper_95),
    })),
    backtest,
    recommended: backtest && !backtest.beats_baseline ? 'seasonal_naive' : 'holt_winters',
    recent_daily_mean: round(meanOf(y.slice(-4 * PERIOD)), 2),
    forecast_daily_mean: round(meanOf(points), 2),
  };
}

/**
 * The next weeks of daily volume per channel (and in all): damped Holt–Winters with weekly seasonality,
 * additive or multiplicative (chosen by the smaller one-step error unless given), prediction intervals
 * by simulation, and a rolling-origin backtest against the seasonal-naive forecast.
 */
export async function volumeForecast(store: Store, o: ForecastOptions): Promise<ForecastReport> {
  if (!Number.isInteger(o.horizonDays) || o.horizonDays < 7 || o.horizonDays > 84)
    throw new ForecastInputError('horizon_days', 'must be a whole number of days from 7 to 84');
  const daily = await dailyVolumes(store, o.from, o.to, o.timeZone);
  if (daily.days < minHistory(PERIOD))
    throw new ForecastInputError(
      'from',
      `a forecast needs at least ${minHistory(PERIOD)} whole days of history; the period holds ${daily.days}`,
    );
  const channels = CHANNELS.filter((c) => daily.byChannel.has(c) && (!o.channels || o.channels.includes(c)));
  const total = new Array<number>(daily.days).fill(0);
  for (const c of channels) {
    daily.byChannel.get(c)!.forEach((v, i) => {
      total[i]! += v;
    });
  }
  return {
    period: {
      from: dayLabel(daily.firstDay),
      to: dayLabel(daily.firstDay + daily.days - 1),
      time_zone: o.timeZone,
      history_days: daily.days,
    },
    measure: daily.measure,
    horizon_days: o.horizonDays,
    series: [
      forecastSeries('all', total, daily.firstDay, o),
      ...channels.map((c) => forecastSeries(c, daily.byChannel.get(c)!, daily.firstDay, o)),
    ],
  };
}
