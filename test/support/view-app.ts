import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/api/app.js';
import type { DomainEventInput } from '../../src/domain/events.js';
import { ingest } from '../../src/ingest/ingest.js';
import type { Store } from '../../src/store/store.js';
import { adminHeaders, TEST_PASSWORD_COST } from './auth.js';
import type { StoreKind } from './stores.js';

export interface ViewApp {
  app: FastifyInstance;
  store: Store;
  /** a GET (or any request) as an administrator */
  get: (url: string, options?: Omit<InjectOptions, 'url'>) => Promise<LightMyRequestResponse>;
  close: () => Promise<void>;
}

/** The API on a fresh store of one kind holding `events`, asked as an administrator: the KPI views' tests. */
export async function viewApp(kind: StoreKind, events: readonly DomainEventInput[]): Promise<ViewApp> {
  const fresh = await kind.fresh();
  const store = await fresh.open();
  const app = await buildApp({ store, auth: { passwordCost: TEST_PASSWORD_COST } });
  const headers = await adminHeaders(store);
  await ingest(store, [...events]);
  return {
    app,
    store,
    get: (url, options = {}) =>
      app.inject({ ...options, url, headers: { ...headers, ...(options.headers ?? {}) } }),
    close: async () => {
      await app.close();
      await store.close();
      await fresh.dispose();
    },
  };
}
