import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appendAuthLog } from '../../store/auth-log.js';
import { countUsers, findUser, listUsers } from '../../store/auth-users.js';
import type { AuthContext } from '../auth/context.js';
import { changeUser, createUser, newUser, publicUser, userPatch } from '../auth/users.js';
import { HttpError } from '../errors.js';

const userId = z.object({ id: z.string().min(1).max(200) });

export function userRoutes(ctx: AuthContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/v1/users', {
      schema: { summary: 'Every user (admins)', tags: ['users'] },
      handler: async () => (await listUsers(ctx.store.db)).map(publicUser),
    });
    app.get('/api/v1/users/:id', {
      schema: { summary: 'One user (admins)', tags: ['users'], params: userId },
      handler: async (req) => {
        const u = await findUser(ctx.store.db, req.params.id);
        if (!u) throw new HttpError(404, 'not_found', `no user ${JSON.stringify(req.params.id)}`);
        return publicUser(u);
      },
    });
    app.post('/api/v1/users', {
      schema: {
        summary:
          'Create a user; agents get their agent.profile event. Without a password, a one-time one is returned once',
        tags: ['users'],
        body: newUser,
      },
      handler: async (req, reply) => {
        const { user, oneTimePassword } = await createUser(ctx, req.body);
        await appendAuthLog(ctx.store.db, {
          at: ctx.now(),
          action: 'user_created',
          user_id: user.user_id,
          actor_id: req.principal!.user.user_id,
          ip: req.ip,
          detail: JSON.stringify({ role: user.role, line: user.line, team_id: user.team_id }),
        });
        reply.code(201);
        return { ...publicUser(user), ...(oneTimePassword ? { one_time_password: oneTimePassword } : {}) };
      },
    });
    app.patch('/api/v1/users/:id', {
      schema: {
        summary:
          'Change a user (role, line, team, name, password, disabled); agents get a new agent.profile event',
        tags: ['users'],
        params: userId,
        body: userPatch,
      },
      handler: async (req) => {
        const before = await findUser(ctx.store.db, req.params.id);
        const demoted = req.body.role !== undefined && req.body.role !== 'admin';
        if (
          before?.role === 'admin' &&
          !before.disabled &&
          (demoted || req.body.disabled) &&
          (await countUsers(ctx.store.db, 'admin')) <= 1
        )
          throw new HttpError(
            409,
            'last_admin',
            'the last active administrator cannot be demoted or disabled',
          );
        const { user, oneTimePassword } = await changeUser(ctx, req.params.id, req.body);
        const { password: _p, ...changed } = req.body;
        await appendAuthLog(ctx.store.db, {
          at: ctx.now(),
          action: 'user_changed',
          user_id: user.user_id,
          actor_id: req.principal!.user.user_id,
          ip: req.ip,
          detail: JSON.stringify({ ...changed, ...(req.body.password ? { password: 'changed' } : {}) }),
        });
        return { ...publicUser(user), ...(oneTimePassword ? { one_time_password: oneTimePassword } : {}) };
      },
    });
  };
}
