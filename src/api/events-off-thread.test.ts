import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminHeaders, injectAs } from '../../test/support/auth.js';
import { randomHistory } from '../../test/support/random-history.js';
import { snapshot, storeKinds } from '../../test/support/stores.js';
import type { Store } from '../store/store.js';
import { buildApp } from './app.js';
import { OFF_THREAD_BYTES } from './routes/events.js';

/** The same requests to a server validating large batches in worker threads and to one validating in-thread. */
describe('events route: batches validated in worker threads', () => {
  const servers: { store: Store; api: ReturnType<typeof injectAs>; close(): Promise<void> }[] = [];
  beforeAll(async () => {
    for (const offThreadValidation of [true, false]) {
      const fresh = await storeKinds[0]!.fresh();
      const store = await fresh.open();
      const app = await buildApp({ store, offThreadValidation });
      servers.push({
        store,
        api: injectAs(app, await adminHeaders(store)),
        close: async () => {
          await app.close();
          await store.close();
          await fresh.dispose();
        },
      });
    }
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
  });
  const postBoth = (text: string) =>
    Promise.all(
      servers.map(({ api }) =>
        api({
          method: 'POST',
          url: '/api/v1/events',
          payload: text,
          headers: { 'content-type': 'application/json; charset=utf-8' },
        }),
      ),
    );

  it('stores exactly what in-thread validation stores, and answers refusals alike', async () => {
    const history = randomHistory(11, 400);
    const big = JSON.stringify(history.slice(0, 1500));
    expect(big.length).toBeGreaterThan(OFF_THREAD_BYTES);

    // an invalid item deep in a large batch: named by index and field, and nothing stored
    const broken = history.slice(0, 1500).map((e, i) => (i === 1234 ? { ...e, at: 'yesterday' } : e));
    const refused = await postBoth(JSON.stringify(broken));
    for (const res of refused) {
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'invalid_event',
        details: [{ index: 1234, field: 'at' }],
      });
    }
    expect(refused[0]!.json()).toEqual(refused[1]!.json());
    // malformed JSON, long enough to go to a worker
    const malformed = await postBoth(`${big.slice(0, -1)},`);
    for (const res of malformed) {
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('invalid_json');
    }
    for (const s of servers) expect(await s.store.eventCount()).toBe(0);

    const accepted = await postBoth(big);
    for (const res of accepted) expect(res.json()).toEqual({ appended: 1500, duplicates: 0 });
    // { events: [...] } in a worker, re-sent events are no-ops there too
    const wrapped = await postBoth(JSON.stringify({ events: history.slice(1000) }));
    for (const res of wrapped) {
      expect(res.json()).toEqual({ appended: history.length - 1500, duplicates: 500 });
    }
    const bodies = (s: Store) => s.db.selectFrom('events').select(['id', 'body']).orderBy('id').execute();
    expect(await bodies(servers[0]!.store)).toEqual(await bodies(servers[1]!.store));
    expect(await snapshot(servers[0]!.store)).toEqual(await snapshot(servers[1]!.store));
  });

  it('refuses an empty body, and small bodies stay in-thread with the same answers', async () => {
    for (const res of await postBoth('')) {
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('empty_body');
    }
    for (const res of await postBoth('{"id": ')) expect(res.json().error.code).toBe('invalid_json');
    // the body is parsed with JSON.parse, not Fastify's guarded parser: a "__proto__" key is an own field
    // like any other, and the strict schemas refuse it by name
    const poisoned =
      '{"id":"p1","type":"ticket.created","at":"2026-03-02T09:00:00Z","ticket_id":"p","channel":"email",' +
      '"__proto__":{"admin":true}}';
    for (const res of await postBoth(poisoned)) {
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0]).toMatchObject({ field: '__proto__', message: 'unknown field' });
    }
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });
});
