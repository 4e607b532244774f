// The server side of the ingest benchmark, in a process of its own as in production (clients are elsewhere):
// opens a store, starts the validation workers as `firstline serve` does, listens, reports its port and a
// token. Told `{ open: url }` it closes that store and serves a fresh one in the same process, so a timed
// run meets a server whose code has warmed up as a long-running server's has; told 'stop', it exits.
// Usage: forked by bench/ingest.ts with the first store's URL.
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/api/app.js';
import { sharedValidationPool } from '../src/ingest/validate-pool.js';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/store.js';
import { ensureUser, tokenHeaders } from '../test/support/auth.js';

let current: { store: Store; app: FastifyInstance } | null = null;

async function serve(url: string) {
  if (current) {
    await current.app.close();
    await current.store.close();
  }
  const store = await openStore(url, { poolSize: 8 });
  const app = await buildApp({ store });
  current = { store, app };
  const auth = await tokenHeaders(store, await ensureUser(store, { login: 'bench', role: 'admin' }), [
    'events:write',
  ]);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  process.send?.({ port: typeof address === 'object' && address ? address.port : 0, auth });
}

await sharedValidationPool().warm();
await serve(process.argv[2]!);
process.on('message', async (m: unknown) => {
  if (typeof m === 'object' && m !== null && 'open' in m) return serve(String(m.open));
  await current?.app.close();
  await current?.store.close();
  await sharedValidationPool().close();
  process.exit(0);
});
