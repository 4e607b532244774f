import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Store } from '../../store/store.js';
import { HttpError } from '../errors.js';

export function ticketRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/v1/tickets/:id', {
      schema: {
        summary: 'A ticket: current state, facts (milestones, counters, durations) and timeline',
        tags: ['tickets'],
        params: z.object({ id: z.string().min(1).max(200) }),
      },
      handler: async (req) => {
        const view = await store.getTicket(req.params.id);
        if (!view) throw new HttpError(404, 'not_found', `no ticket ${JSON.stringify(req.params.id)}`);
        return view;
      },
    });
  };
}
