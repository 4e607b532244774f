import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readAuthLog } from '../../store/auth-log.js';
import type { Store } from '../../store/store.js';

const instant = z.iso.datetime({ offset: true });

/**
 * Who did what and when: the event log itself (nothing is ever deleted or edited), newest first, and the
 * sign-in and account log beside it (sign-in data is never an event).
 */
export function auditRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/v1/audit', {
      config: { permission: 'admin' },
      schema: {
        summary:
          'The event log, newest first: every action with its actor, time and payload (administrators)',
        description: 'Page back with `before_seq` = the last `seq` of the previous page.',
        tags: ['audit'],
        querystring: z.object({
          actor: z.string().min(1).max(200).optional(),
          ticket_id: z.string().min(1).max(200).optional(),
          type: z.string().min(1).max(100).optional(),
          from: instant.optional(),
          to: instant.optional(),
          before_seq: z.coerce.number().int().min(1).optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(100),
        }),
      },
      handler: async (req) => {
        const f = req.query;
        let q = store.db
          .selectFrom('events')
          .select(['seq', 'id', 'type', 'at', 'recorded_at', 'actor_id', 'stream', 'body'])
          .orderBy('seq', 'desc')
          .limit(f.limit);
        if (f.actor) q = q.where('actor_id', '=', f.actor);
        if (f.ticket_id) {
          const id = f.ticket_id;
          q = q.where((eb) => eb('stream', '=', `ticket:${id}`).or('ticket_id', '=', id));
        }
        if (f.type) q = q.where('type', '=', f.type);
        if (f.from) q = q.where('at', '>=', Date.parse(f.from));
        if (f.to) q = q.where('at', '<', Date.parse(f.to));
        if (f.before_seq) q = q.where('seq', '<', f.before_seq);
        const rows = await q.execute();
        return {
          entries: rows.map((r) => ({
            seq: Number(r.seq),
            id: r.id,
            type: r.type,
            at: new Date(Number(r.at)).toISOString(),
            recorded_at: new Date(Number(r.recorded_at)).toISOString(),
            actor: r.actor_id,
            stream: r.stream,
            event: JSON.parse(r.body) as unknown,
          })),
          next_before_seq: rows.length === f.limit ? Number(rows.at(-1)!.seq) : null,
        };
      },
    });
    app.get('/api/v1/audit/accounts', {
      config: { permission: 'admin' },
      schema: {
        summary:
          'Sign-ins, failed sign-ins, sign-outs, password changes, users and tokens changed (administrators)',
        tags: ['audit'],
        querystring: z.object({
          user_id: z.string().min(1).max(200).optional(),
          before: instant.optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(100),
        }),
      },
      handler: async (req) => {
        const rows = await readAuthLog(store.db, {
          limit: req.query.limit,
          ...(req.query.before ? { before: Date.parse(req.query.before) } : {}),
          ...(req.query.user_id ? { userId: req.query.user_id } : {}),
        });
        return rows.map((r) => ({
          ...r,
          at: new Date(Number(r.at)).toISOString(),
          detail: r.detail === null ? null : (JSON.parse(r.detail) as unknown),
        }));
      },
    });
  };
}
