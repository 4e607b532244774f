import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { DialectHelpers } from '../dialect.js';
import type { Database } from '../schema.js';

// bigint instants and counts fit in a double; numeric aggregates are read as numbers too.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number.parseFloat(v));

const RETRYABLE = new Set(['40001', '40P01', '23505']);
const MAX_ATTEMPTS = 8;

function pgCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err
    ? String((err as { code: unknown }).code)
    : undefined;
}

export const postgresHelpers: DialectHelpers = {
  name: 'postgres',
  maxParams: 60_000,
  async writeTransaction(db, fn) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await db.transaction().execute(fn);
      } catch (err) {
        const code = pgCode(err);
        if (!code || !RETRYABLE.has(code) || attempt >= MAX_ATTEMPTS) throw err;
        await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
      }
    }
  },
  async lockKeys(trx, keys) {
    if (keys.length === 0) return;
    // Locks are taken in hash order, the same in every process, so two writers never wait on each other in a cycle.
    await sql`select pg_advisory_xact_lock(h) from (
        select distinct hashtextextended(k, 0) as h from unnest(${[...keys]}::text[]) as k order by h
      ) as ordered`.execute(trx);
  },
};

export function openPostgres(url: string, poolSize = 10): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle pooled connection the server closes (restart, failover, a dropped database) is discarded by the
  // pool and the next query opens a fresh one; without a listener its 'error' event would crash the process.
  pool.on('error', () => undefined);
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
