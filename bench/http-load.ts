// GET /api/v1/kpis under load: autocannon, 32 connections, on a dataset's store, with an API token.
import autocannon from 'autocannon';
import { buildApp } from '../src/api/app.js';
import { openStore } from '../src/store/open.js';
import { ensureUser, tokenHeaders } from '../test/support/auth.js';
import type { Dataset } from './datasets.js';

export interface LoadResult {
  size: string;
  connections: number;
  seconds: number;
  requests_per_s: number;
  p50_ms: number;
  p99_ms: number;
  errors: number;
  non_2xx: number;
}

export async function httpLoad(data: Dataset, seconds: number, connections = 32): Promise<LoadResult> {
  const store = await openStore(data.url);
  const app = await buildApp({ store });
  try {
    const headers = await tokenHeaders(store, await ensureUser(store, { login: 'bench', role: 'admin' }), [
      'kpis:read',
    ]);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const from = new Date(data.end - 30 * 86_400_000).toISOString();
    const url = `http://127.0.0.1:${port}/api/v1/kpis?from=${from}&to=${new Date(data.end).toISOString()}`;
    const warm = await fetch(url, { headers }); // fills the facts cache, as a running server has it
    if (!warm.ok) throw new Error(`GET /api/v1/kpis: ${warm.status} ${await warm.text()}`);
    const r = await autocannon({ url, connections, duration: seconds, headers });
    return {
      size: data.name,
      connections,
      seconds,
      requests_per_s: Math.round(r.requests.average * 10) / 10,
      p50_ms: r.latency.p50,
      p99_ms: r.latency.p99,
      errors: r.errors,
      non_2xx: r.non2xx,
    };
  } finally {
    await app.close();
    await store.close();
  }
}
