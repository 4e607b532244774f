import type SQLite from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * better-sqlite3 behind Kysely, with its prepared statements kept by SQL text. Kysely prepares every query
 * afresh, and preparing costs as much as running for the short statements a write repeats (and far more
 * for a multi-row insert). A statement is reused only on the store's one connection, never while another
 * use of it is still iterating (Kysely holds the connection for a whole stream).
 */
export function cachingDatabase(database: SQLite.Database, capacity = 256): SqliteDatabase {
  const kept = new Map<string, SqliteStatement>();
  return {
    close: () => database.close(),
    prepare(sql: string): SqliteStatement {
      let stmt = kept.get(sql);
      if (stmt) {
        // most recently used last, so the first key is the one to drop when full
        kept.delete(sql);
      } else {
        stmt = database.prepare(sql) as unknown as SqliteStatement;
        if (kept.size >= capacity) kept.delete(kept.keys().next().value as string);
      }
      kept.set(sql, stmt);
      return stmt;
    },
  };
}
