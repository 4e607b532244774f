import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appendAuthLog } from '../../store/auth-log.js';
import { type ApiTokenRow, findApiToken, listApiTokens, revokeApiToken } from '../../store/auth-tokens.js';
import { findUser } from '../../store/auth-users.js';
import type { AuthContext } from '../auth/context.js';
import { PERMISSIONS, tokenPermissions } from '../auth/permissions.js';
import { createApiToken, parseScopes } from '../auth/tokens.js';
import { HttpError } from '../errors.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());
const show = (t: ApiTokenRow) => ({
  token_id: t.token_id,
  name: t.name,
  user_id: t.user_id,
  scopes: parseScopes(t.scopes),
  created_at: iso(t.created_at),
  created_by: t.created_by,
  last_used_at: iso(t.last_used_at),
  expires_at: iso(t.expires_at),
  revoked_at: iso(t.revoked_at),
});

export function tokenRoutes(ctx: AuthContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/v1/tokens', {
      schema: {
        summary: 'API tokens: your own (administrators: everyone’s); never the secret',
        tags: ['auth'],
      },
      handler: async (req) => {
        const p = req.principal!;
        return (
          await listApiTokens(ctx.store.db, p.permissions.has('admin') ? undefined : p.user.user_id)
        ).map(show);
      },
    });
    app.post('/api/v1/tokens', {
      schema: {
        summary: 'Create an API token; the secret is in this answer only. Scopes cannot exceed your own',
        tags: ['auth'],
        body: z.strictObject({
          name: z.string().trim().min(1).max(200),
          scopes: z.array(z.enum(PERMISSIONS)).min(1),
          user_id: z
            .string()
            .min(1)
            .max(200)
            .optional()
            .describe('administrators: the user the token acts as'),
          expires_at: z.iso.datetime({ offset: true }).optional(),
        }),
      },
      handler: async (req, reply) => {
        const p = req.principal!;
        const ownerId = req.body.user_id ?? p.user.user_id;
        if (ownerId !== p.user.user_id && !p.permissions.has('admin'))
          throw new HttpError(403, 'forbidden', 'only administrators create tokens for other users');
        const owner = await findUser(ctx.store.db, ownerId);
        if (!owner)
          throw new HttpError(400, 'invalid_request', `user_id: no user ${JSON.stringify(ownerId)}`, [
            { field: 'user_id', message: 'unknown user' },
          ]);
        // A token never holds more than the one who made it may do, nor than its owner's role allows.
        const beyond = req.body.scopes.filter(
          (s) => !p.permissions.has(s) || !tokenPermissions(owner.role, [s]).has(s),
        );
        if (beyond.length)
          throw new HttpError(
            403,
            'forbidden',
            `scopes beyond your (or the owner's) permissions: ${beyond.join(', ')}`,
            {
              scopes: beyond,
            },
          );
        const made = await createApiToken(ctx, {
          userId: owner.user_id,
          name: req.body.name,
          scopes: req.body.scopes,
          createdBy: p.user.user_id,
          ...(req.body.expires_at ? { expiresAt: Date.parse(req.body.expires_at) } : {}),
        });
        await appendAuthLog(ctx.store.db, {
          at: ctx.now(),
          action: 'token_created',
          user_id: owner.user_id,
          actor_id: p.user.user_id,
          ip: req.ip,
          detail: JSON.stringify({ token_id: made.token_id, name: req.body.name, scopes: req.body.scopes }),
        });
        reply.code(201);
        return { ...show((await findApiToken(ctx.store.db, made.token_id))!), token: made.token };
      },
    });
    app.delete('/api/v1/tokens/:id', {
      schema: {
        summary: 'Revoke an API token (yours; administrators: every token)',
        tags: ['auth'],
        params: z.object({ id: z.string() }),
      },
      handler: async (req) => {
        const p = req.principal!;
        const t = await findApiToken(ctx.store.db, req.params.id);
        if (!t || (t.user_id !== p.user.user_id && !p.permissions.has('admin')))
          throw new HttpError(404, 'not_found', `no token ${JSON.stringify(req.params.id)}`);
        await revokeApiToken(ctx.store.db, t.token_id, ctx.now());
        await appendAuthLog(ctx.store.db, {
          at: ctx.now(),
          action: 'token_revoked',
          user_id: t.user_id,
          actor_id: p.user.user_id,
          ip: req.ip,
          detail: JSON.stringify({ token_id: t.token_id, name: t.name }),
        });
        return show((await findApiToken(ctx.store.db, t.token_id))!);
      },
    });
  };
}
