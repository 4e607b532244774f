import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminHeaders, injectAs } from '../../test/support/auth.js';
import { Stream } from '../../test/support/builder.js';
import { storeKinds } from '../../test/support/stores.js';
import type { Store } from '../store/store.js';
import { buildApp } from './app.js';

describe('HTTP API', () => {
  let app: FastifyInstance;
  let api: ReturnType<typeof injectAs>;
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    const fresh = await storeKinds[0]!.fresh();
    store = await fresh.open();
    dispose = fresh.dispose;
    app = await buildApp({ store, bodyLimit: 256 * 1024 });
    api = injectAs(app, await adminHeaders(store));
  });
  afterAll(async () => {
    await app.close();
    await store.close();
    await dispose();
  });
  const post = (payload: unknown, headers: Record<string, string> = {}) =>
    api({
      method: 'POST',
      url: '/api/v1/events',
      payload: payload as string,
      headers: { 'content-type': 'application/json', ...headers },
    });

  it('ingests one event, a batch and { events }, and serves the ticket with its timeline', async () => {
    const s = new Stream(Date.parse('2026-03-02T09:00:00Z'), 'api-');
    s.add('ticket.created', 0, { ticket_id: 'T-1', channel: 'email', subject: 'Parcel late' })
      .add('ticket.replied', 45, { ticket_id: 'T-1', by: 'ag', kind: 'comment' })
      .add('ticket.resolved', 60, { ticket_id: 'T-1', by: 'ag' });
    expect((await post(s.events[0])).json()).toEqual({ appended: 1, duplicates: 0 });
    expect((await post(s.events.slice(0, 2))).json()).toEqual({ appended: 1, duplicates: 1 });
    expect((await post({ events: s.events })).json()).toEqual({ appended: 1, duplicates: 2 });
    const res = await api({ method: 'GET', url: '/api/v1/tickets/T-1' });
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view.ticket).toMatchObject({
      ticket_id: 'T-1',
      status: 'resolved',
      subject: 'Parcel late',
      version: 3,
    });
    expect(view.facts).toMatchObject({ first_response_s: 2700, resolution_s: 3600 });
    expect(view.timeline.map((e: { type: string }) => e.type)).toEqual([
      'ticket.created',
      'ticket.replied',
      'ticket.resolved',
    ]);
  });

  it('400 names the item and field of an invalid event, and stores nothing of the batch', async () => {
    const before = await store.eventCount();
    const res = await post([
      { id: 'ok-1', type: 'ticket.created', at: '2026-03-02T10:00:00Z', ticket_id: 'T-2', channel: 'web' },
      {
        id: 'bad-1',
        type: 'ticket.rated',
        at: '2026-03-02T11:00:00Z',
        ticket_id: 'T-2',
        score: 6,
        via: 'link',
      },
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'invalid_event',
      details: [{ index: 1, id: 'bad-1', field: 'score' }],
    });
    expect(res.json().error.message).toContain('score');
    expect(await store.eventCount()).toBe(before);
  });

  it.each([
    ['unknown type', { id: 'x', type: 'ticket.teleported', at: '2026-03-02T10:00:00Z' }, 'type'],
    [
      'bad instant',
      { id: 'x', type: 'ticket.created', at: 'yesterday', ticket_id: 'q', channel: 'email' },
      'at',
    ],
    [
      'instant without zone',
      { id: 'x', type: 'ticket.created', at: '2026-03-02T10:00:00', ticket_id: 'q', channel: 'email' },
      'at',
    ],
    [
      'unknown channel',
      { id: 'x', type: 'ticket.created', at: '2026-03-02T10:00:00Z', ticket_id: 'q', channel: 'fax' },
      'channel',
    ],
    [
      'answer for an unknown contact',
      { id: 'x', type: 'contact.answered', at: '2026-03-02T10:00:00Z', contact_id: 'nope', agent_id: 'a' },
      'contact_id',
    ],
    [
      'reply to an unknown ticket',
      {
        id: 'x',
        type: 'ticket.replied',
        at: '2026-03-02T10:00:00Z',
        ticket_id: 'nope',
        by: 'a',
        kind: 'comment',
      },
      'ticket_id',
    ],
    ['not an object', 42, '(event)'],
  ])('400 for %s', async (_name, event, field) => {
    const res = await post([event]);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe(field);
  });

  it('400 for malformed JSON and for an empty batch', async () => {
    const res = await post('{"id": ');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_json');
    expect((await post([])).json().error.code).toBe('empty_batch');
  });

  it('409 when an id is re-sent with another body', async () => {
    const e = {
      id: 'c-1',
      type: 'ticket.created',
      at: '2026-03-02T10:00:00Z',
      ticket_id: 'T-3',
      channel: 'web',
    };
    expect((await post(e)).statusCode).toBe(200);
    const res = await post({ ...e, channel: 'chat' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'conflict',
      details: [{ index: 0, id: 'c-1', field: 'id' }],
    });
  });

  it('413 for more than 10,000 events and for a body over the limit', async () => {
    const many = Array.from({ length: 10_001 }, (_, i) => ({ id: `m${i}` }));
    const big = await api({
      method: 'POST',
      url: '/api/v1/events',
      payload: JSON.stringify(many),
      headers: { 'content-type': 'application/json' },
    });
    expect(big.statusCode).toBe(413);
    const huge = await post(JSON.stringify({ id: 'x'.repeat(300 * 1024) }));
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('body_too_large');
  });

  it('415 for a body that is not JSON', async () => {
    const res = await api({
      method: 'POST',
      url: '/api/v1/events',
      payload: 'id=1',
      headers: { 'content-type': 'text/plain' },
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('unsupported_media_type');
  });

  it('401 without credentials for events, tickets and KPIs; health and the API docs stay open', async () => {
    for (const [method, url] of [
      ['POST', '/api/v1/events'],
      ['GET', '/api/v1/tickets/T-1'],
      ['GET', '/api/v1/kpis'],
      ['GET', '/metrics'],
      ['GET', '/api/v1/nothing'],
    ] as const) {
      const res = await app.inject({ method, url, payload: method === 'POST' ? [] : undefined });
      expect(res.statusCode, url).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    }
    const bad = await app.inject({ url: '/api/v1/kpis', headers: { authorization: 'Bearer fl_guessed' } });
    expect(bad.json().error.code).toBe('invalid_token');
    expect((await app.inject({ url: '/api/v1/health' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/docs/json' })).statusCode).toBe(200);
  });

  it('404 for an unknown ticket and an unknown route; health and OpenAPI answer', async () => {
    expect((await api({ method: 'GET', url: '/api/v1/tickets/none' })).statusCode).toBe(404);
    expect((await api({ method: 'GET', url: '/api/v1/nothing' })).json().error.code).toBe('not_found');
    expect((await api({ method: 'GET', url: '/api/v1/health' })).json()).toMatchObject({
      status: 'ok',
      store: 'sqlite',
    });
    const doc = (await api({ method: 'GET', url: '/api/docs/json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/events', '/api/v1/tickets/{id}', '/api/v1/health']),
    );
  });
});
