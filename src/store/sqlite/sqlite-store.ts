import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { DialectHelpers } from '../dialect.js';
import type { Database } from '../schema.js';
import { cachingDatabase } from './statement-cache.js';

export const sqliteHelpers: DialectHelpers = {
  name: 'sqlite',
  maxParams: 30_000,
  async writeTransaction(db, fn) {
    return db.connection().execute(async (conn) => {
      await sql`begin immediate`.execute(conn);
      try {
        const result = await fn(conn);
        await sql`commit`.execute(conn);
        return result;
      } catch (err) {
        await sql`rollback`.execute(conn);
        throw err;
      }
    });
  },
  // BEGIN IMMEDIATE already gives one writer at a time.
  async lockKeys() {},
};

/** The embedded store: one file, WAL journal, every commit flushed to disk (synchronous=FULL). */
export function openSqlite(path: string): Kysely<Database> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new SQLite(path);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('busy_timeout = 15000');
  database.pragma('cache_size = -65536');
  database.pragma('temp_store = memory');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingDatabase(database) }) });
}
