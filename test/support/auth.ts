import type { FastifyInstance, InjectOptions } from 'fastify';
import { authContext } from '../../src/api/auth/context.js';
import type { Permission, Role } from '../../src/api/auth/permissions.js';
import { createApiToken } from '../../src/api/auth/tokens.js';
import { createUser } from '../../src/api/auth/users.js';
import { findUser } from '../../src/store/auth-users.js';
import type { Store } from '../../src/store/store.js';

/** Cheap password hashes for tests (2^10): the real cost is exercised by the password tests. */
export const TEST_PASSWORD_COST = 10;
export const TEST_PASSWORD = 'correct horse battery';

export interface TestUser {
  login: string;
  role: Role;
  name?: string;
  line?: 1 | 2 | 3;
  team_id?: string;
  senior?: boolean;
  password?: string;
}

/** Creates the user unless it exists (same login = same user), with TEST_PASSWORD unless told otherwise. */
export async function ensureUser(store: Store, u: TestUser, now: () => number = Date.now): Promise<string> {
  const ctx = authContext(store, now, { passwordCost: TEST_PASSWORD_COST });
  if (await findUser(store.db, u.login)) return u.login;
  await createUser(ctx, {
    login: u.login,
    name: u.name ?? u.login,
    role: u.role,
    ...(u.line ? { line: u.line } : {}),
    ...(u.team_id ? { team_id: u.team_id } : {}),
    ...(u.senior ? { senior: true } : {}),
    password: u.password ?? TEST_PASSWORD,
  });
  return u.login;
}

/** Headers carrying a fresh API token of the user with the given scopes. */
export async function tokenHeaders(
  store: Store,
  userId: string,
  scopes: readonly Permission[],
): Promise<Record<string, string>> {
  const ctx = authContext(store, Date.now);
  const { token } = await createApiToken(ctx, { userId, name: 'test', scopes, createdBy: userId });
  return { authorization: `Bearer ${token}` };
}

/** An administrator's API token for a store (the user "test-admin" is created on first use). */
export async function adminHeaders(store: Store): Promise<Record<string, string>> {
  await ensureUser(store, { login: 'test-admin', role: 'admin' });
  return tokenHeaders(store, 'test-admin', ['admin']);
}

export interface SignedIn {
  /** the Cookie header to send */
  cookie: string;
  csrf: string;
  /** Cookie and X-CSRF-Token: what a browser sends with a write */
  headers: Record<string, string>;
}

/** Cookies (name=value) from a response's Set-Cookie headers. */
export function cookiesOf(setCookie: string | string[] | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
    const [pair] = c.split(';');
    const eq = pair!.indexOf('=');
    out.set(pair!.slice(0, eq), decodeURIComponent(pair!.slice(eq + 1)));
  }
  return out;
}

/** Signs in through the API as a browser would. */
export async function signIn(
  app: FastifyInstance,
  login: string,
  password = TEST_PASSWORD,
): Promise<SignedIn> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { login, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${login} failed: ${res.statusCode} ${res.body}`);
  const session = cookiesOf(res.headers['set-cookie']).get('firstline_session')!;
  const csrf = (res.json() as { csrf_token: string }).csrf_token;
  const cookie = `firstline_session=${session}; firstline_csrf=${csrf}`;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}

/** app.inject with the given headers added to every request (its own headers win). */
export function injectAs(app: FastifyInstance, headers: Record<string, string>) {
  return (opts: InjectOptions) =>
    app.inject({ ...opts, headers: { ...headers, ...((opts.headers as Record<string, string>) ?? {}) } });
}
