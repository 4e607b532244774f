import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminHeaders, ensureUser, tokenHeaders } from '../../test/support/auth.js';
import { ingest } from '../ingest/ingest.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import { buildApp } from './app.js';

/** The first-line routes as the server mounts them: behind the auth guard, with their own permissions. */
describe('first-line routes in the app: who may call them', () => {
  let app: FastifyInstance;
  let store: Store;
  let admin: Record<string, string>;
  let anna: Record<string, string>;
  let supervisor: Record<string, string>;
  let viewer: Record<string, string>;
  beforeAll(async () => {
    store = await openStore('sqlite::memory:');
    app = await buildApp({ store, firstLine: { telephonyToken: 'pbx-token' } });
    admin = await adminHeaders(store);
    await ensureUser(store, { login: 'anna', role: 'agent', line: 1 });
    await ensureUser(store, { login: 'olga', role: 'agent', line: 1 });
    await ensureUser(store, { login: 'sam', role: 'supervisor' });
    await ensureUser(store, { login: 'vic', role: 'viewer' });
    anna = await tokenHeaders(store, 'anna', ['tickets:write']);
    supervisor = await tokenHeaders(store, 'sam', ['tickets:write', 'settings:write']);
    viewer = await tokenHeaders(store, 'vic', ['tickets:read']);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });
  const ring = (callId: string, url: string, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url,
      headers,
      payload: { call_id: callId, event: 'ringing', from: '+79123456789' },
    });

  it('a PBX pushes with the URL token, or an API token that may write events', async () => {
    expect((await ring('a-1', '/api/v1/telephony/calls?token=pbx-token')).statusCode).toBe(200);
    expect((await ring('a-2', '/api/v1/cti/pbx-token')).statusCode).toBe(200);
    expect((await ring('a-3', '/api/v1/telephony/calls', admin)).statusCode).toBe(200);
    const before = await store.eventCount();
    expect((await ring('a-4', '/api/v1/telephony/calls')).statusCode).toBe(401);
    expect((await ring('a-5', '/api/v1/telephony/calls?token=guess')).statusCode).toBe(401);
    expect(
      (await ring('a-6', '/api/v1/telephony/calls', { authorization: 'Bearer fl_nope' })).statusCode,
    ).toBe(401);
    expect((await ring('a-7', '/api/v1/telephony/calls', anna)).statusCode).toBe(403);
    expect(await store.eventCount()).toBe(before);
  });

  it('agents look callers up and register the ticket, as themselves', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/telephony/calls/a-1/popup' })).statusCode).toBe(
      401,
    );
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/telephony/calls/a-1/popup', headers: viewer }))
        .statusCode,
    ).toBe(200);
    const made = await app.inject({
      method: 'POST',
      url: '/api/v1/telephony/calls/a-1/ticket',
      headers: anna,
      payload: { subject: 'Call' },
    });
    expect(made.statusCode).toBe(201);
    const created = (await store.getTicket(made.json().ticket_id))!.timeline.find(
      (e) => e.type === 'ticket.created',
    );
    expect(created).toMatchObject({ by: 'anna', channel: 'phone', contact_id: 'call-a-1' });
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/v1/telephony/calls/a-2/ticket',
          headers: viewer,
          payload: {},
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/customers?q=912', headers: viewer })).json().customers,
    ).toHaveLength(1);
    expect((await app.inject({ method: 'GET', url: '/api/v1/customers?q=912' })).statusCode).toBe(401);
  });

  it('rating pages are public; the links are for those who read tickets', async () => {
    await ingest(store, [
      { id: 'res', type: 'ticket.resolved', at: new Date().toISOString(), ticket_id: 'T-a-1', by: 'anna' },
    ]);
    expect((await app.inject({ method: 'GET', url: '/api/v1/tickets/T-a-1/rating-links' })).statusCode).toBe(
      401,
    );
    const links = (
      await app.inject({ method: 'GET', url: '/api/v1/tickets/T-a-1/rating-links', headers: viewer })
    ).json();
    const url = new URL(links.links[4].url);
    const page = await app.inject({ method: 'GET', url: url.pathname });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('data-outcome="recorded"');
  });

  it('an agent sets and sees their own status; only supervisors see others and the board', async () => {
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/v1/agents/anna/status',
          headers: anna,
          payload: { status: 'available' },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/agents/anna/break', headers: anna })).json().state,
    ).toBe('working');
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/v1/agents/olga/status',
          headers: anna,
          payload: { status: 'break' },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/agents/breaks', headers: anna })).statusCode,
    ).toBe(403);
    const board = await app.inject({ method: 'GET', url: '/api/v1/agents/breaks', headers: supervisor });
    expect(board.statusCode).toBe(200);
    expect(board.json().counts.working).toBe(1);
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/agents/anna/break', headers: supervisor })).statusCode,
    ).toBe(200);
  });

  it('call-backs: listed for readers, logged by writers as themselves', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/callbacks', headers: viewer })).statusCode).toBe(
      200,
    );
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/tickets/T-a-1/callback',
      headers: anna,
      payload: { outcome: 'no_answer' },
    });
    expect(r.statusCode).toBe(201);
    const cb = (await store.getTicket('T-a-1'))!.timeline.find((e) => e.type === 'ticket.callback');
    expect(cb).toMatchObject({ by: 'anna' });
  });
});
