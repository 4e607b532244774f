import { createHash, createHmac } from 'node:crypto';
import type { Store } from '../../store/store.js';
import { alertJson, type StoredAlert } from './alert-store.js';
import { activeWebhooks, type Webhook } from './webhooks.js';

export const SIGNATURE_HEADER = 'x-firstline-signature';
export const DELIVERY_HEADER = 'x-firstline-delivery';

export interface DeliveryOptions {
  /** tries per alert and webhook, the first included */
  maxAttempts: number;
  /** wait before the second try; each further wait doubles (1×, 2×, 4×, …) */
  baseDelayMs: number;
  /** how long one try may take */
  timeoutMs: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** The configuration's defaults (src/config.ts), for checks run outside the server's schedule. */
export const DEFAULT_DELIVERY: DeliveryOptions = { maxAttempts: 5, baseDelayMs: 5000, timeoutMs: 10_000 };

/** `sha256=` and the hex HMAC-SHA256 of the exact body bytes under the webhook's secret. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** A status worth trying again: the receiver is down, overloaded or timed out; other 4xx will not change. */
const retryable = (status: number) => status >= 500 || status === 408 || status === 429;

export interface DeliveryOutcome {
  webhook_id: string;
  alert_id: string;
  delivered: boolean;
  attempts: number;
}

/**
 * Posts one alert to one webhook, signed, until a 2xx answer or the attempts run out, waiting
 * baseDelay·2^(n−1) before the (n+1)-th try; every try is written to the delivery log.
 */
export async function deliverAlert(
  store: Store,
  hook: Webhook & { secret: string },
  alert: StoredAlert,
  o: DeliveryOptions,
): Promise<DeliveryOutcome> {
  const now = o.now ?? Date.now;
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const deliveryId = createHash('sha256').update(`${hook.id}|${alert.id}`).digest('hex').slice(0, 24);
  for (let attempt = 1; attempt <= o.maxAttempts; attempt++) {
    const body = JSON.stringify({
      type: 'alert',
      delivery_id: deliveryId,
      attempt,
      sent_at: new Date(now()).toISOString(),
      alert: alertJson(alert),
    });
    const started = now();
    let status: number | null = null;
    let error: string | null = null;
    try {
      const res = await fetch(hook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Firstline-Webhooks/1',
          'x-firstline-event': 'alert',
          [DELIVERY_HEADER]: deliveryId,
          [SIGNATURE_HEADER]: signBody(hook.secret, body),
        },
        body,
        signal: AbortSignal.timeout(o.timeoutMs),
      });
      status = res.status;
      await res.arrayBuffer().catch(() => undefined);
    } catch (err) {
      error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    }
    const delivered = status !== null && status >= 200 && status < 300;
    await store.db
      .insertInto('webhook_deliveries')
      .values({
        id: `${deliveryId}-${attempt}`,
        webhook_id: hook.id,
        alert_id: alert.id,
        attempt,
        status: delivered ? 'delivered' : status !== null ? 'failed' : 'error',
        http_status: status,
        error,
        duration_ms: Math.max(0, Math.round(now() - started)),
        at: started,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    if (delivered) return { webhook_id: hook.id, alert_id: alert.id, delivered: true, attempts: attempt };
    if (status !== null && !retryable(status)) break;
    if (attempt < o.maxAttempts) await sleep(o.baseDelayMs * 2 ** (attempt - 1));
  }
  const tries = await store.db
    .selectFrom('webhook_deliveries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('webhook_id', '=', hook.id)
    .where('alert_id', '=', alert.id)
    .executeTakeFirstOrThrow();
  return { webhook_id: hook.id, alert_id: alert.id, delivered: false, attempts: Number(tries.n) };
}

/** Delivers the alerts to every active webhook that takes their kind: webhooks side by side, alerts in order. */
export async function deliverAlerts(
  store: Store,
  alerts: readonly StoredAlert[],
  o: DeliveryOptions,
): Promise<DeliveryOutcome[]> {
  if (alerts.length === 0) return [];
  const hooks = await activeWebhooks(store);
  const perHook = await Promise.all(
    hooks.map(async (hook) => {
      const out: DeliveryOutcome[] = [];
      for (const a of alerts) {
        if (hook.kinds.length > 0 && !hook.kinds.includes(a.kind)) continue;
        out.push(await deliverAlert(store, hook, a, o));
      }
      return out;
    }),
  );
  return perHook.flat();
}

export interface DeliveryLogEntry {
  id: string;
  alert_id: string;
  attempt: number;
  status: string;
  http_status: number | null;
  error: string | null;
  duration_ms: number;
  at: string;
}

/** A webhook's delivery log, newest first. */
export async function deliveryLog(
  store: Store,
  webhookId: string,
  limit: number,
): Promise<DeliveryLogEntry[]> {
  const rows = await store.db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('webhook_id', '=', webhookId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    alert_id: r.alert_id,
    attempt: Number(r.attempt),
    status: r.status,
    http_status: r.http_status === null ? null : Number(r.http_status),
    error: r.error,
    duration_ms: Number(r.duration_ms),
    at: new Date(Number(r.at)).toISOString(),
  }));
}
