import type { Store } from '../../store/store.js';
import { bucketStart } from '../../time/buckets.js';
import { loadTargets } from '../engine.js';
import { orgTimeZone } from '../org.js';
import { saveNewAlerts } from './alert-store.js';
import { type DeliveryOptions, type DeliveryOutcome, deliverAlerts } from './delivery.js';
import { type Alert, type AlertKind, evaluateAlerts } from './evaluate.js';

/** Days a routine check looks back: a day the server was down for is still judged when it is up again. */
export const CHECK_LOOKBACK_DAYS = 3;

export interface CheckOptions {
  now: number;
  /** judge whole buckets in [from, to); default the last three days up to now */
  from?: number;
  to?: number;
  kinds?: readonly AlertKind[];
  delivery: DeliveryOptions;
}

export interface CheckResult {
  from: string;
  to: string;
  time_zone: string;
  /** every alert of the period; `new` when this check raised it for the first time (and delivered it) */
  alerts: (Omit<Alert, 'bucket_start'> & { bucket_start: string; new: boolean })[];
  deliveries: DeliveryOutcome[];
}

/**
 * One round of the alert rules: judge the period, store the alerts not seen before, deliver those to
 * the webhooks. Run by `firstline alerts check`, POST /api/v1/alerts/check and, periodically, the server.
 */
export async function checkAlerts(store: Store, o: CheckOptions): Promise<CheckResult> {
  const timeZone = await orgTimeZone(store);
  const to = o.to ?? o.now;
  const from = o.from ?? bucketStart(to - CHECK_LOOKBACK_DAYS * 86_400_000, 'day', timeZone);
  const alerts = await evaluateAlerts(store, {
    from,
    to,
    timeZone,
    targets: await loadTargets(store),
    ...(o.kinds ? { kinds: o.kinds } : {}),
  });
  const fresh = await saveNewAlerts(store, alerts, o.now);
  const freshIds = new Set(fresh.map((a) => a.id));
  const deliveries = await deliverAlerts(store, fresh, o.delivery);
  return {
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    time_zone: timeZone,
    alerts: alerts.map((a) => ({
      ...a,
      bucket_start: new Date(a.bucket_start).toISOString(),
      new: freshIds.has(a.id),
    })),
    deliveries,
  };
}

export interface Schedule {
  stop(): Promise<void>;
}

/**
 * Runs `checkAlerts` every `intervalS` seconds (first soon after start), never two rounds at once; a
 * failed round is reported and the next one tries again.
 */
export function scheduleAlertChecks(
  store: Store,
  intervalS: number,
  delivery: DeliveryOptions,
  onError: (err: unknown) => void,
  now: () => number = Date.now,
): Schedule {
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = checkAlerts(store, { now: now(), delivery })
      .catch(onError)
      .finally(() => {
        running = null;
      });
  };
  const first = setTimeout(tick, Math.min(intervalS, 10) * 1000);
  const timer = setInterval(tick, intervalS * 1000);
  first.unref();
  timer.unref();
  return {
    async stop() {
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
