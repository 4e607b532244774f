// The PostgreSQL test harness itself: a fresh database per call, reachable, isolated, and dropped.
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { createPgDatabase, pgAvailable, pgSkipReason } from './pg.js';

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('PostgreSQL test harness', () => {
  if (!pgAvailable()) {
    it.skip(`needs PostgreSQL: ${pgSkipReason() ?? 'not available'}`, () => {});
    return;
  }

  it('creates a fresh database that answers select 1, and drops it', async () => {
    const db = await createPgDatabase();
    const rows = await query<{ one: number; db: string }>(
      db.url,
      'select 1 as one, current_database() as db',
    );
    expect(rows).toEqual([{ one: 1, db: db.name }]);

    // An open connection must not keep drop() from succeeding.
    const straggler = new pg.Client({ connectionString: db.url });
    straggler.on('error', () => {}); // it is terminated by drop()
    await straggler.connect();
    await db.drop();
    await db.drop(); // idempotent
    await straggler.end().catch(() => {});

    const left = await query<{ n: number }>(
      inject('pgUrl') ?? '',
      `select count(*)::int as n from pg_database where datname = '${db.name}'`,
    );
    expect(left).toEqual([{ n: 0 }]);
  });

  it('gives each call its own database', async () => {
    const [a, b] = await Promise.all([createPgDatabase(), createPgDatabase()]);
    try {
      expect(a.name).not.toBe(b.name);
      await query(a.url, 'create table only_in_a (x int)');
      const inB = await query<{ n: number }>(
        b.url,
        "select count(*)::int as n from pg_tables where tablename = 'only_in_a'",
      );
      expect(inB).toEqual([{ n: 0 }]);
    } finally {
      await Promise.all([a.drop(), b.drop()]);
    }
  });
});
