import type { Channel } from '../../domain/primitives.js';
import type { Store } from '../../store/store.js';
import { volumeForecast } from '../forecast/forecast.js';
import { DEFAULT_HISTORY_DAYS } from '../forecast/params.js';

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/**
 * How much busier each channel will be over the next four weeks than it was in the plan's period: the
 * forecast's mean daily volume (the seasonal-naive one where Holt–Winters lost its backtest) over the
 * period's mean. The plan multiplies its arrivals by these, keeping the period's weekday × hour profile.
 */
export async function forecastVolumeFactors(
  store: Store,
  period: { from: number; to: number; timeZone: string },
): Promise<Partial<Record<Channel, number>>> {
  const report = await volumeForecast(store, {
    from: period.to - DEFAULT_HISTORY_DAYS * 86_400_000,
    to: period.to,
    timeZone: period.timeZone,
    horizonDays: 28,
    seasonality: 'auto',
  });
  const periodDays = Math.round((period.to - period.from) / 86_400_000);
  const out: Partial<Record<Channel, number>> = {};
  for (const s of report.series) {
    if (s.channel === 'all') continue;
    const values = s.history.map((h) => h.value);
    const base = mean(values.slice(-periodDays));
    const ahead = s.recommended === 'holt_winters' ? s.forecast_daily_mean : mean(values.slice(-7));
    if (base > 0) out[s.channel] = Math.round((ahead / base) * 1000) / 1000;
  }
  return out;
}
