import { buildApp } from '../../api/app.js';
import type { Config } from '../../config.js';
import { describeStoreUrl, openStore } from '../../store/open.js';

export async function serve(config: Config): Promise<void> {
  const store = await openStore(config.db);
  const app = await buildApp({ store, bodyLimit: config.bodyLimit, logger: config.logRequests });
  const shutdown = async (signal: string) => {
    app.log.info(`${signal}: closing`);
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
}
