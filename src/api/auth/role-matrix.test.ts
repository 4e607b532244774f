import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminHeaders,
  ensureUser,
  signIn,
  TEST_PASSWORD_COST,
  tokenHeaders,
} from '../../../test/support/auth.js';
import { storeKinds } from '../../../test/support/stores.js';
import type { Store } from '../../store/store.js';
import { buildApp } from '../app.js';
import type { RouteRequirement } from './guard.js';
import type { Permission } from './permissions.js';

/** Who asks, how, and what they may do — written out here, not derived from the code under test. */
interface Caller {
  name: string;
  headers: Record<string, string>;
  csrf?: string;
  may: readonly Permission[] | null;
}

const ALL: Permission[] = [
  'kpis:read',
  'tickets:read',
  'tickets:write',
  'events:write',
  'settings:write',
  'admin',
];

describe('every route × every role', () => {
  let app: FastifyInstance;
  let store: Store;
  let dispose: () => Promise<void>;
  let url = '';
  const callers: Caller[] = [];
  beforeAll(async () => {
    const fresh = await storeKinds[0]!.fresh();
    store = await fresh.open();
    dispose = fresh.dispose;
    app = await buildApp({ store, auth: { passwordCost: TEST_PASSWORD_COST } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    await adminHeaders(store);
    await ensureUser(store, { login: 'sveta', role: 'supervisor' });
    await ensureUser(store, { login: 'anna', role: 'agent', line: 1, team_id: 'desk' });
    await ensureUser(store, { login: 'vera', role: 'viewer' });
    const session = async (login: string, may: readonly Permission[]) => {
      const s = await signIn(app, login);
      callers.push({ name: `${login} (session)`, headers: { cookie: s.cookie }, csrf: s.csrf, may });
    };
    callers.push({ name: 'nobody', headers: {}, may: null });
    await session('test-admin', ALL);
    await session('sveta', ['kpis:read', 'tickets:read', 'tickets:write', 'settings:write']);
    await session('anna', ['kpis:read', 'tickets:read', 'tickets:write']);
    await session('vera', ['kpis:read', 'tickets:read']);
    const token = async (name: string, login: string, scopes: Permission[], may: Permission[]) =>
      callers.push({ name, headers: await tokenHeaders(store, login, scopes), may });
    await token('admin token, events:write only', 'test-admin', ['events:write'], ['events:write']);
    await token('agent token, kpis:read only', 'anna', ['kpis:read'], ['kpis:read']);
    await token('supervisor token, tickets:read only', 'sveta', ['tickets:read'], ['tickets:read']);
    // a scope beyond the owner's role gives nothing beyond the role
    await token('viewer token asking tickets:write', 'vera', ['tickets:write'], ['tickets:read']);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
    await dispose();
  });

  const concrete = (path: string) => path.replace(/:[a-zA-Z]+/g, 'x').replace('*', 'x');

  async function call(
    r: RouteRequirement,
    c: Caller,
  ): Promise<{ status: number; body: LightMyRequestResponse | null }> {
    const headers = { ...c.headers, ...(c.csrf && r.method !== 'GET' ? { 'x-csrf-token': c.csrf } : {}) };
    if (r.url === '/api/v1/stream' && c.may?.includes('tickets:read')) {
      // an allowed stream never ends: its status is enough
      const ctl = new AbortController();
      const res = await fetch(`${url}${r.url}`, { headers, signal: ctl.signal });
      ctl.abort();
      return { status: res.status, body: null };
    }
    const res = await app.inject({
      method: r.method as 'GET',
      url: concrete(r.url),
      headers,
      ...(r.method === 'GET' ? {} : { payload: {} }),
    });
    return { status: res.statusCode, body: res };
  }

  /** The guard's own refusals, told apart from a handler's (a PBX route checking its URL secret, say). */
  const refusal = (status: number, res: LightMyRequestResponse | null) => {
    if (!res || (status !== 401 && status !== 403)) return null;
    const e = res.json().error as { code: string; details: { required?: string } | null };
    if (
      status === 401 &&
      (e.code === 'invalid_token' || /^sign in or send an API token/.test(res.json().error.message))
    )
      return '401';
    if (
      status === 403 &&
      (e.details?.required || e.code === 'csrf_failed' || e.code === 'password_change_required')
    )
      return '403';
    return null;
  };

  it('gives every route the answer its requirement calls for: allowed, 401 or 403', async () => {
    const routes = [...app.routePermissions].sort(
      // signing out ends the session the other calls use: last
      (a, b) => Number(a.url === '/api/v1/auth/sign-out') - Number(b.url === '/api/v1/auth/sign-out'),
    );
    expect(routes.length).toBeGreaterThan(60);
    const wrong: string[] = [];
    let checked = 0;
    for (const c of callers) {
      for (const r of routes) {
        // A public route is not the guard's to refuse; one may check a credential of its own (a PBX's URL secret).
        if (r.permission === 'public') continue;
        const { status, body } = await call(r, c);
        const expected =
          c.may === null
            ? '401'
            : r.permission === 'signed-in' || c.may.includes(r.permission)
              ? null
              : '403';
        const got = refusal(status, body);
        if (got !== expected)
          wrong.push(
            `${c.name}: ${r.method} ${r.url} needs ${r.permission}: expected ${expected ?? 'allowed'}, got ${status}`,
          );
        checked++;
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBe(routes.filter((r) => r.permission !== 'public').length * callers.length);
  });

  it('serves the public routes to nobody in particular', async () => {
    for (const path of ['/api/v1/health', '/api/docs/json', '/', '/kpi/fcr']) {
      const res = await app.inject({ url: path });
      expect(res.statusCode, path).not.toBe(401);
      expect(res.statusCode, path).toBeLessThan(500);
    }
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { login: 'vera', password: 'wrong, but asked' },
    });
    expect(signIn.json().error.code).toBe('invalid_credentials');
  });

  it('refuses a signed-in write without its CSRF token on every route that writes', async () => {
    const s = await signIn(app, 'test-admin');
    const writes = app.routePermissions.filter((r) => r.method !== 'GET' && r.permission !== 'public');
    expect(writes.length).toBeGreaterThan(20);
    for (const r of writes) {
      const res = await app.inject({
        method: r.method as 'POST',
        url: concrete(r.url),
        headers: { cookie: s.cookie },
        payload: {},
      });
      expect([res.statusCode, res.json().error.code], `${r.method} ${r.url}`).toEqual([403, 'csrf_failed']);
    }
  });

  it('leaves no API route to the default: each one says what it requires', () => {
    const undecided = app.routePermissions.filter(
      (r) => r.source === 'default' && (r.url.startsWith('/api/v1') || r.url === '/metrics'),
    );
    expect(undecided).toEqual([]);
    const open = app.routePermissions
      .filter((r) => r.permission === 'public' && r.url.startsWith('/api/v1'))
      .map((r) => `${r.method} ${r.url}`);
    expect(open).toEqual(expect.arrayContaining(['GET /api/v1/health', 'POST /api/v1/auth/sign-in']));
    // the core: events, tickets, KPIs are never open
    for (const key of ['POST /api/v1/events', 'GET /api/v1/tickets/:id', 'GET /api/v1/kpis', 'GET /metrics'])
      expect(open).not.toContain(key);
  });
});
