import type { Command } from 'commander';
import type { Config } from '../../config.js';
import { alertJson, listAlerts } from '../../kpi/alerts/alert-store.js';
import { checkAlerts } from '../../kpi/alerts/check.js';
import { deliveryLog } from '../../kpi/alerts/delivery.js';
import { ALERT_KINDS, type AlertKind } from '../../kpi/alerts/evaluate.js';
import { alertCheckParams, alertListParams, instantOf } from '../../kpi/alerts/params.js';
import { webhookInput } from '../../kpi/alerts/webhook-input.js';
import { createWebhook, deleteWebhook, listWebhooks } from '../../kpi/alerts/webhooks.js';
import { orgTimeZone } from '../../kpi/org.js';
import { openStore } from '../../store/open.js';
import type { Store } from '../../store/store.js';
import { table } from '../format.js';
import { optionError } from '../options.js';
import { deliveryOptions } from './serve.js';

async function withStore<T>(config: Config, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(config.db);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

function parse<T>(schema: { parse(v: unknown): T }, opts: Record<string, unknown>): T {
  try {
    return schema.parse(
      Object.fromEntries(Object.entries(opts).filter(([k, v]) => k !== 'json' && v !== undefined)),
    );
  } catch (err) {
    throw optionError(err);
  }
}

const print = (json: boolean, value: unknown, text: () => string) =>
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${text()}\n`);

const alertRows = (
  alerts: readonly { bucket_label: string; kind: string; value: string | null; message: string }[],
) =>
  table(
    ['when', 'kind', 'scope', 'alert'],
    alerts.map((a) => [a.bucket_label, a.kind, a.value ?? 'all', a.message]),
  );

/** `firstline alerts …`: run the rules now, list what they raised, and manage the webhooks. */
export function registerAlerts(program: Command, config: () => Config): void {
  const alerts = program
    .command('alerts')
    .description('escalation-spike, SLA-breach and abandonment alerts, and the webhooks they go to');
  alerts
    .command('check')
    .description('run the alert rules over whole days and hours now; store and deliver the new alerts')
    .option('--from <date>', 'first day to judge (default: three days ago)')
    .option('--to <date>', 'last day to judge, inclusive (default: up to now)')
    .option('--kind <kinds>', `only these kinds: ${ALERT_KINDS.join(', ')}`)
    .option('--json', 'print JSON')
    .action(async (opts: Record<string, unknown>) => {
      const p = parse(alertCheckParams, opts);
      const cfg = config();
      await withStore(cfg, async (store) => {
        const tz = await orgTimeZone(store);
        const result = await checkAlerts(store, {
          now: Date.now(),
          ...(p.from ? { from: instantOf(p.from, tz, false) } : {}),
          ...(p.to ? { to: Math.min(Date.now(), instantOf(p.to, tz, true)) } : {}),
          ...(p.kind ? { kinds: p.kind as AlertKind[] } : {}),
          delivery: deliveryOptions(cfg),
        });
        print(Boolean(opts.json), result, () => {
          const fresh = result.alerts.filter((a) => a.new).length;
          const sent = result.deliveries.filter((d) => d.delivered).length;
          return (
            `Alert rules over ${result.from} – ${result.to} (${result.time_zone}): ${result.alerts.length} alert(s), ` +
            `${fresh} new; ${sent} of ${result.deliveries.length} webhook deliveries succeeded.\n\n` +
            (result.alerts.length ? alertRows(result.alerts) : 'Nothing unusual.')
          );
        });
      });
    });
  alerts
    .command('list')
    .description('stored alerts, newest first')
    .option('--from <date>', 'alerts of buckets from this day')
    .option('--to <date>', 'to this day, inclusive')
    .option('--kind <kinds>', 'only these kinds, comma-separated')
    .option('--limit <n>', 'at most this many (default 100)')
    .option('--json', 'print JSON')
    .action(async (opts: Record<string, unknown>) => {
      const p = parse(alertListParams, opts);
      await withStore(config(), async (store) => {
        const tz = await orgTimeZone(store);
        const { total, alerts: rows } = await listAlerts(store, {
          ...(p.from ? { from: instantOf(p.from, tz, false) } : {}),
          ...(p.to ? { to: instantOf(p.to, tz, true) } : {}),
          ...(p.kind ? { kinds: p.kind } : {}),
          limit: p.limit,
          offset: p.offset,
        });
        print(Boolean(opts.json), { total, alerts: rows.map(alertJson) }, () =>
          rows.length ? `${alertRows(rows)}\n\n${rows.length} of ${total}` : 'No alerts.',
        );
      });
    });
  alerts
    .command('webhooks')
    .description('the configured webhooks')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) =>
      withStore(config(), async (store) => {
        const hooks = await listWebhooks(store);
        print(Boolean(opts.json), hooks, () =>
          hooks.length
            ? table(
                ['id', 'url', 'kinds', 'active'],
                hooks.map((h) => [h.id, h.url, h.kinds.join(',') || 'all', h.active ? 'yes' : 'no']),
              )
            : 'No webhooks.',
        );
      }),
    );
  alerts
    .command('webhook-add <url>')
    .description(
      'deliver alerts to this URL (POST, JSON body signed with HMAC-SHA256 in X-Firstline-Signature)',
    )
    .option('--kinds <kinds>', 'only these alert kinds, comma-separated (default: all)')
    .option('--secret <secret>', 'the signing key, 16+ characters (default: a random one, printed once)')
    .option('--description <text>', 'a note')
    .option('--json', 'print JSON')
    .action(
      async (
        url: string,
        opts: { kinds?: string; secret?: string; description?: string; json?: boolean },
      ) => {
        const input = webhookInput.safeParse({
          url,
          ...(opts.kinds ? { kinds: opts.kinds.split(',').map((k) => k.trim()) } : {}),
          ...(opts.secret ? { secret: opts.secret } : {}),
          ...(opts.description ? { description: opts.description } : {}),
        });
        if (!input.success) throw optionError(input.error);
        await withStore(config(), async (store) => {
          const hook = await createWebhook(store, input.data, Date.now());
          print(
            Boolean(opts.json),
            hook,
            () => `Webhook ${hook.id} → ${hook.url}\nSigning secret (shown once): ${hook.secret}`,
          );
        });
      },
    );
  alerts
    .command('webhook-remove <id>')
    .description('stop delivering to a webhook (its delivery log goes with it)')
    .action(async (id: string) =>
      withStore(config(), async (store) => {
        if (!(await deleteWebhook(store, id))) throw new Error(`no webhook ${id}`);
        process.stdout.write(`Webhook ${id} removed.\n`);
      }),
    );
  alerts
    .command('deliveries <webhook-id>')
    .description("a webhook's delivery log, newest first")
    .option('--json', 'print JSON')
    .action(async (id: string, opts: { json?: boolean }) =>
      withStore(config(), async (store) => {
        const log = await deliveryLog(store, id, 100);
        print(Boolean(opts.json), log, () =>
          table(
            ['at', 'alert', 'try', 'status', 'http', 'ms', 'error'],
            log.map((l) => [
              l.at,
              l.alert_id,
              String(l.attempt),
              l.status,
              String(l.http_status ?? '—'),
              String(l.duration_ms),
              l.error ?? '',
            ]),
          ),
        );
      }),
    );
}
