import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Line } from '../../domain/primitives.js';
import type { Principal } from '../auth/permissions.js';
import { type DeskContext, runAction, runCreate } from '../desk/apply.js';
import { ACTION_NAMES, type ActionName, actionBodies, createBody } from '../desk/commands.js';
import { ticketSla } from '../desk/sla.js';
import type { Actor } from '../desk/ticket-state.js';
import { HttpError } from '../errors.js';

export const actorOf = (p: Principal | null): Actor => ({
  user_id: p!.user.user_id,
  line: (p!.user.line ?? null) as Line | null,
  team_id: p!.user.team_id,
});

const SUMMARIES: Record<ActionName, string> = {
  classify: 'Classify (ticket.classified) or, when it has a category, reclassify (ticket.reclassified)',
  assign: 'Assign to a person, a team or a line (ticket.assigned, mode manual)',
  take: 'Take the ticket yourself (ticket.assigned to you)',
  reply: 'Public reply: comment, clarification request or solution (ticket.replied)',
  note: 'Internal note, never a response (ticket.note)',
  'customer-reply': "Record the customer's reply, e.g. given on the phone (ticket.customer_replied)",
  escalate:
    'Escalate to a line or to a senior/manager with a reason (ticket.escalated, then ticket.assigned if a team or person is named)',
  resolve: 'Resolve (ticket.resolved, with your line)',
  reopen: 'Reopen a resolved or closed ticket (ticket.reopened)',
  close: 'Close (ticket.closed)',
  work: 'Log handling time (ticket.worked)',
  spam: 'Mark as spam: tagged "spam" and closed, never resolved, nothing deleted',
  tag: 'Add tags (ticket.tagged)',
  prioritize: 'Change the priority (ticket.prioritized)',
};

const ticketParam = z.object({ id: z.string().min(1).max(200) });

/** The agent workspace's actions: each is the SPEC §2 events of one step of work, through ingest. */
export function actionRoutes(desk: DeskContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post('/api/v1/tickets', {
      config: { permission: 'tickets:write' },
      schema: {
        summary: 'Register a ticket (ticket.created by you); automatic assignment rules may route it at once',
        tags: ['tickets'],
        body: createBody,
      },
      handler: async (req, reply) => {
        const result = await runCreate(desk, req.body, actorOf(req.principal));
        reply.code(201);
        return result;
      },
    });
    for (const action of ACTION_NAMES) {
      app.post(`/api/v1/tickets/:id/${action}`, {
        config: { permission: 'tickets:write' },
        schema: {
          summary: SUMMARIES[action],
          description:
            'Send the `version` of the ticket you loaded: if the ticket changed since, the answer is 409 with the fresh ticket in `error.details.ticket` and nothing is written. The answer is the ticket after the action, the events it appended and its SLA clocks.',
          tags: ['tickets'],
          params: ticketParam,
          body: actionBodies[action],
        },
        handler: async (req) =>
          runAction(desk, req.params.id, action, req.body as never, actorOf(req.principal)),
      });
    }
    app.get('/api/v1/tickets/:id/sla', {
      config: { permission: 'tickets:read' },
      schema: {
        summary:
          "The ticket's SLA clocks: first response, assignment and resolution against target, in its team's business time",
        tags: ['tickets'],
        params: ticketParam,
      },
      handler: async (req) => {
        const facts = await desk.store.db
          .selectFrom('ticket_facts')
          .selectAll()
          .where('ticket_id', '=', req.params.id)
          .executeTakeFirst();
        if (!facts) throw new HttpError(404, 'not_found', `no ticket ${JSON.stringify(req.params.id)}`);
        return ticketSla(desk.store, facts, desk.now());
      },
    });
  };
}
