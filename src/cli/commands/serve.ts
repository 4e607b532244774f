import { buildApp } from '../../api/app.js';
import { ensureFirstAdmin } from '../../api/auth/bootstrap.js';
import { authContext } from '../../api/auth/context.js';
import type { Config } from '../../config.js';
import { sharedValidationPool } from '../../ingest/validate-pool.js';
import { scheduleAlertChecks } from '../../kpi/alerts/check.js';
import { fillFactsCopy } from '../../kpi/report-columns.js';
import { warmDashboard } from '../../kpi/warm-up.js';
import { describeStoreUrl, openStore } from '../../store/open.js';

/** Webhook delivery settings from the configuration. */
export function deliveryOptions(config: Config) {
  return {
    maxAttempts: config.alerts.webhookAttempts,
    baseDelayMs: config.alerts.webhookBackoffMs,
    timeoutMs: config.alerts.webhookTimeoutMs,
  };
}

export async function serve(config: Config): Promise<void> {
  const store = await openStore(config.db);
  const admin = await ensureFirstAdmin(authContext(store, Date.now), config.adminPassword);
  if (admin?.oneTimePassword)
    process.stderr.write(
      `Created the administrator "${admin.login}" with the one-time password ${admin.oneTimePassword}\n` +
        'Sign in with it and choose a new password (it is shown only this once; or set FIRSTLINE_ADMIN_PASSWORD).\n',
    );
  else if (admin)
    process.stderr.write(
      `Created the administrator "${admin.login}" (password from FIRSTLINE_ADMIN_PASSWORD)\n`,
    );
  const app = await buildApp({
    store,
    bodyLimit: config.bodyLimit,
    logger: config.logRequests,
    trustProxy: config.trustProxy,
    firstLine: config.firstLine,
  });
  const alerts =
    config.alerts.intervalS > 0
      ? scheduleAlertChecks(store, config.alerts.intervalS, deliveryOptions(config), (err) =>
          app.log.error({ err }, 'alert check failed'),
        )
      : null;
  const shutdown = async (signal: string) => {
    app.log.info(`${signal}: closing`);
    await alerts?.stop();
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  process.stderr.write(
    `Firstline is listening on http://localhost:${port} (store: ${describeStoreUrl(config.db)}); API docs at /api/docs\n`,
  );
  // The first dashboard should not wait for the facts copy to be read: a long history takes a while.
  const filling = Date.now();
  // nor the first large event batch for the validation workers to load
  sharedValidationPool()
    .warm()
    .catch((err: unknown) => app.log.error({ err }, 'starting the event validation workers failed'));
  fillFactsCopy(store.db)
    .then(async () => {
      app.log.info(`facts copy filled in ${((Date.now() - filling) / 1000).toFixed(1)} s`);
      // then the dashboard's days, so its first views merge kept day states instead of folding every item
      const warming = Date.now();
      await warmDashboard(store);
      app.log.info(`dashboard days ready in ${((Date.now() - warming) / 1000).toFixed(1)} s`);
    })
    .catch((err) =>
      app.log.error(
        { err },
        "filling the facts copy or making the dashboard's days ready failed (KPI queries do it on demand)",
      ),
    );
}
