import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminHeaders, injectAs } from '../../test/support/auth.js';
import { Stream } from '../../test/support/builder.js';
import { storeKinds } from '../../test/support/stores.js';
import { ingest } from '../ingest/ingest.js';
import { csvLine } from '../kpi/facts-export.js';
import { DEFAULT_TARGETS } from '../kpi/targets.js';
import type { Store } from '../store/store.js';
import { buildApp } from './app.js';

describe('KPI routes', () => {
  let app: FastifyInstance;
  let api: ReturnType<typeof injectAs>;
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    const fresh = await storeKinds[0]!.fresh();
    store = await fresh.open();
    dispose = fresh.dispose;
    app = await buildApp({ store });
    api = injectAs(app, await adminHeaders(store));
    // Two e-mail tickets on 2026-03-02 (UTC): one answered in 30 min and resolved at once, one still waiting.
    const s = new Stream(Date.parse('2026-03-02T09:00:00Z'), 'kr-');
    s.add('ticket.created', 0, { ticket_id: 'A', channel: 'email', by: 'ann' })
      .add('ticket.replied', 30, { ticket_id: 'A', by: 'ann', kind: 'solution' })
      .add('ticket.resolved', 31, { ticket_id: 'A', by: 'ann' })
      .add('ticket.created', 60, { ticket_id: 'B', channel: 'email', by: 'bob', subject: 'Invoice, "copy"' });
    await ingest(store, s.events);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
    await dispose();
  });

  it('answers the KPIs of a cut with values, targets, tiers and trends', async () => {
    const res = await api({
      url: '/api/v1/kpis?from=2026-03-02&to=2026-03-02&kpis=first_response,fcr,tickets_created&by=agent',
    });
    expect(res.statusCode).toBe(200);
    const { kpis, period } = res.json();
    expect(period).toMatchObject({
      from: '2026-03-02T00:00:00.000Z',
      to: '2026-03-03T00:00:00.000Z',
      by: 'agent',
    });
    expect(Object.keys(kpis)).toEqual(['tickets_created', 'first_response', 'fcr']);
    expect(kpis.tickets_created).toMatchObject({ value: 2, trend: { previous: 0, change: 2 } });
    // 30 min is within e-mail's "excellent" 1 h: one item with a target, and it is within target.
    expect(kpis.first_response).toMatchObject({
      count: 1,
      pending: 1,
      median_s: 1800,
      within_target: 1,
      tier: 'excellent',
    });
    expect(kpis.fcr).toMatchObject({ numerator: 1, denominator: 1, value: 1, tier: 'excellent' });
    expect(kpis.tickets_created.groups).toEqual([
      { key: 'ann', value: 1 },
      { key: 'bob', value: 1 },
    ]);
  });

  it.each([
    ['bucket=year', 'bucket'],
    ['by=colour', 'by'],
    ['from=yesterday', 'from'],
    ['from=2026-03-05&to=2026-03-01', 'from'],
    ['kpis=happiness', 'kpis'],
    ['line=4', 'line'],
    ['reopen_window=soon', 'reopen_window'],
  ])('400 naming the parameter for %s', async (qs, field) => {
    const res = await api({ url: `/api/v1/kpis?${qs}` });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().error.details)).toContain(field);
  });

  it('lists the tickets behind a number', async () => {
    const res = await api({
      url: '/api/v1/kpis/first_response/items?from=2026-03-02&to=2026-03-02&state=pending',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      total: 1,
      items: [{ id: 'B', type: 'ticket', subject: 'Invoice, "copy"', status: 'open' }],
    });
    expect((await api({ url: '/api/v1/kpis/nonsense/items' })).statusCode).toBe(400);
  });

  it('explains a move: per-group parts add up to the change', async () => {
    // Previous day (03-01) had no tickets: tickets_created went 0 → 2, one each for ann and bob.
    const res = await api({
      url: '/api/v1/kpis/tickets_created/why?from=2026-03-02&to=2026-03-02&by=agent',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ measure: 'count', before: 0, after: 2, change: 2 });
    expect(res.json().parts.map((p: { key: string; total: number }) => [p.key, p.total])).toEqual([
      ['ann', 1],
      ['bob', 1],
    ]);
    expect((await api({ url: '/api/v1/kpis/fcr/why?from=2026-03-02&to=2026-03-02' })).statusCode).toBe(400);
  });

  it('stores edited targets and uses them', async () => {
    const strict = structuredClone(DEFAULT_TARGETS);
    strict.durations.first_response = [
      { channel: '*', priority: '*', excellent_s: 60, good_s: 600, satisfactory_s: 1200 },
    ];
    const put = await api({ method: 'PUT', url: '/api/v1/targets', payload: strict });
    expect(put.statusCode).toBe(200);
    expect((await api({ url: '/api/v1/targets' })).json().durations.first_response).toHaveLength(1);
    const kpis = (await api({ url: '/api/v1/kpis?from=2026-03-02&to=2026-03-02&kpis=first_response' })).json()
      .kpis;
    expect(kpis.first_response).toMatchObject({ within_target: 0, tier: 'poor' });
    const bad = await api({
      method: 'PUT',
      url: '/api/v1/targets',
      payload: {
        ...strict,
        rates: {
          ...strict.rates,
          fcr: { direction: 'higher', excellent: 0.5, good: 0.6, satisfactory: 0.7 },
        },
      },
    });
    expect(bad.statusCode).toBe(400);
    await api({ method: 'PUT', url: '/api/v1/targets', payload: DEFAULT_TARGETS });
  });

  it('exports one row per ticket as CSV (RFC 4180 quoting) or NDJSON', async () => {
    expect(csvLine(['a,"b"', null, 3, 'x\ny'])).toBe('"a,""b""",,3,"x\ny"\r\n');
    const res = await api({ url: '/api/v1/facts?from=2026-03-02&to=2026-03-02' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^ticket_id,channel,/);
    expect(lines[1]).toMatch(/^A,email,/);
    const nd = await api({ url: '/api/v1/facts?from=2026-03-02&to=2026-03-02&format=ndjson' });
    expect(
      nd.body
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).ticket_id),
    ).toEqual(['A', 'B']);
  });

  it('exposes headline KPIs to Prometheus', async () => {
    const res = await api({ url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/^# HELP firstline_kpi /m);
    expect(res.body).toMatch(
      /^firstline_kpi\{kpi="tickets_created",stat="value",window="1d",channel="all"\} \d+$/m,
    );
    expect(res.body).toMatch(/^firstline_events_total 4$/m);
  });
});
