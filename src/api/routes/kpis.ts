import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { kpiItems } from '../../kpi/drilldown.js';
import { loadTargets, TARGETS_KEY } from '../../kpi/engine.js';
import { orgTimeZone } from '../../kpi/org.js';
import { kpiQueryParams, toKpiQuery } from '../../kpi/query-params.js';
import { KPIS } from '../../kpi/registry.js';
import { KpiResultCache } from '../../kpi/result-cache.js';
import { targetSettings } from '../../kpi/targets.js';
import { DIMENSIONS, KPI_IDS } from '../../kpi/types.js';
import { whyItMoved } from '../../kpi/why.js';
import type { Store } from '../../store/store.js';
import { agentRoutes } from './agents.js';
import { refusingBadParams } from './bad-params.js';
import { benchmarkRoutes } from './benchmarks.js';

async function resolve(store: Store, raw: z.output<typeof kpiQueryParams>) {
  const timeZone = await orgTimeZone(store);
  return refusingBadParams(() => toKpiQuery(raw, timeZone, Date.now()));
}

const itemParams = kpiQueryParams.extend({
  bucket_start: z.iso.datetime({ offset: true }).optional(),
  group: z.string().optional(),
  state: z.enum(['hit', 'miss', 'done', 'pending', 'within', 'over']).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
});

export function kpiRoutes(store: Store): FastifyPluginAsyncZod {
  const results = new KpiResultCache(store);
  return async (app) => {
    // the agents table and the channel benchmarks are views of the KPI engine: registered with it
    await app.register(agentRoutes(store));
    await app.register(benchmarkRoutes(store));
    app.get('/api/v1/kpis', {
      schema: {
        summary: 'The KPIs of a cut: period, buckets, filters, group-by; each with target, tier and trend',
        description:
          "Lists are comma-separated (channel=phone,chat). Dates (YYYY-MM-DD) are whole days in the organisation's time zone, `to` inclusive.",
        tags: ['kpis'],
        querystring: kpiQueryParams,
      },
      handler: async (req) => {
        const { query, kpis } = await resolve(store, req.query);
        return results.get(query, kpis);
      },
    });
    app.get('/api/v1/kpis/:id/items', {
      schema: {
        summary: 'The tickets, contacts or work stretches behind a KPI value (drill-down), paginated',
        tags: ['kpis'],
        params: z.object({ id: z.enum(KPI_IDS) }),
        querystring: itemParams,
      },
      handler: async (req) => {
        const { bucket_start, group, state, offset, limit, ...rest } = req.query;
        const { query } = await resolve(store, rest);
        return kpiItems(store, query, req.params.id, {
          ...(bucket_start ? { bucketStart: Date.parse(bucket_start) } : {}),
          ...(group !== undefined ? { group } : {}),
          ...(state ? { state } : {}),
          offset,
          limit,
        });
      },
    });
    app.get('/api/v1/kpis/:id/why', {
      schema: {
        summary:
          "Why a KPI moved against the previous period: each value of a dimension's mix and rate effects (they add up to the change)",
        tags: ['kpis'],
        params: z.object({ id: z.enum(KPI_IDS) }),
        description:
          'Parts add up exactly to the change (docs/dashboard.md). A duration is decomposed by its headline, the share within target (else its mean); `measure` chooses. `by=tag` is refused: tags overlap.',
        querystring: kpiQueryParams.extend({
          by: z.enum(DIMENSIONS),
          measure: z.enum(['share', 'mean_s']).optional(),
        }),
      },
      handler: async (req) => {
        const { measure, ...rest } = req.query;
        const { query } = await resolve(store, rest);
        return refusingBadParams(() => whyItMoved(store, query, req.params.id, rest.by, measure));
      },
    });
    app.get('/api/v1/kpi-definitions', {
      schema: {
        summary:
          'Every KPI: definition, formula, reference instant, unit, counterparts (English and Russian)',
        tags: ['kpis'],
      },
      handler: async () => KPIS.map(({ family: _f, ...def }) => def),
    });
    app.get('/api/v1/targets', {
      schema: {
        summary: 'SLA policies per channel and priority with tiers, and rate targets',
        tags: ['kpis'],
      },
      handler: async () => loadTargets(store),
    });
    app.put('/api/v1/targets', {
      schema: { summary: 'Replace the targets', tags: ['kpis'], body: targetSettings },
      handler: async (req) => {
        await store.putSetting(TARGETS_KEY, req.body);
        return loadTargets(store);
      },
    });
  };
}
