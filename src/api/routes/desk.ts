import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DeskContext } from '../desk/apply.js';
import { QUEUES, queueRows } from '../desk/queues.js';

export function deskRoutes(desk: DeskContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/v1/queues', {
      config: { permission: 'tickets:read' },
      schema: {
        summary:
          'Work queues of a line or team: counts, and the open tickets of one queue with their SLA clocks',
        description:
          'Queues: new (no response yet, never assigned), unassigned, mine (assigned to you), waiting (your clarification request is the last public word), overdue (a running SLA clock past its target). Tickets come most urgent first.',
        tags: ['tickets'],
        querystring: z.object({
          line: z.coerce.number().int().min(1).max(3).optional(),
          team_id: z.string().min(1).max(200).optional(),
          queue: z.enum([...QUEUES, 'open']).default('open'),
          limit: z.coerce.number().int().min(1).max(1000).default(100),
        }),
      },
      handler: async (req) => {
        const rows = await queueRows(desk.store, req.query, req.principal!.user.user_id, desk.now());
        const counts = Object.fromEntries(
          QUEUES.map((q) => [q, rows.filter((r) => r.queues.includes(q)).length]),
        );
        const chosen =
          req.query.queue === 'open' ? rows : rows.filter((r) => r.queues.includes(req.query.queue as never));
        return {
          counts: { open: rows.length, ...counts },
          total: chosen.length,
          tickets: chosen.slice(0, req.query.limit),
        };
      },
    });

    app.get('/api/v1/desk/agents', {
      config: { permission: 'tickets:read' },
      schema: {
        summary: 'Who tickets can be assigned to: active agents with line, team, status and open tickets',
        tags: ['tickets'],
      },
      handler: async () => {
        const users = await desk.store.db
          .selectFrom('users')
          .leftJoin('agents', 'agents.agent_id', 'users.user_id')
          .select([
            'users.user_id',
            'users.name',
            'users.role',
            'users.line',
            'users.team_id',
            'users.senior',
            'agents.status',
          ])
          .where('users.disabled', '=', 0)
          .where('users.role', 'in', ['agent', 'supervisor'])
          .orderBy('users.user_id')
          .execute();
        const load = await desk.store.db
          .selectFrom('tickets')
          .select(['assignee_id', (eb) => eb.fn.countAll<number>().as('n')])
          .where('status', '=', 'open')
          .where('assignee_id', 'is not', null)
          .groupBy('assignee_id')
          .execute();
        const open = new Map(load.map((l) => [l.assignee_id, Number(l.n)]));
        return users.map((u) => ({
          ...u,
          senior: u.senior === 1,
          status: u.status ?? 'offline',
          open_tickets: open.get(u.user_id) ?? 0,
        }));
      },
    });
  };
}
