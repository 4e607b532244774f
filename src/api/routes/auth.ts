import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appendAuthLog } from '../../store/auth-log.js';
import { deleteSession, deleteUserSessions } from '../../store/auth-sessions.js';
import { findUserByLogin, updateUser } from '../../store/auth-users.js';
import type { AuthContext } from '../auth/context.js';
import { hashPassword, passwordProblem, verifyPassword } from '../auth/passwords.js';
import { type Principal, rolePermissions } from '../auth/permissions.js';
import { clearSessionCookies, startSession } from '../auth/sessions.js';
import { signInFailed, signInRetryAfter, signInSucceeded } from '../auth/throttle.js';
import { publicUser } from '../auth/users.js';
import { HttpError } from '../errors.js';

let dummyHash: Promise<string> | null = null;

/** Whoever asks about an unknown login waits as long as for a wrong password: timing tells nothing. */
async function verifyOrWaste(ctx: AuthContext, password: string, hash: string | null | undefined) {
  if (hash) return verifyPassword(password, hash);
  dummyHash ??= hashPassword('not a password', ctx.passwordCost);
  await verifyPassword(password, await dummyHash);
  return false;
}

function sessionBody(p: Principal, csrfToken: string) {
  return {
    user: publicUser(p.user),
    permissions: [...p.permissions].sort(),
    csrf_token: csrfToken,
    must_change_password: p.user.must_change_password === 1,
  };
}

export function authRoutes(ctx: AuthContext): FastifyPluginAsyncZod {
  const log = (action: string, userId: string | null, ip: string, detail?: unknown) =>
    appendAuthLog(ctx.store.db, {
      at: ctx.now(),
      action,
      user_id: userId,
      actor_id: userId,
      ip,
      detail: detail === undefined ? null : JSON.stringify(detail),
    });
  return async (app) => {
    app.post('/api/v1/auth/sign-in', {
      schema: {
        summary: 'Sign in with a login and password: sets the session cookie, returns the CSRF token',
        description:
          'Failed attempts are limited per login and per client address; over the limit the answer is 429 with Retry-After, whatever the password.',
        tags: ['auth'],
        body: z.strictObject({
          login: z.string().trim().min(1).max(200),
          password: z.string().min(1).max(1000),
        }),
      },
      handler: async (req, reply) => {
        const login = req.body.login.toLowerCase();
        const retry = await signInRetryAfter(ctx, login, req.ip);
        if (retry > 0) {
          reply.header('retry-after', String(retry));
          await log('sign_in_throttled', null, req.ip, { login });
          throw new HttpError(429, 'too_many_attempts', `too many failed sign-ins; try again in ${retry} s`, {
            retry_after_s: retry,
          });
        }
        const user = await findUserByLogin(ctx.store.db, login);
        const ok = await verifyOrWaste(ctx, req.body.password, user?.disabled ? null : user?.password_hash);
        if (!user || !ok) {
          await signInFailed(ctx, login, req.ip);
          await log('sign_in_failed', user?.user_id ?? null, req.ip, { login });
          throw new HttpError(401, 'invalid_credentials', 'the login or the password is wrong');
        }
        await signInSucceeded(ctx, login);
        const { csrfToken } = await startSession(ctx, req, reply, user);
        await log('sign_in', user.user_id, req.ip);
        return sessionBody({ kind: 'session', user, permissions: rolePermissions(user.role) }, csrfToken);
      },
    });

    app.get('/api/v1/auth/session', {
      schema: {
        summary: 'Who is signed in: user, permissions and the CSRF token for writes',
        tags: ['auth'],
      },
      handler: async (req) => {
        const p = req.principal!;
        return sessionBody(p, p.csrfToken ?? '');
      },
    });

    app.post('/api/v1/auth/sign-out', {
      schema: { summary: 'End this session', tags: ['auth'] },
      handler: async (req, reply) => {
        const p = req.principal!;
        if (p.sessionHash) await deleteSession(ctx.store.db, p.sessionHash);
        clearSessionCookies(req, reply);
        await log('sign_out', p.user.user_id, req.ip);
        return { signed_out: true };
      },
    });

    app.post('/api/v1/auth/password', {
      schema: {
        summary: 'Change your own password; every other session of yours ends, this one gets a new id',
        tags: ['auth'],
        body: z.strictObject({ current_password: z.string().max(1000), new_password: z.string() }),
      },
      handler: async (req, reply) => {
        const p = req.principal!;
        if (p.kind !== 'session')
          throw new HttpError(403, 'forbidden', 'passwords are changed by signing in');
        const problem = passwordProblem(req.body.new_password);
        if (problem)
          throw new HttpError(400, 'invalid_request', `new_password: ${problem}`, [
            { field: 'new_password', message: problem },
          ]);
        if (!p.user.password_hash || !(await verifyPassword(req.body.current_password, p.user.password_hash)))
          throw new HttpError(400, 'invalid_request', 'current_password: wrong password', [
            { field: 'current_password', message: 'wrong password' },
          ]);
        if (req.body.new_password === req.body.current_password)
          throw new HttpError(400, 'invalid_request', 'new_password: must differ from the current one', [
            { field: 'new_password', message: 'must differ from the current one' },
          ]);
        const user = {
          ...p.user,
          password_hash: await hashPassword(req.body.new_password, ctx.passwordCost),
          must_change_password: 0,
          updated_at: ctx.now(),
        };
        await updateUser(ctx.store.db, user.user_id, {
          password_hash: user.password_hash,
          must_change_password: 0,
          updated_at: user.updated_at,
        });
        await deleteUserSessions(ctx.store.db, user.user_id);
        const { csrfToken } = await startSession(ctx, req, reply, user);
        await log('password_changed', user.user_id, req.ip);
        return sessionBody({ ...p, user }, csrfToken);
      },
    });
  };
}
