import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeKinds } from '../../../test/support/stores.js';
import { loadConfig } from '../../config.js';
import { ingest } from '../../ingest/ingest.js';
import type { Store } from '../../store/store.js';
import { Events } from '../kpi-test-helpers.js';
import { DEFAULT_TARGETS } from '../targets.js';
import { listAlerts, saveNewAlerts } from './alert-store.js';
import { checkAlerts, scheduleAlertChecks } from './check.js';
import {
  DELIVERY_HEADER,
  type DeliveryOptions,
  deliveryLog,
  SIGNATURE_HEADER,
  signBody,
} from './delivery.js';
import { evaluateAlerts } from './evaluate.js';
import { poissonTail } from './tails.js';
import { createWebhook, deleteWebhook, updateWebhook } from './webhooks.js';

const DAY = 1440;
const FROM = Date.parse('2026-03-02T00:00:00Z');

/**
 * 2026-03-02 (Monday, UTC) and the 28 days after: two 'billing' tickets escalated each day at 10:00 and
 * 11:00; on day 29 (2026-03-31) ten. The baseline of day 29 is days 1–28 (day 0, the first, only starts
 * the history): 2 a day, every weekday alike, so 2 expected and P(X ≥ 10 | 2) = 4.6e−5 < 1e−4.
 */
function history(): Events {
  const e = new Events(Date.parse('2026-03-02T10:00:00Z'));
  let n = 0;
  for (let d = 0; d < 30; d++) {
    for (let k = 0; k < (d === 29 ? 10 : 2); k++) {
      const id = `t${++n}`;
      e.add('ticket.created', d * DAY + k, { ticket_id: id, channel: 'email', category: 'billing', by: 'a' });
      e.add('ticket.escalated', d * DAY + k + 0.5, { ticket_id: id, to_line: 2, reason: 'x', by: 'a' });
    }
  }
  return e;
}

/**
 * A local receiver that answers each delivery (each alert) with the given statuses in turn, the last one
 * repeating — [500, 503, 204] fails twice and then succeeds — and keeps every request it got.
 */
async function receiver(statuses: number[]) {
  const got: { headers: IncomingMessage['headers']; body: string }[] = [];
  const tries = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      got.push({ headers: req.headers, body });
      const delivery = String(req.headers[DELIVERY_HEADER]);
      const n = (tries.get(delivery) ?? 0) + 1;
      tries.set(delivery, n);
      res.statusCode = statuses[Math.min(n - 1, statuses.length - 1)]!;
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { url, got, close: () => new Promise<void>((r) => server.close(() => r())) };
}

