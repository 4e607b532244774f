import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { callbackList } from '../../ingest/callbacks/callback-list.js';
import { recordCallback } from '../../ingest/callbacks/record-callback.js';
import type { FirstLineConfig } from '../../ingest/first-line-config.js';
import type { Store } from '../../store/store.js';
import { HttpError } from '../errors.js';

const DAY = 86_400_000;
const when = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), 'must be a date (YYYY-MM-DD) or an ISO-8601 instant')
  .transform((s) => Date.parse(s));

/** Feedback call-backs: the L1 list (resolved, unrated, sampled) and logging a call-back with a score taken by phone. */
export function callbackRoutes(
  store: Store,
  config: FirstLineConfig,
  now: () => number,
): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/v1/callbacks', {
      config: { permission: 'tickets:read' },
      schema: {
        summary:
          'Tickets to call back for feedback: resolved in the period, unrated, not yet reached, sampled',
        description: `A deterministic sample (by ticket id) of ${Math.round(config.callbackShare * 100)} % of the tickets resolved without a rating (FIRSTLINE_CALLBACK_SHARE); default period: the last 7 days.`,
        tags: ['callbacks'],
        querystring: z.object({
          from: when.optional(),
          to: when.optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(100),
        }),
      },
      handler: async (req) => {
        const to = req.query.to ?? now();
        const from = req.query.from ?? to - 7 * DAY;
        if (from >= to)
          throw new HttpError(400, 'invalid_request', 'from must be before to', [
            { field: 'from', message: 'after to' },
          ]);
        const items = await callbackList(store, {
          from,
          to,
          share: config.callbackShare,
          limit: req.query.limit,
        });
        return {
          share: config.callbackShare,
          from: new Date(from).toISOString(),
          to: new Date(to).toISOString(),
          items,
        };
      },
    });
    app.post('/api/v1/tickets/:id/callback', {
      config: { permission: 'tickets:write' },
      schema: {
        summary:
          'Log a feedback call-back: reached or no answer, and the score the customer gave on the phone',
        tags: ['callbacks'],
        params: z.object({ id: z.string().min(1).max(200) }),
        body: z
          .strictObject({
            outcome: z.enum(['reached', 'no_answer']),
            score: z
              .number()
              .int('must be a whole number')
              .min(1, 'must be 1..5')
              .max(5, 'must be 1..5')
              .optional(),
            comment: z.string().max(5000).optional(),
            by: z.string().min(1).max(200).optional().describe('the agent (defaults to the signed-in user)'),
          })
          .refine((b) => b.outcome === 'reached' || b.score === undefined, {
            path: ['score'],
            message: 'a score can only be taken when the customer was reached',
          }),
      },
      handler: async (req, reply) => {
        const by = req.principal?.user.user_id ?? req.body.by;
        const r = await recordCallback(store, req.params.id, { ...req.body, by }, now());
        if (r.status === 'unknown_ticket')
          throw new HttpError(404, 'not_found', `no ticket ${JSON.stringify(req.params.id)}`);
        if (r.status === 'open_ticket')
          throw new HttpError(
            409,
            'ticket_open',
            `ticket ${JSON.stringify(req.params.id)} is not resolved: call back after the resolution`,
          );
        return reply.code(201).send(r);
      },
    });
  };
}
