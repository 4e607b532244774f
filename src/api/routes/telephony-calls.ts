import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { priority, tags } from '../../domain/primitives.js';
import { customerCard } from '../../ingest/customers/lookup.js';
import type { FirstLineConfig } from '../../ingest/first-line-config.js';
import { registerCallTicket } from '../../ingest/telephony/call-ticket.js';
import { contactIdOf } from '../../ingest/telephony/plan-call-events.js';
import { customerByIdentifier } from '../../store/customer-view.js';
import type { Store } from '../../store/store.js';
import { callState } from '../desk/call-changes.js';
import { HttpError } from '../errors.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());
const callId = z.object({ callId: z.string().min(1).max(250) });

/** What the agent's workspace shows for a call (the screen pop) and the one-click ticket from it. */
export function telephonyCallRoutes(store: Store, _config: FirstLineConfig): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/v1/telephony/calls/:callId/popup', {
      config: { permission: 'tickets:read' },
      schema: {
        summary: "A call's screen pop: its state, the caller, their company and open tickets",
        description:
          'State is ringing, answered, abandoned or ended. The workspace reads this when the live stream (GET /api/v1/stream) tells it of the call (`event: call`).',
        tags: ['telephony'],
        params: callId,
      },
      handler: async (req) => {
        const contactId = contactIdOf(req.params.callId);
        const c = await store.db
          .selectFrom('contact_facts')
          .selectAll()
          .where('contact_id', '=', contactId)
          .executeTakeFirst();
        if (!c) throw new HttpError(404, 'not_found', `no call ${JSON.stringify(req.params.callId)}`);
        const state = callState(c);
        const customerId = c.customer ? await customerByIdentifier(store.db, c.customer) : null;
        return {
          call_id: req.params.callId,
          contact_id: contactId,
          state,
          offered_at: iso(c.offered_at),
          answered_at: iso(c.answered_at),
          ended_at: iso(c.ended_at),
          agent_id: c.agent_id,
          queue: c.queue,
          ticket_id: c.ticket_id,
          caller: { number: c.customer, ...(await customerCard(store.db, customerId)) },
        };
      },
    });
    app.post('/api/v1/telephony/calls/:callId/ticket', {
      config: { permission: 'tickets:write' },
      schema: {
        summary: 'Register a ticket from a call in one click (pre-filled from the call, linked to it)',
        tags: ['telephony'],
        params: callId,
        body: z
          .strictObject({
            subject: z.string().max(1000).optional(),
            category: z.string().min(1).max(200).optional(),
            priority: priority.optional(),
            tags: tags.optional(),
            by: z.string().min(1).max(200).optional(),
          })
          .default({}),
      },
      handler: async (req, reply) => {
        const body = req.body ?? {};
        const by = req.principal?.user.user_id ?? body.by;
        const r = await registerCallTicket(store, req.params.callId, { ...body, by });
        if (r.status === 'unknown_call')
          throw new HttpError(404, 'not_found', `no call ${JSON.stringify(req.params.callId)}`);
        return reply.code(r.status === 'created' ? 201 : 200).send(r);
      },
    });
  };
}
