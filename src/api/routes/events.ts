import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { domainEvent } from '../../domain/events.js';
import { ingest, MAX_BATCH } from '../../ingest/ingest.js';
import type { Store } from '../../store/store.js';

const accepted = z.object({
  appended: z.number().int().describe('events stored by this request'),
  duplicates: z.number().int().describe('events already stored with the same id and body (no-ops)'),
});

const errorShape = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown() }),
});

export function eventRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    app.post('/api/v1/events', {
      schema: {
        summary: 'Ingest one event or a batch',
        description: `One event, an array of up to ${MAX_BATCH} events, or { "events": [...] }. A batch is all-or-nothing: on any invalid item nothing is stored and the response names the item (index), its id and the field. Re-sending an event with the same id and body is a no-op; the same id with another body is a 409.`,
        tags: ['events'],
        body: z.union([
          domainEvent,
          z.array(domainEvent).max(MAX_BATCH),
          z.object({ events: z.array(domainEvent).max(MAX_BATCH) }),
        ]),
        response: { 200: accepted, 400: errorShape, 409: errorShape, 413: errorShape, 415: errorShape },
      },
      // The schema documents the body; the handler validates item by item so the error names the failing item.
      validatorCompiler: () => (data: unknown) => ({ value: data }),
      handler: async (req) => {
        const raw: unknown = req.body;
        const items = Array.isArray(raw)
          ? raw
          : raw &&
              typeof raw === 'object' &&
              'events' in raw &&
              Array.isArray((raw as { events: unknown }).events)
            ? (raw as { events: unknown[] }).events
            : [raw];
        return ingest(store, items);
      },
    });
  };
}
