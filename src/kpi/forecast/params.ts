import { z } from 'zod';
import { bucketStart } from '../../time/buckets.js';
import { channelList, whenString } from '../decision-params.js';
import { toKpiQuery } from '../query-params.js';

/** The forecast's parameters as the CLI and the API take them (strings in). */
export const forecastParams = z.strictObject({
  from: whenString.optional(),
  to: whenString.optional(),
  weeks: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1)
    .max(12)
    .default(4),
  seasonality: z.enum(['auto', 'additive', 'multiplicative']).default('auto'),
  channel: channelList.optional(),
});
export type ForecastParams = z.output<typeof forecastParams>;

/** Days of history learnt from by default. */
export const DEFAULT_HISTORY_DAYS = 365;

/**
 * The history: dates are whole local days (`to` inclusive); by default the year up to yesterday, since
 * today is not over yet.
 */
export function forecastPeriod(
  p: ForecastParams,
  timeZone: string,
  now: number,
): { from: number; to: number } {
  const to = p.to
    ? toKpiQuery({ time: 'calendar', to: p.to }, timeZone, now).query.to
    : bucketStart(now, 'day', timeZone);
  const from = p.from
    ? toKpiQuery({ time: 'calendar', from: p.from, ...(p.to ? { to: p.to } : {}) }, timeZone, now).query.from
    : to - DEFAULT_HISTORY_DAYS * 86_400_000;
  return { from, to };
}
