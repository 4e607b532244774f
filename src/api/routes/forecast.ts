import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { volumeForecast } from '../../kpi/forecast/forecast.js';
import { volumeGrowth } from '../../kpi/forecast/growth.js';
import { forecastParams, forecastPeriod } from '../../kpi/forecast/params.js';
import { orgTimeZone } from '../../kpi/org.js';
import type { Store } from '../../store/store.js';
import { bucketStart } from '../../time/buckets.js';
import { startOfLocalDate } from '../../time/local-date.js';
import { refusingBadInput } from './bad-input.js';

const growthParams = z.strictObject({
  to: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
    .optional(),
  weeks: z.coerce.number().int('must be a whole number').min(1).max(26).default(4),
});

export function forecastRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/v1/forecast', {
      schema: {
        summary: 'The next 1–12 weeks of daily volume per channel, with 80/95 % intervals and a backtest',
        description:
          "Damped Holt–Winters with weekly seasonality (additive or multiplicative: `seasonality=auto` takes the smaller one-step error) on contacts offered per day (tickets created where there are no contacts), in the organisation's time zone, for every channel and for all together. History: `from`–`to` (dates, `to` inclusive; default the year up to yesterday). Each series has a rolling-origin backtest (MAPE, sMAPE) against the seasonal-naive forecast and says which to trust.",
        tags: ['forecast'],
        querystring: forecastParams,
      },
      config: { permission: 'kpis:read' },
      handler: async (req) =>
        refusingBadInput(async () => {
          const timeZone = await orgTimeZone(store);
          const p = req.query;
          return volumeForecast(store, {
            ...forecastPeriod(p, timeZone, Date.now()),
            timeZone,
            horizonDays: p.weeks * 7,
            seasonality: p.seasonality,
            ...(p.channel ? { channels: p.channel } : {}),
          });
        }),
    });
    app.get('/api/v1/growth', {
      schema: {
        summary:
          'Volume of the last weeks against the weeks before, per channel and category, flagged when significant',
        description:
          'Two periods of `weeks` whole weeks each, ending with `to` (a date, inclusive; default yesterday). A change is significant when a quasi-Poisson z-test gives p < 0.01 (with at least 20 items in the two periods).',
        tags: ['forecast'],
        querystring: growthParams,
      },
      config: { permission: 'kpis:read' },
      handler: async (req) => {
        const tz = await orgTimeZone(store);
        const to = req.query.to
          ? bucketStart(startOfLocalDate(req.query.to, tz) + 36 * 3_600_000, 'day', tz)
          : bucketStart(Date.now(), 'day', tz);
        return volumeGrowth(store, to, req.query.weeks, tz);
      },
    });
  };
}
