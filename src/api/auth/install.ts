import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { Store } from '../../store/store.js';
import { authRoutes } from '../routes/auth.js';
import { tokenRoutes } from '../routes/tokens.js';
import { userRoutes } from '../routes/users.js';
import { type AuthContext, type AuthOptions, authContext } from './context.js';
import { installAuthGuard } from './guard.js';

/** How the OpenAPI document describes signing in: an API token, or the session cookie of a browser. */
export const OPENAPI_SECURITY = {
  components: {
    securitySchemes: {
      token: {
        type: 'http' as const,
        scheme: 'bearer',
        description: 'An API token (fl_…), see docs/auth.md',
      },
      session: { type: 'apiKey' as const, in: 'cookie' as const, name: 'firstline_session' },
    },
  },
  security: [{ token: [] }, { session: [] }] as Record<string, string[]>[],
};

/** The guard, installed before any route so that it sees (and gives a permission to) every route. */
export function installAuth(
  app: FastifyInstance,
  store: Store,
  now: () => number,
  options: AuthOptions = {},
): AuthContext {
  const ctx = authContext(store, now, options);
  installAuthGuard(app, ctx);
  return ctx;
}

/** Sign-in, users and API tokens. */
export function accountRoutes(ctx: AuthContext): FastifyPluginAsync {
  return async (app) => {
    await app.register(authRoutes(ctx));
    await app.register(userRoutes(ctx));
    await app.register(tokenRoutes(ctx));
  };
}
