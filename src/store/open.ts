import { openPostgres, postgresHelpers } from './postgres/postgres-store.js';
import { openSqlite, sqliteHelpers } from './sqlite/sqlite-store.js';
import { Store } from './store.js';

export interface OpenOptions {
  /** PostgreSQL connection pool size (one server process) */
  poolSize?: number;
  /** run migrations on open (the default) */
  migrate?: boolean;
}

/** A store URL: `sqlite:<path>` (or a path ending in .db), `sqlite::memory:`, or `postgres://…`. */
export async function openStore(url: string, options: OpenOptions = {}): Promise<Store> {
  let store: Store;
  if (/^postgres(ql)?:\/\//.test(url)) {
    store = new Store(openPostgres(url, options.poolSize), postgresHelpers);
  } else if (url.startsWith('sqlite:') || url.endsWith('.db') || url === ':memory:') {
    store = new Store(openSqlite(url.replace(/^sqlite:/, '')), sqliteHelpers);
  } else {
    throw new Error(
      `unsupported database URL ${JSON.stringify(url)}: use sqlite:<path> or postgres://user@host/db`,
    );
  }
  if (options.migrate !== false) await store.migrate();
  return store;
}

/** Hides a password in a URL before it is printed. */
export function describeStoreUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+):[^@]*@/, '$1:***@');
}
