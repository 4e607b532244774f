import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { agentsReport } from '../../kpi/agents.js';
import { orgTimeZone } from '../../kpi/org.js';
import { kpiQueryParams, toKpiQuery } from '../../kpi/query-params.js';
import type { Store } from '../../store/store.js';
import { refusingBadParams } from './bad-params.js';

const agentParams = kpiQueryParams.omit({ bucket: true, by: true, kpis: true });

export function agentRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/v1/agents', {
      schema: {
        summary:
          'Agents and teams: each agent’s volume per hour worked, speed and quality figures, with their team’s median',
        description:
          'One row per agent active in the period: hours worked, volume (line 1: tickets processed; lines 2–3: tickets resolved) and per hour, first response within target, AHT, FCR, reopen, CSAT, escalation (of the tickets handled at line 1), break compliance; per team the median over its agents of each figure. `agent`, `team`, `line` choose agents by profile; the other filters cut their tickets and contacts.',
        tags: ['kpis'],
        querystring: agentParams,
      },
      config: { permission: 'kpis:read' },
      handler: async (req) => {
        const timeZone = await orgTimeZone(store);
        const { query } = await refusingBadParams(() => toKpiQuery(req.query, timeZone, Date.now()));
        return agentsReport(store, query);
      },
    });
  };
}
