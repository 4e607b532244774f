import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { domainEvent } from '../../domain/events.js';
import { ingestValid, MAX_BATCH } from '../../ingest/ingest.js';
import { validateBatchText } from '../../ingest/validate.js';
import { sharedValidationPool } from '../../ingest/validate-pool.js';
import type { Store } from '../../store/store.js';

const accepted = z.object({
  appended: z.number().int().describe('events stored by this request'),
  duplicates: z.number().int().describe('events already stored with the same id and body (no-ops)'),
});

const errorShape = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown() }),
});

/** Bodies at least this long are validated in a worker thread; below it the round trip costs more than it saves. */
export const OFF_THREAD_BYTES = 32 * 1024;

export function eventRoutes(store: Store, offThread = true): FastifyPluginAsyncZod {
  return async (app) => {
    // The body arrives as text (in this route only) so that parsing it, too, can leave the writing thread.
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, text, done) =>
      done(null, text),
    );
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
        const text = req.body as unknown as string;
        const { events, bodies } =
          offThread && text.length >= OFF_THREAD_BYTES
            ? await sharedValidationPool().validate(text)
            : validateBatchText(text);
        return ingestValid(store, events, bodies);
      },
    });
  };
}
