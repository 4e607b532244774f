import type { Command } from 'commander';
import type { Config } from '../../config.js';
import { type ForecastReport, volumeForecast } from '../../kpi/forecast/forecast.js';
import { type GrowthReport, type GrowthRow, volumeGrowth } from '../../kpi/forecast/growth.js';
import { forecastParams, forecastPeriod } from '../../kpi/forecast/params.js';
import { orgTimeZone } from '../../kpi/org.js';
import { openStore } from '../../store/open.js';
import { bucketStart } from '../../time/buckets.js';
import { startOfLocalDate } from '../../time/local-date.js';
import { formatShare, table } from '../format.js';
import { optionError, snakeOptions } from '../options.js';

function printForecast(r: ForecastReport): void {
  const models = r.series.map((s) => [
    s.channel,
    `${s.model.seasonality}, α ${s.model.alpha} β ${s.model.beta} γ ${s.model.gamma} φ ${s.model.phi}`,
    s.backtest ? formatShare(s.backtest.model.smape) : '—',
    s.backtest ? formatShare(s.backtest.seasonal_naive.smape) : '—',
    s.backtest ? (s.backtest.beats_baseline ? 'yes' : 'NO') : '—',
    String(s.recent_daily_mean),
    String(s.forecast_daily_mean),
  ]);
  const weeks = Math.ceil(r.horizon_days / 7);
  const weekly = r.series.map((s) => [
    s.channel,
    ...Array.from({ length: weeks }, (_, w) =>
      String(Math.round(s.forecast.slice(w * 7, w * 7 + 7).reduce((a, f) => a + f.value, 0))),
    ),
  ]);
  const starts = Array.from({ length: weeks }, (_, w) => r.series[0]?.forecast[w * 7]?.date ?? '');
  process.stdout.write(
    `Forecast of ${r.measure.replace('_', ' ')} per day, ${r.horizon_days} days ahead, from ${r.period.history_days} days ` +
      `of history (${r.period.from} – ${r.period.to}, ${r.period.time_zone}); damped Holt–Winters, weekly seasonality\n\n` +
      `${table(['channel', 'model', 'sMAPE', 'naive sMAPE', 'beats naive', 'last 4 wk/day', 'forecast/day'], models)}\n\n` +
      `Forecast per week (sum of daily forecasts; week starting)\n\n${table(['channel', ...starts], weekly)}\n\n` +
      `${r.series.map((s) => `${s.channel}: ${s.backtest?.verdict ?? 'too little history for a backtest'}.`).join('\n')}\n`,
  );
}

export async function forecast(
  config: Config,
  options: Record<string, unknown>,
  json: boolean,
): Promise<void> {
  let p: ReturnType<typeof forecastParams.parse>;
  try {
    p = forecastParams.parse(snakeOptions(options));
  } catch (err) {
    throw optionError(err);
  }
  const store = await openStore(config.db);
  try {
    const timeZone = await orgTimeZone(store);
    const report = await volumeForecast(store, {
      ...forecastPeriod(p, timeZone, Date.now()),
      timeZone,
      horizonDays: p.weeks * 7,
      seasonality: p.seasonality,
      ...(p.channel ? { channels: p.channel } : {}),
    });
    if (json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else printForecast(report);
  } finally {
    await store.close();
  }
}

/** `firstline forecast`: the next weeks of daily volume per channel, with intervals and a backtest. */
export function registerForecast(program: Command, config: () => Config): void {
  program
    .command('forecast')
    .description(
      'the next 1–12 weeks of daily volume per channel (damped Holt–Winters, weekly seasonality, 80/95 % intervals), backtested against the seasonal-naive forecast',
    )
    .option('--from <date>', 'first day of history (YYYY-MM-DD); default a year before --to')
    .option('--to <date>', 'last day of history, inclusive; default yesterday')
    .option('--weeks <n>', 'weeks ahead, 1–12 (default 4)')
    .option(
      '--seasonality <kind>',
      'auto | additive | multiplicative (default auto: the smaller one-step error)',
    )
    .option('--channel <list>', 'only these channels, comma-separated')
    .option('--json', 'print JSON (daily history, forecast with intervals, backtest)')
    .action(async (opts: Record<string, unknown>) => forecast(config(), opts, Boolean(opts.json)));
  program
    .command('growth')
    .description(
      'volume of the last weeks against the weeks before, per channel and category, flagged when significant (quasi-Poisson z-test, p < 0.01)',
    )
    .option('--to <date>', 'last day, inclusive (default yesterday)')
    .option('--weeks <n>', 'weeks in each period (default 4)')
    .option('--json', 'print JSON')
    .action(async (opts: { to?: string; weeks?: string; json?: boolean }) => growth(config(), opts));
}

function printGrowth(g: GrowthReport): void {
  const rows = (list: readonly GrowthRow[]) =>
    list.map((r) => [
      r.key,
      String(r.previous),
      String(r.current),
      r.change === null ? '—' : `${r.change >= 0 ? '+' : ''}${(r.change * 100).toFixed(1)} %`,
      r.z === null ? '—' : r.z.toFixed(2),
      r.p_value === null ? '—' : r.p_value < 0.0001 ? '< 0.0001' : r.p_value.toFixed(4),
      r.significant ? (r.change !== null && r.change < 0 ? 'FALL' : 'GROWTH') : '',
    ]);
  const head = ['', 'previous', 'current', 'change', 'z', 'p', 'flag'];
  process.stdout.write(
    `Volume ${g.current.from} – ${g.current.to} against ${g.previous.from} – ${g.previous.to} (${g.time_zone}); ${g.test}\n\n` +
      `${table(['channel', ...head.slice(1)], rows(g.channels))}\n\n${table(['category', ...head.slice(1)], rows(g.categories))}\n`,
  );
}

/** `firstline growth`: the last weeks against the weeks before, per channel and category. */
export async function growth(
  config: Config,
  opts: { to?: string; weeks?: string; json?: boolean },
): Promise<void> {
  const weeks = Number(opts.weeks ?? 4);
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 26)
    throw new Error('--weeks: must be a whole number from 1 to 26');
  if (opts.to && !/^\d{4}-\d{2}-\d{2}$/.test(opts.to)) throw new Error('--to: must be a date YYYY-MM-DD');
  const store = await openStore(config.db);
  try {
    const tz = await orgTimeZone(store);
    const to = opts.to
      ? bucketStart(startOfLocalDate(opts.to, tz) + 36 * 3_600_000, 'day', tz)
      : bucketStart(Date.now(), 'day', tz);
    const report = await volumeGrowth(store, to, weeks, tz);
    if (opts.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else printGrowth(report);
  } finally {
    await store.close();
  }
}
