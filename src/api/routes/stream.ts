import type { ServerResponse } from 'node:http';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DeskContext } from '../desk/apply.js';
import { callIsFor } from '../desk/call-changes.js';
import type { TicketChange } from '../desk/stream-hub.js';

/**
 * Server-sent events: `event: ticket` with each changed ticket's new state, whoever changed it; the page then
 * reloads what it shows. `event: call` with a PBX call's state, to the agents it rings at and the one who
 * answered (the screen pop; callIsFor). A comment line every 15 s keeps proxies from closing an idle stream.
 */
export function streamRoutes(desk: DeskContext): FastifyPluginAsyncZod {
  return async (app) => {
    const open = new Set<ServerResponse>();
    // Streams never end by themselves: closing the server ends them.
    app.addHook('preClose', async () => {
      for (const res of open) res.end();
    });
    app.addHook('onClose', async () => desk.hub.stop());
    app.get('/api/v1/stream', {
      config: { permission: 'tickets:read' },
      schema: {
        summary:
          'Live ticket changes (text/event-stream): one `ticket` event per changed ticket, one `call` event per call that rings at, or was answered by, the signed-in agent',
        tags: ['tickets'],
        querystring: z.object({
          line: z.coerce.number().int().min(1).max(3).optional(),
          team_id: z.string().min(1).max(200).optional(),
        }),
      },
      handler: async (req, reply) => {
        const { line, team_id } = req.query;
        // A ticket moved away by an assignment or escalation is still told, so the view can drop it.
        const moved = (c: TicketChange) =>
          c.types.some((t) => t === 'ticket.assigned' || t === 'ticket.escalated');
        const wanted = (c: TicketChange) =>
          moved(c) ||
          ((line === undefined || c.line === line) && (team_id === undefined || c.team_id === team_id));
        reply.hijack();
        const res = reply.raw;
        res.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-cache, no-transform',
          connection: 'keep-alive',
          'x-accel-buffering': 'no',
        });
        res.write('retry: 3000\n: connected\n\n');
        open.add(res);
        const me = req.principal?.user ?? null;
        const unsubscribe = desk.hub.subscribe((changes, calls) => {
          for (const c of changes)
            if (wanted(c)) res.write(`id: ${c.seq}\nevent: ticket\ndata: ${JSON.stringify(c)}\n\n`);
          if (me)
            for (const c of calls)
              if (callIsFor(c, me)) res.write(`id: ${c.seq}\nevent: call\ndata: ${JSON.stringify(c)}\n\n`);
        });
        const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
        // the first poll sets the starting position, so changes from now on are all sent
        void desk.hub.nudge();
        req.raw.on('close', () => {
          clearInterval(ping);
          unsubscribe();
          open.delete(res);
        });
      },
    });
  };
}
