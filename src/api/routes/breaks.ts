import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BREAK_DUE_S, type BreakState, breakStatus, SUGGESTED_BREAK_S } from '../../facts/break-reminder.js';
import { ingest } from '../../ingest/ingest.js';
import { readAgentBreakRows } from '../../store/agent-board.js';
import type { Store } from '../../store/store.js';
import { HttpError } from '../errors.js';

const agentParam = z.object({ id: z.string().min(1).max(200) });

/** Break reminders (seed 000: a 10-minute break every 60–70 minutes) and the supervisors' live board. */
export function breakRoutes(store: Store, now: () => number): FastifyPluginAsyncZod {
  /** An agent sees and sets their own status; supervisors and admins anyone's. */
  const mayActFor = (
    principal: { user: { user_id: string }; permissions: ReadonlySet<string> } | null | undefined,
    agentId: string,
  ) => {
    if (principal && principal.user.user_id !== agentId && !principal.permissions.has('settings:write'))
      throw new HttpError(403, 'forbidden', "only supervisors see or set another agent's status");
  };
  const one = async (agentId: string) => {
    const [row] = await readAgentBreakRows(store.db, agentId);
    if (!row) throw new HttpError(404, 'not_found', `no agent ${JSON.stringify(agentId)}`);
    return { agent_id: row.agent_id, name: row.name, ...breakStatus(row, now()) };
  };
  return async (app) => {
    app.get('/api/v1/agents/:id/break', {
      config: { permission: 'signed-in' },
      schema: {
        summary:
          "An agent's break reminder: working since, minutes worked, due (60 min) or overdue, on a break",
        description: `state is working, overdue (the stretch has lasted ${BREAK_DUE_S / 60} minutes: take a ${SUGGESTED_BREAK_S / 60}-minute break), on_break or offline; over_limit past 70 minutes.`,
        tags: ['breaks'],
        params: agentParam,
      },
      handler: async (req) => {
        mayActFor(req.principal, req.params.id);
        return one(req.params.id);
      },
    });
    app.post('/api/v1/agents/:id/status', {
      config: { permission: 'signed-in' },
      schema: {
        summary: "Set an agent's status (available, busy, break, offline): records agent.status",
        tags: ['breaks'],
        params: agentParam,
        body: z.strictObject({ status: z.enum(['available', 'busy', 'break', 'offline']) }),
      },
      handler: async (req) => {
        mayActFor(req.principal, req.params.id);
        await ingest(store, [
          {
            id: randomUUID(),
            type: 'agent.status',
            at: new Date(now()).toISOString(),
            agent_id: req.params.id,
            status: req.body.status,
          },
        ]);
        return one(req.params.id);
      },
    });
    app.get('/api/v1/agents/breaks', {
      config: { permission: 'settings:write' },
      schema: {
        summary: 'Supervisors: who is working, overdue for a break, on a break or offline, right now',
        tags: ['breaks'],
        querystring: z.object({
          team_id: z.string().max(200).optional(),
          line: z.coerce.number().int().min(1).max(3).optional(),
        }),
      },
      handler: async (req) => {
        const at = now();
        const agents = (await readAgentBreakRows(store.db))
          .filter(
            (r) =>
              (req.query.team_id === undefined || r.team_id === req.query.team_id) &&
              (req.query.line === undefined || r.line === req.query.line),
          )
          .map(({ stretch: _s, status_at: _t, ...r }) => ({
            ...r,
            ...breakStatus({ status: r.status, status_at: _t, stretch: _s }, at),
          }));
        const counts: Record<BreakState, number> = { working: 0, overdue: 0, on_break: 0, offline: 0 };
        for (const a of agents) counts[a.state]++;
        return { at: new Date(at).toISOString(), counts, agents };
      },
    });
  };
}
