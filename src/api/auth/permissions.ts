import type { UsersTable } from '../../store/schema.js';

export const ROLES = ['admin', 'supervisor', 'agent', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/**
 * What a request may do. Roles grant a fixed set; an API token carries scopes, and may do what its scopes
 * and its owner's role both allow (a demoted owner's tokens lose power with them).
 */
export const PERMISSIONS = [
  'kpis:read',
  'tickets:read',
  'tickets:write',
  'events:write',
  'settings:write',
  'admin',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** A route's requirement: a permission, any signed-in principal, or nobody at all. */
export type RoutePermission = Permission | 'signed-in' | 'public';

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  supervisor: ['kpis:read', 'tickets:read', 'tickets:write', 'settings:write'],
  agent: ['kpis:read', 'tickets:read', 'tickets:write'],
  viewer: ['kpis:read', 'tickets:read'],
};

/** Scopes that bring others with them: writing tickets means reading them; admin means everything. */
function expand(scopes: Iterable<Permission>): Set<Permission> {
  const out = new Set<Permission>();
  for (const s of scopes) {
    if (s === 'admin') for (const p of PERMISSIONS) out.add(p);
    out.add(s);
    if (s === 'tickets:write') out.add('tickets:read');
  }
  return out;
}

export const isRole = (x: string): x is Role => (ROLES as readonly string[]).includes(x);
export const isPermission = (x: string): x is Permission => (PERMISSIONS as readonly string[]).includes(x);

export function rolePermissions(role: string): Set<Permission> {
  return expand(isRole(role) ? ROLE_PERMISSIONS[role] : []);
}

/** A token's power: its scopes within its owner's role. */
export function tokenPermissions(role: string, scopes: readonly Permission[]): Set<Permission> {
  const allowed = rolePermissions(role);
  return new Set([...expand(scopes)].filter((p) => allowed.has(p)));
}

export type UserRecord = UsersTable;

/** Who is asking: a signed-in user (cookie session) or an API token acting for its owner. */
export interface Principal {
  kind: 'session' | 'token';
  user: UserRecord;
  permissions: ReadonlySet<Permission>;
  /** the session's CSRF token (sessions only) */
  csrfToken?: string;
  sessionHash?: string;
  tokenId?: string;
}

export function allows(principal: Principal | null, need: RoutePermission): boolean {
  if (need === 'public') return true;
  if (!principal) return false;
  if (need === 'signed-in') return true;
  return principal.permissions.has(need);
}
