import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { calculatorAnswer, calculatorJson, planFromParams } from '../../kpi/staffing/answer.js';
import { staffingParams } from '../../kpi/staffing/params.js';
import type { Store } from '../../store/store.js';
import { refusingBadInput } from './bad-input.js';

export function staffingRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/v1/staffing', {
      schema: {
        summary:
          'Agents needed: the Erlang C/A calculator for one interval, or the staffing plan of a typical week',
        description:
          'With `arrivals`, `interval_s`, `aht_s` and a target (`target_sl` with `target_s`, or `target_asa_s`): ' +
          '`{ agents, scheduled, p_wait, service_level, asa_s, occupancy }` (and `p_abandon` with `patience_s`, Erlang A); ' +
          '`agents` gives the figures at that staffing. Without `arrivals`: the plan from the history of `from`–`to` ' +
          '(default the last four weeks) — per channel and weekday × hour, arrivals, AHT, required vs staffed agents, ' +
          'the gap and the FTE to hire or move; `basis=forecast` grows the arrivals to the next four weeks.',
        tags: ['staffing'],
        querystring: staffingParams,
      },
      config: { permission: 'kpis:read' },
      handler: async (req) =>
        refusingBadInput(async () =>
          req.query.arrivals !== undefined
            ? calculatorJson(calculatorAnswer(req.query).answer)
            : planFromParams(store, req.query, Date.now()),
        ),
    });
  };
}
