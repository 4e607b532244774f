import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { csvLine, FACT_EXPORT_COLUMNS, ticketFactRows } from '../../kpi/facts-export.js';
import { orgTimeZone } from '../../kpi/org.js';
import { prometheusMetrics } from '../../kpi/prometheus.js';
import { kpiQueryParams, QueryError, toKpiQuery } from '../../kpi/query-params.js';
import type { Store } from '../../store/store.js';
import { HttpError } from '../errors.js';

export function exportRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/v1/facts', {
      schema: {
        summary:
          'One row per ticket created in the period: milestones, counters, flags, durations (CSV or NDJSON)',
        tags: ['kpis'],
        querystring: kpiQueryParams
          .pick({ from: true, to: true })
          .extend({ format: z.enum(['csv', 'ndjson']).default('csv') }),
      },
      handler: async (req, reply) => {
        let period: { from: number; to: number };
        try {
          period = toKpiQuery({ ...req.query, time: 'calendar' }, await orgTimeZone(store), Date.now()).query;
        } catch (err) {
          if (err instanceof QueryError) throw new HttpError(400, 'invalid_request', err.message);
          throw err;
        }
        const rows = ticketFactRows(store.db, period.from, period.to);
        const csv = req.query.format === 'csv';
        async function* lines() {
          if (csv) yield csvLine(FACT_EXPORT_COLUMNS);
          for await (const r of rows)
            yield csv ? csvLine(FACT_EXPORT_COLUMNS.map((c) => r[c])) : `${JSON.stringify(r)}\n`;
        }
        reply.header('content-type', csv ? 'text/csv; charset=utf-8' : 'application/x-ndjson');
        if (csv) reply.header('content-disposition', 'attachment; filename="ticket-facts.csv"');
        return reply.send(Readable.from(lines()));
      },
    });
    app.get('/metrics', {
      schema: {
        summary: 'Headline KPIs (last hour and day, per channel) in the Prometheus text format',
        tags: ['system'],
      },
      handler: async (_req, reply) => {
        reply.header('content-type', 'text/plain; version=0.0.4; charset=utf-8');
        return prometheusMetrics(store);
      },
    });
  };
}
