import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/api/app.js';
import type { Permission } from '../../src/api/auth/permissions.js';
import type { Store } from '../../src/store/store.js';
import { adminHeaders, ensureUser, TEST_PASSWORD_COST, type TestUser, tokenHeaders } from './auth.js';
import type { StoreKind } from './stores.js';

/** The people of the help desk tests: two first-line agents, second and third line, a supervisor, a viewer. */
export const DESK_USERS: readonly TestUser[] = [
  { login: 'anna', name: 'Anna', role: 'agent', line: 1, team_id: 'desk' },
  { login: 'dima', name: 'Dima', role: 'agent', line: 1, team_id: 'desk' },
  { login: 'boris', name: 'Boris', role: 'agent', line: 2, team_id: 'apps' },
  { login: 'galya', name: 'Galya', role: 'agent', line: 2, team_id: 'apps' },
  { login: 'lev', name: 'Lev', role: 'agent', line: 3, team_id: 'experts', senior: true },
  { login: 'sveta', name: 'Sveta', role: 'supervisor', team_id: 'desk' },
  { login: 'vera', name: 'Vera', role: 'viewer' },
];

/** Each test user's token may do all that the role allows. */
const SCOPES: Record<TestUser['role'], Permission[]> = {
  admin: ['admin'],
  supervisor: ['kpis:read', 'tickets:write', 'settings:write'],
  agent: ['kpis:read', 'tickets:write'],
  viewer: ['kpis:read', 'tickets:read'],
};

export interface Desk {
  app: FastifyInstance;
  store: Store;
  /** the server's clock, in ms; tests move it */
  clock: { now: number };
  /** API token headers per login, with all that the user's role allows */
  as: Record<string, Record<string, string>>;
  admin: Record<string, string>;
  /** POST an action (or the creation when `path` is "") as a user */
  act(
    login: string,
    ticket: string,
    action: string,
    body?: Record<string, unknown>,
  ): Promise<LightMyRequestResponse>;
  create(login: string, body: Record<string, unknown>): Promise<LightMyRequestResponse>;
  get(login: string, url: string): Promise<LightMyRequestResponse>;
  /** minutes after the start of the test day */
  at(minutes: number): number;
  close(): Promise<void>;
}

export async function openDesk(kind: StoreKind, start = Date.parse('2026-03-02T09:00:00Z')): Promise<Desk> {
  const fresh = await kind.fresh();
  const store = await fresh.open();
  const clock = { now: start };
  const app = await buildApp({ store, now: () => clock.now, auth: { passwordCost: TEST_PASSWORD_COST } });
  const as: Record<string, Record<string, string>> = {};
  for (const u of DESK_USERS) {
    await ensureUser(store, u, () => clock.now);
    as[u.login] = await tokenHeaders(store, u.login, SCOPES[u.role]);
  }
  const admin = await adminHeaders(store);
  return {
    app,
    store,
    clock,
    as,
    admin,
    act: (login, ticket, action, body = {}) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/tickets/${ticket}/${action}`,
        payload: body,
        headers: as[login],
      }),
    create: (login, body) =>
      app.inject({ method: 'POST', url: '/api/v1/tickets', payload: body, headers: as[login] }),
    get: (login, url) => app.inject({ url, headers: login === 'admin' ? admin : as[login] }),
    at: (minutes) => start + minutes * 60_000,
    async close() {
      await app.close();
      await store.close();
      await fresh.dispose();
    },
  };
}

/** The events an action answered with, without their generated ids. */
export function eventsOf(res: LightMyRequestResponse): Record<string, unknown>[] {
  if (res.statusCode >= 300) throw new Error(`action failed: ${res.statusCode} ${res.body}`);
  return (res.json().events as Record<string, unknown>[]).map(({ id: _id, ...rest }) => rest);
}
