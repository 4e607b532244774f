import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';

/** The few things that differ between the stores; everything else is one Kysely query for both. */
export interface DialectHelpers {
  readonly name: DialectName;
  /**
   * Runs fn in one write transaction. SQLite takes the write lock up front (BEGIN IMMEDIATE); PostgreSQL
   * retries the whole transaction on deadlock, serialization failure or a concurrent insert of the same event id.
   */
  writeTransaction<T>(db: Kysely<Database>, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T>;
  /** Serialises concurrent writers of the same entities until the transaction ends. */
  lockKeys(trx: Kysely<Database>, keys: readonly string[]): Promise<void>;
  /** Largest number of bound parameters one statement may carry. */
  readonly maxParams: number;
}
