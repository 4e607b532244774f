// Helpers for tests that need PostgreSQL. test/global-setup.ts finds or starts the server; each test
// file then creates its own fresh database, so files running in parallel never see each other's data.
//
//   const pg = pgAvailable() ? await createPgDatabase() : null;  // in beforeAll
//   ... connect to pg.url ...
//   await pg?.drop();                                             // in afterAll
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

export interface PgDatabase {
  /** postgres:// URL of the new database (same server, role and options as the server URL). */
  url: string;
  /** Name of the new database. */
  name: string;
  /** Ends the connections still open to the database and drops it; calling it again does nothing. */
  drop(): Promise<void>;
}

/** Whether a PostgreSQL server is available to the tests. */
export function pgAvailable(): boolean {
  return inject('pgUrl') !== null;
}

/** Why PostgreSQL tests are skipped (a short sentence), or null when a server is available. */
export function pgSkipReason(): string | null {
  return inject('pgSkipReason');
}

function serverUrl(): string {
  const url = inject('pgUrl');
  if (url === null) throw new Error(`PostgreSQL is not available: ${pgSkipReason() ?? 'unknown reason'}`);
  return url;
}

/** The same URL with another database: only the path changes; credentials and query (host=, sslmode=…) stay. */
function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function onServer(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

let created = 0;

/** Creates a uniquely named, empty database on the test server and returns its URL. */
export async function createPgDatabase(): Promise<PgDatabase> {
  const url = serverUrl();
  created += 1;
  // Lowercase letters, digits and _ only: safe to quote, unique across parallel workers and reruns.
  const name = `firstline_test_${process.pid}_${created}_${randomBytes(4).toString('hex')}`;
  // template0: pristine, and nobody is ever connected to it, which would make CREATE DATABASE fail
  // (a FIRSTLINE_TEST_PG URL may well name template1 itself).
  await onServer(url, `CREATE DATABASE "${name}" TEMPLATE template0`);
  let dropped = false;
  return {
    url: withDatabase(url, name),
    name,
    async drop() {
      if (dropped) return;
      dropped = true;
      // WITH (FORCE) (PostgreSQL 13+) terminates the connections a test left open, e.g. an unclosed pool.
      await onServer(url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}
