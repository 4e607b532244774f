import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstLineApp } from '../../test/support/first-line-app.js';
import { inCallbackSample } from '../ingest/callbacks/callback-list.js';
import { ingest } from '../ingest/ingest.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';

const T0 = Date.parse('2026-03-02T09:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
const H = 3_600_000;

describe('call-back sample', () => {
  it('is deterministic, empty at 0, everything at 1, and only grows with the share', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (id, a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(inCallbackSample(id, lo)).toBe(inCallbackSample(id, lo));
          if (inCallbackSample(id, lo)) expect(inCallbackSample(id, hi)).toBe(true);
          expect(inCallbackSample(id, 0)).toBe(false);
          expect(inCallbackSample(id, 1)).toBe(true);
        },
      ),
    );
  });

  it('takes about the configured share of tickets', () => {
    const ids = Array.from({ length: 4000 }, (_, i) => `T-${i}`);
    const taken = ids.filter((id) => inCallbackSample(id, 0.2)).length;
    // 800 expected; the binomial standard deviation is about 25
    expect(taken).toBeGreaterThan(700);
    expect(taken).toBeLessThan(900);
  });
});

describe('feedback call-backs', () => {
  let app: FastifyInstance;
  let store: Store;
  const clock = T0 + 24 * H;
  beforeAll(async () => {
    store = await openStore('sqlite::memory:');
    app = await firstLineApp(store, { callbackShare: 1 }, () => clock);
    const events: object[] = [
      {
        id: 'cu',
        type: 'customer.profile',
        at: iso(T0 - H),
        customer_id: 'cu-1',
        name: 'Ivan',
        phones: ['+79123456789'],
      },
    ];
    for (const [i, resolved] of [
      ['1', 2],
      ['2', 1],
      ['3', 3],
      ['open', null],
      ['rated', 4],
    ] as const) {
      events.push({
        id: `c${i}`,
        type: 'ticket.created',
        at: iso(T0),
        ticket_id: `T-${i}`,
        channel: 'phone',
        customer: '+79123456789',
        subject: `S${i}`,
      });
      if (resolved !== null)
        events.push({
          id: `r${i}`,
          type: 'ticket.resolved',
          at: iso(T0 + resolved * H),
          ticket_id: `T-${i}`,
          by: 'anna',
          line: 1,
        });
    }
    events.push({
      id: 'rt',
      type: 'ticket.rated',
      at: iso(T0 + 5 * H),
      ticket_id: 'T-rated',
      score: 5,
      via: 'link',
    });
    await ingest(store, events);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });
  const list = async () =>
    (await app.inject({ method: 'GET', url: '/api/v1/callbacks' })).json().items as {
      ticket_id: string;
      attempts: number;
      customer: { name: string; phones: string[] };
    }[];
  const log = (ticket: string, body: object) =>
    app.inject({ method: 'POST', url: `/api/v1/tickets/${ticket}/callback`, payload: body });

  it('lists resolved, unrated tickets of the period, oldest resolution first, with whom to call', async () => {
    const items = await list();
    expect(items.map((i) => i.ticket_id)).toEqual(['T-2', 'T-1', 'T-3']);
    expect(items[0]!.customer).toMatchObject({ name: 'Ivan', phones: ['+79123456789'] });
    const none = await app.inject({
      method: 'GET',
      url: `/api/v1/callbacks?from=${iso(T0 + 10 * H)}&to=${iso(T0 + 20 * H)}`,
    });
    expect(none.json().items).toEqual([]);
  });

  it('no answer keeps the ticket on the list; reached with a score records ticket.rated via callback', async () => {
    expect((await log('T-2', { outcome: 'no_answer', by: 'olga' })).statusCode).toBe(201);
    expect((await list()).find((i) => i.ticket_id === 'T-2')?.attempts).toBe(1);
    const reached = await log('T-2', { outcome: 'reached', score: 4, comment: 'fine', by: 'olga' });
    expect(reached.json()).toEqual({ status: 'recorded', events: ['ticket.callback', 'ticket.rated'] });
    expect((await list()).map((i) => i.ticket_id)).toEqual(['T-1', 'T-3']);
    expect((await store.getTicket('T-2'))!.facts).toMatchObject({
      callback_count: 2,
      callback_reached: 1,
      rating_score: 4,
      rating_via: 'callback',
    });
    // reached without a score: the call-back counts, no rating
    await log('T-1', { outcome: 'reached', by: 'olga' });
    expect((await store.getTicket('T-1'))!.facts).toMatchObject({ callback_reached: 1, rating_score: null });
  });

  it('refuses a score without reaching the customer (400), an open ticket (409), an unknown one (404)', async () => {
    const before = await store.eventCount();
    const bad = await log('T-3', { outcome: 'no_answer', score: 3 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('score');
    expect((await log('T-open', { outcome: 'reached' })).statusCode).toBe(409);
    expect((await log('T-none', { outcome: 'reached' })).statusCode).toBe(404);
    expect(await store.eventCount()).toBe(before);
  });
});
