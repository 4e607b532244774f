// The server side of the ingest benchmark, in a process of its own as in production (clients are elsewhere):
// opens the store, starts the validation workers as `firstline serve` does, listens, reports its port and a
// token, and stops when told. Usage: forked by bench/ingest.ts with the store URL.
import { buildApp } from '../src/api/app.js';
import { sharedValidationPool } from '../src/ingest/validate-pool.js';
import { openStore } from '../src/store/open.js';
import { ensureUser, tokenHeaders } from '../test/support/auth.js';

const url = process.argv[2]!;
const store = await openStore(url, { poolSize: 8 });
const app = await buildApp({ store });
const auth = await tokenHeaders(store, await ensureUser(store, { login: 'bench', role: 'admin' }), [
  'events:write',
]);
await sharedValidationPool().warm();
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.send?.({ port: typeof address === 'object' && address ? address.port : 0, auth });
process.on('message', async () => {
  await app.close();
  await store.close();
  await sharedValidationPool().close();
  process.exit(0);
});
