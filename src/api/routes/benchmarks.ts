import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { channelBenchmarks } from '../../kpi/benchmarks.js';
import { orgTimeZone } from '../../kpi/org.js';
import { kpiQueryParams, toKpiQuery } from '../../kpi/query-params.js';
import type { Store } from '../../store/store.js';
import { refusingBadParams } from './bad-params.js';

const benchmarkParams = kpiQueryParams.omit({ bucket: true, by: true, kpis: true });

export function benchmarkRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/v1/benchmarks', {
      schema: {
        summary: 'First response per channel against the seed benchmarks (e-mail, social, chat)',
        description:
          'Per channel: answered and pending items, median, p90, mean, share within the organisation’s target and its tier; for e-mail, social and chat the seed benchmark (SPEC §4: ≤ 1 h / 4 h / 12 h, ≤ 15 min / 1 h / 2 h, ≤ 1 min / 5 min / 1 h), the share of answered items within each threshold and the tier at least half of them reach, now and in the previous period.',
        tags: ['kpis'],
        querystring: benchmarkParams,
      },
      config: { permission: 'kpis:read' },
      handler: async (req) => {
        const timeZone = await orgTimeZone(store);
        const { query } = await refusingBadParams(() => toKpiQuery(req.query, timeZone, Date.now()));
        return channelBenchmarks(store, query);
      },
    });
  };
}
