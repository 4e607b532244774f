import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from '../errors.js';
import type { AuthContext } from './context.js';
import { allows, type Principal, type RoutePermission } from './permissions.js';
import { PASSWORD_CHANGE_ROUTES, ROUTE_PERMISSIONS, routePermission } from './route-permissions.js';
import { safeEqual } from './secrets.js';
import { CSRF_HEADER, sessionCookieOf, sessionPrincipal } from './sessions.js';
import { tokenPrincipal } from './tokens.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** what the route requires; filled from ROUTE_PERMISSIONS when the route does not say */
    permission?: RoutePermission;
  }
  interface FastifyRequest {
    /** who is asking (null on public routes and before authentication) */
    principal: Principal | null;
  }
  interface FastifyInstance {
    /** every route and what it requires, as the guard gave it out (for the role matrix and the docs) */
    routePermissions: RouteRequirement[];
  }
}

export interface RouteRequirement {
  method: string;
  url: string;
  permission: RoutePermission;
  /** declared on the route, listed in ROUTE_PERMISSIONS, or the default for what neither names */
  source: 'route' | 'table' | 'default';
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function bearer(req: FastifyRequest): string | null | undefined {
  const h = req.headers.authorization;
  if (h === undefined) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(h);
  return m ? m[1]! : null;
}

/** The authenticated principal of a request: an API token when one is presented, else the session cookie. */
async function authenticate(ctx: AuthContext, req: FastifyRequest): Promise<Principal | null> {
  const token = bearer(req);
  if (token !== undefined) {
    const p = token ? await tokenPrincipal(ctx, token) : null;
    if (!p) throw new HttpError(401, 'invalid_token', 'the API token is unknown, revoked or expired');
    return p;
  }
  const cookie = sessionCookieOf(req);
  return cookie ? sessionPrincipal(ctx, cookie) : null;
}

/**
 * One gate for every route: each route gets its required permission when it is registered (so routes added
 * by any feature are covered), and every request is checked before its body is even read.
 */
export function installAuthGuard(app: FastifyInstance, ctx: AuthContext): void {
  app.decorateRequest('principal', null);
  const routes: RouteRequirement[] = [];
  app.decorate('routePermissions', routes);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const method = methods.find((m) => m !== 'HEAD') ?? 'GET';
    const declared = route.config?.permission;
    const listed = ROUTE_PERMISSIONS[`${method} ${route.url}`];
    const permission = declared ?? routePermission(method, route.url);
    route.config = { ...route.config, permission };
    if (!methods.includes('HEAD') || methods.length > 1)
      routes.push({
        method,
        url: route.url,
        permission,
        source: declared ? 'route' : listed ? 'table' : 'default',
      });
  });
  app.addHook('onRequest', async (req) => {
    const path = req.url.split('?')[0] ?? '';
    // No route of its own (a 404, or the web app's catch-all): API paths need a signed-in caller, who then
    // gets the 404; everything else is the public single-page app.
    const unrouted = req.is404 || req.routeOptions.url === '/*';
    const need: RoutePermission = unrouted
      ? routePermission(req.method, path) === 'public'
        ? 'public'
        : 'signed-in'
      : (req.routeOptions.config?.permission ?? routePermission(req.method, path));
    if (need === 'public') return;
    const principal = await authenticate(ctx, req);
    if (!principal)
      throw new HttpError(401, 'unauthenticated', 'sign in or send an API token (Authorization: Bearer …)');
    req.principal = principal;
    const routeKey = `${req.method === 'HEAD' ? 'GET' : req.method} ${req.routeOptions.url ?? ''}`;
    if (principal.kind === 'session') {
      if (!SAFE_METHODS.has(req.method)) {
        const sent = req.headers[CSRF_HEADER];
        if (typeof sent !== 'string' || !principal.csrfToken || !safeEqual(sent, principal.csrfToken))
          throw new HttpError(
            403,
            'csrf_failed',
            `a signed-in write must carry the session's ${CSRF_HEADER} header`,
          );
      }
      if (principal.user.must_change_password && !PASSWORD_CHANGE_ROUTES.has(routeKey))
        throw new HttpError(
          403,
          'password_change_required',
          'choose a new password first (POST /api/v1/auth/password)',
        );
    }
    if (!allows(principal, need))
      throw new HttpError(403, 'forbidden', `this needs the ${need} permission`, { required: need });
  });
}
