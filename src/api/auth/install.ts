import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { Store } from '../../store/store.js';
import { authRoutes } from '../routes/auth.js';
import { tokenRoutes } from '../routes/tokens.js';
import { userRoutes } from '../routes/users.js';
import { type AuthContext, type AuthOptions, authContext } from './context.js';
import { installAuthGuard } from './guard.js';

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