for (const kind of storeKinds) {
  describe.skipIf(!kind.available)(`alerts: rules, storage, webhooks (${kind.name})`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    const waits: number[] = [];
    const delivery: DeliveryOptions = {
      maxAttempts: 4,
      baseDelayMs: 20,
      timeoutMs: 2000,
      // The real wait, remembered so that the back-off can be checked.
      sleep: (ms) => {
        waits.push(ms);
        return new Promise((r) => setTimeout(r, ms));
      },
    };
    beforeAll(async () => {
      const fresh = await kind.fresh();
      store = await fresh.open();
      dispose = fresh.dispose;
      await ingest(store, history().events);
    });
    afterAll(async () => {
      await store.close();
      await dispose();
    });
    const evaluate = (hourly = true) =>
      evaluateAlerts(store, {
        from: FROM,
        to: Date.parse('2026-04-01T00:00:00Z'),
        timeZone: 'UTC',
        targets: DEFAULT_TARGETS,
        kinds: ['escalation_spike'],
        hourly,
      });

    it('raises the day-29 spike, overall and for the category, and nothing else', async () => {
      const daily = await evaluate(false);
      expect(daily.map((a) => [a.bucket_label, a.dimension, a.value])).toEqual([
        ['2026-03-31', null, null],
        ['2026-03-31', 'category', 'billing'],
      ]);
      for (const a of daily) {
        expect(a).toMatchObject({
          kind: 'escalation_spike',
          observed: 10,
          expected: 2,
          ratio: 5,
          dispersion: 1,
        });
        expect(a.p_value).toBeCloseTo(poissonTail(10, 2), 12);
      }
      expect(daily[1]!.message).toBe(
        "Escalations in 'billing' on 2026-03-31: 10, about 2 expected (×5; p = 4.6e-5)",
      );
      // Hour by hour, the ten fall in the 10:00 hour of that day, and only that hour stands out.
      const hourly = (await evaluate()).filter((a) => a.bucket === 'hour');
      expect(hourly.map((a) => [a.bucket_label, a.value ?? 'all']).sort()).toEqual([
        ['2026-03-31T10:00', 'all'],
        ['2026-03-31T10:00', 'billing'],
      ]);
    });

    it('stores each alert once, however often the rules run', async () => {
      const now = Date.parse('2026-04-01T06:00:00Z');
      expect(await saveNewAlerts(store, await evaluate(), now)).toHaveLength(4);
      expect(await saveNewAlerts(store, await evaluate(), now + 1)).toEqual([]);
      const listed = await listAlerts(store, { limit: 10, offset: 0 });
      expect(listed.total).toBe(4);
      expect((await listAlerts(store, { limit: 1, offset: 1 })).alerts).toHaveLength(1);
      // Newest bucket first: the 10:00 hour, then the day.
      expect(listed.alerts.map((a) => a.bucket_label)).toEqual([
        '2026-03-31T10:00',
        '2026-03-31T10:00',
        '2026-03-31',
        '2026-03-31',
      ]);
      expect(listed.alerts[2]).toMatchObject({ observed: 10, expected: 2, created_at: now });
      expect((await listAlerts(store, { limit: 10, offset: 0, to: FROM })).total).toBe(0);
    });

    it('delivers a new alert signed, retrying a receiver that fails twice with back-off', async () => {
      await store.db.deleteFrom('alerts').execute();
      const flaky = await receiver([500, 503, 204]);
      const down = await receiver([404]);
      const other = await receiver([200]);
      try {
        const hook = await createWebhook(store, { url: flaky.url, secret: 'a-secret-of-16+chars' }, FROM);
        const gone = await createWebhook(store, { url: down.url }, FROM);
        const onlySla = await createWebhook(store, { url: other.url, kinds: ['sla_breach'] }, FROM);
        waits.length = 0;
        const result = await checkAlerts(store, {
          now: Date.parse('2026-04-01T06:00:00Z'),
          from: FROM,
          kinds: ['escalation_spike'],
          delivery,
        });
        // Four alerts (the day and its 10:00 hour, overall and for 'billing'); the flaky receiver gets
        // three tries for each, after waits of 20 and 40 ms.
        expect(result.alerts.filter((a) => a.new)).toHaveLength(4);
        expect(flaky.got).toHaveLength(12);
        expect(waits).toEqual([20, 40, 20, 40, 20, 40, 20, 40]);
        for (const g of flaky.got) {
          expect(g.headers[SIGNATURE_HEADER]).toBe(signBody('a-secret-of-16+chars', g.body));
          expect(g.headers['content-type']).toBe('application/json');
        }
        const first = JSON.parse(flaky.got[0]!.body);
        expect(first).toMatchObject({
          type: 'alert',
          attempt: 1,
          alert: { kind: 'escalation_spike', observed: 10 },
        });
        expect(flaky.got[0]!.headers[DELIVERY_HEADER]).toBe(first.delivery_id);
        const mine = result.deliveries.filter((d) => d.webhook_id === hook.id);
        expect(mine.map((d) => [d.delivered, d.attempts])).toEqual([
          [true, 3],
          [true, 3],
          [true, 3],
          [true, 3],
        ]);
        const log = await deliveryLog(store, hook.id, 20);
        const oneAlert = log.filter((l) => l.alert_id === mine[0]!.alert_id);
        expect(oneAlert.map((l) => [l.attempt, l.status, l.http_status])).toEqual([
          [3, 'delivered', 204],
          [2, 'failed', 503],
          [1, 'failed', 500],
        ]);
        expect(log).toHaveLength(12);
        // A 404 will not change: one try each, no retry. A webhook for other kinds hears nothing.
        expect(down.got).toHaveLength(4);
        expect((await deliveryLog(store, gone.id, 10)).map((l) => l.status)).toEqual([
          'failed',
          'failed',
          'failed',
          'failed',
        ]);
        expect(other.got).toHaveLength(0);
        expect(onlySla.kinds).toEqual(['sla_breach']);
        // Checking again raises nothing new and delivers nothing.
        const again = await checkAlerts(store, {
          now: Date.parse('2026-04-01T07:00:00Z'),
          from: FROM,
          delivery,
        });
        expect(again.alerts.filter((a) => a.new)).toEqual([]);
        expect(again.deliveries).toEqual([]);
        expect(flaky.got).toHaveLength(12);
        expect(await deleteWebhook(store, gone.id)).toBe(true);
        expect(await deliveryLog(store, gone.id, 10)).toEqual([]);
        expect(await updateWebhook(store, 'nope', { active: false }, FROM)).toBeNull();
      } finally {
        await Promise.all([flaky.close(), down.close(), other.close()]);
      }
    });

    it('gives up after the last attempt when nothing answers, and logs each try', async () => {
      await store.db.deleteFrom('alerts').execute();
      await store.db.deleteFrom('webhooks').execute();
      const closed = await receiver([200]);
      await closed.close();
      const hook = await createWebhook(store, { url: closed.url }, FROM);
      const result = await checkAlerts(store, {
        now: Date.parse('2026-04-01T06:00:00Z'),
        from: FROM,
        kinds: ['escalation_spike'],
        delivery: { ...delivery, maxAttempts: 3 },
      });
      expect(result.deliveries.map((d) => [d.delivered, d.attempts])).toEqual([
        [false, 3],
        [false, 3],
        [false, 3],
        [false, 3],
      ]);
      const log = await deliveryLog(store, hook.id, 20);
      expect(log).toHaveLength(12);
      expect(log.every((l) => l.status === 'error' && l.http_status === null && l.error !== null)).toBe(true);
    });
  });
}

