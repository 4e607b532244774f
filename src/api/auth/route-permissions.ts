import type { RoutePermission } from './permissions.js';

/**
 * What each route requires, kept in one place so that the role matrix can be read (and tested) at a glance.
 * A route may instead declare `config: { permission }` itself. Any other /api route or /metrics is admin-only:
 * a route added without a decision is denied to everyone else, never open.
 */
export const ROUTE_PERMISSIONS: Readonly<Record<string, RoutePermission>> = {
  'GET /api/v1/health': 'public',
  'POST /api/v1/auth/sign-in': 'public',
  'POST /api/v1/auth/sign-out': 'signed-in',
  'GET /api/v1/auth/session': 'signed-in',
  'POST /api/v1/auth/password': 'signed-in',
  'GET /api/v1/tokens': 'signed-in',
  'POST /api/v1/tokens': 'signed-in',
  'DELETE /api/v1/tokens/:id': 'signed-in',
  'GET /api/v1/users': 'admin',
  'GET /api/v1/users/:id': 'admin',
  'POST /api/v1/users': 'admin',
  'PATCH /api/v1/users/:id': 'admin',

  'POST /api/v1/events': 'events:write',

  'GET /api/v1/kpis': 'kpis:read',
  'GET /api/v1/kpis/:id/items': 'kpis:read',
  'GET /api/v1/kpis/:id/why': 'kpis:read',
  'GET /api/v1/kpi-definitions': 'kpis:read',
  'GET /api/v1/targets': 'kpis:read',
  'PUT /api/v1/targets': 'settings:write',
  'GET /api/v1/facts': 'kpis:read',
  'GET /metrics': 'kpis:read',

  'GET /api/v1/tickets/:id': 'tickets:read',
};

/** Routes a user who still holds a one-time password may call: enough to choose a new one and leave. */
export const PASSWORD_CHANGE_ROUTES: ReadonlySet<string> = new Set([
  'POST /api/v1/auth/password',
  'POST /api/v1/auth/sign-out',
  'GET /api/v1/auth/session',
]);

export const isApiPath = (url: string) => url === '/api' || url.startsWith('/api/') || url === '/metrics';

export function routePermission(method: string, url: string): RoutePermission {
  const listed = ROUTE_PERMISSIONS[`${method === 'HEAD' ? 'GET' : method} ${url}`];
  if (listed) return listed;
  // The OpenAPI document and its viewer describe the API; they hold no data.
  if (url === '/api/docs' || url.startsWith('/api/docs/')) return 'public';
  // The single-page app's files: the page itself asks the API, which checks.
  if (!isApiPath(url)) return 'public';
  return 'admin';
}
