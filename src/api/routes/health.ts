import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Store } from '../../store/store.js';

export function healthRoutes(store: Store, version: string): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/v1/health', {
      schema: {
        summary: 'Liveness and store check',
        tags: ['system'],
        response: {
          200: z.object({
            status: z.literal('ok'),
            version: z.string(),
            store: z.string(),
            events: z.number(),
          }),
        },
      },
      handler: async () => ({
        status: 'ok' as const,
        version,
        store: store.dialect,
        events: await store.eventCount(),
      }),
    });
  };
}
