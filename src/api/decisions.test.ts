import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminHeaders, ensureUser, tokenHeaders } from '../../test/support/auth.js';
import { storeKinds } from '../../test/support/stores.js';
import { ingest } from '../ingest/ingest.js';
import { Events } from '../kpi/kpi-test-helpers.js';
import type { Store } from '../store/store.js';
import { buildApp } from './app.js';

// Staffing, forecast, growth, alerts and webhooks over HTTP: shapes, 400s for bad parameters, permissions.
describe('decision routes', () => {
  let app: FastifyInstance;
  let store: Store;
  let dispose: () => Promise<void>;
  let admin: Record<string, string>;
  let viewer: Record<string, string>;

  beforeAll(async () => {
    const fresh = await storeKinds[0]!.fresh();
    store = await fresh.open();
    dispose = fresh.dispose;
    app = await buildApp({ store });
    admin = await adminHeaders(store);
    await ensureUser(store, { login: 'vera', role: 'viewer' });
    viewer = await tokenHeaders(store, 'vera', ['kpis:read']);
    // 35 days from Monday 2026-03-02 (UTC): 3 phone calls a day on weekdays, 1 at weekends, each asking
    // for an agent.
    const e = new Events(Date.parse('2026-03-02T09:00:00Z'));
    for (let d = 0; d < 35; d++)
      for (let k = 0; k < (d % 7 < 5 ? 3 : 1); k++) {
        const id = `c${d}-${k}`;
        e.add('contact.offered', d * 1440 + 60 * k, { contact_id: id, channel: 'phone' });
        e.add('contact.queued', d * 1440 + 60 * k + 0.5, { contact_id: id });
      }
    await ingest(store, e.events);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
    await dispose();
  });

  const get = (url: string, headers = admin) => app.inject({ url, headers });

  it('GET /api/v1/staffing: the calculator in the issue’s shape', async () => {
    const res = await get(
      '/api/v1/staffing?arrivals=1000&interval_s=3600&aht_s=120&target_sl=0.8&target_s=20&max_occupancy=0.85&shrinkage=0.3',
      viewer,
    );
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Object.keys(body)).toEqual([
      'agents',
      'scheduled',
      'p_wait',
      'service_level',
      'asa_s',
      'occupancy',
    ]);
    expect(body).toMatchObject({ agents: 40, scheduled: 58 });
    expect(body.service_level).toBeCloseTo(0.9372, 4);
    const erlangA = (
      await get('/api/v1/staffing?arrivals=100&interval_s=1800&aht_s=180&target_sl=0.8&patience_s=60')
    ).json();
    expect(erlangA.p_abandon).toBeGreaterThan(0);
  });

  it('GET /api/v1/staffing: 400 naming the parameter', async () => {
    const cases: [string, string][] = [
      ['arrivals=100&interval_s=1800&aht_s=abc&target_sl=0.8', 'aht_s'],
      ['arrivals=100&interval_s=1800&aht_s=180&target_sl=0.8&target_asa_s=9', 'target_asa_s'],
      ['arrivals=100&aht_s=180&target_sl=0.8', 'interval_s'],
      ['arrivals=100&interval_s=1800&aht_s=180&target_sl=1.5', 'target_sl'],
      ['channel=fax', 'channel'],
      ['surprise=1', ''],
    ];
    for (const [query, field] of cases) {
      const res = await get(`/api/v1/staffing?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.code, query).toBe('invalid_request');
      if (field) expect(JSON.stringify(res.json().error.details), query).toContain(field);
    }
  });

  it('GET /api/v1/staffing: the plan of a typical week', async () => {
    const res = await get('/api/v1/staffing?from=2026-03-02&to=2026-04-05&shrinkage=0.25');
    expect(res.statusCode).toBe(200);
    const plan = res.json();
    expect(plan.slots).toHaveLength(168);
    expect(plan.slots[0]).toMatchObject({ weekday: 1, hour: 0 });
    expect(plan.settings).toMatchObject({ shrinkage: 0.25, shrinkage_source: 'given', basis: 'history' });
    expect(plan.channels.map((c: { channel: string }) => c.channel)).toEqual(['phone']);
    expect(typeof plan.summary.headline).toBe('string');
  });

  it('GET /api/v1/forecast and /api/v1/growth', async () => {
    const res = await get('/api/v1/forecast?from=2026-03-02&to=2026-04-05&weeks=2');
    expect(res.statusCode).toBe(200);
    const f = res.json();
    expect(f).toMatchObject({ measure: 'contacts_offered', horizon_days: 14 });
    expect(f.period).toMatchObject({ from: '2026-03-03', to: '2026-04-05', history_days: 34 });
    expect(f.series.map((s: { channel: string }) => s.channel)).toEqual(['all', 'phone']);
    expect(f.series[1].forecast[0]).toMatchObject({ date: '2026-04-06' });
    expect(Object.keys(f.series[1].forecast[0]).sort()).toEqual(
      ['date', 'lower_80', 'lower_95', 'upper_80', 'upper_95', 'value'].sort(),
    );
    expect((await get('/api/v1/forecast?weeks=13')).statusCode).toBe(400);
    const short = await get('/api/v1/forecast?from=2026-03-20&to=2026-04-05');
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details).toEqual([expect.objectContaining({ field: 'from' })]);
    const growth = await get('/api/v1/growth?to=2026-04-05&weeks=2', viewer);
    expect(growth.statusCode).toBe(200);
    expect(growth.json().channels).toEqual([
      expect.objectContaining({ key: 'phone', previous: 34, current: 34, change: 0, significant: false }),
    ]);
    expect((await get('/api/v1/growth?weeks=0')).statusCode).toBe(400);
  });

  it('alerts and webhooks: list, check, create, change, delete; permissions', async () => {
    expect((await app.inject({ url: '/api/v1/alerts' })).statusCode).toBe(401);
    expect((await get('/api/v1/alerts', viewer)).json()).toEqual({
      total: 0,
      offset: 0,
      limit: 100,
      alerts: [],
    });
    const check = await app.inject({
      method: 'POST',
      url: '/api/v1/alerts/check',
      headers: admin,
      payload: {},
    });
    expect(check.statusCode).toBe(200);
    expect(check.json()).toMatchObject({ alerts: [], deliveries: [] });
    expect((await get('/api/v1/webhooks', viewer)).statusCode).toBe(403);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/webhooks',
      headers: admin,
      payload: { url: 'ftp://example.org', kinds: ['nonsense'] },
    });
    expect(bad.statusCode).toBe(400);
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/webhooks',
      headers: admin,
      payload: { url: 'https://hooks.example.org/firstline', kinds: ['escalation_spike'] },
    });
    expect(created.statusCode).toBe(201);
    const hook = created.json();
    expect(hook.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(hook).toMatchObject({
      url: 'https://hooks.example.org/firstline',
      kinds: ['escalation_spike'],
      active: true,
    });
    const listed = (await get('/api/v1/webhooks')).json();
    expect(listed).toHaveLength(1);
    expect(listed[0].secret).toBeUndefined();
    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/v1/webhooks/${hook.id}`,
      headers: admin,
      payload: { active: false },
    });
    expect(patched.json()).toMatchObject({ id: hook.id, active: false });
    expect((await get(`/api/v1/webhooks/${hook.id}/deliveries`)).json()).toEqual([]);
    expect(
      (await app.inject({ method: 'DELETE', url: `/api/v1/webhooks/${hook.id}`, headers: admin })).statusCode,
    ).toBe(204);
    const gone = await get(`/api/v1/webhooks/${hook.id}`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.code).toBe('not_found');
    expect((await get('/api/v1/alerts?kind=weather')).statusCode).toBe(400);
  });
});