describe('the server’s schedule', () => {
  it('reads its interval and delivery settings from the environment, with defaults', () => {
    expect(loadConfig({}).alerts).toEqual({
      intervalS: 300,
      webhookAttempts: 5,
      webhookBackoffMs: 5000,
      webhookTimeoutMs: 10_000,
    });
    expect(
      loadConfig({
        FIRSTLINE_ALERTS_INTERVAL_S: '0',
        FIRSTLINE_WEBHOOK_ATTEMPTS: '3',
        FIRSTLINE_WEBHOOK_BACKOFF_MS: 'soon',
      }).alerts,
    ).toMatchObject({ intervalS: 0, webhookAttempts: 3, webhookBackoffMs: 5000 });
  });

  it('checks on its own, delivers new alerts, and stops', async () => {
    const fresh = await storeKinds[0]!.fresh();
    const store = await fresh.open();
    const hook = await receiver([200]);
    try {
      await ingest(store, history().events);
      await createWebhook(store, { url: hook.url }, FROM);
      const errors: unknown[] = [];
      const schedule = scheduleAlertChecks(
        store,
        0.05,
        { maxAttempts: 1, baseDelayMs: 0, timeoutMs: 2000 },
        (err) => errors.push(err),
        () => Date.parse('2026-04-01T06:00:00Z'),
      );
      for (let i = 0; i < 100 && hook.got.length < 4; i++) await new Promise((r) => setTimeout(r, 50));
      await schedule.stop();
      expect(errors).toEqual([]);
      // The four alerts of 2026-03-31 (within the three days looked back), each delivered once.
      expect(hook.got).toHaveLength(4);
      expect((await listAlerts(store, { limit: 10, offset: 0 })).total).toBe(4);
    } finally {
      await hook.close();
      await store.close();
      await fresh.dispose();
    }
  });
});
