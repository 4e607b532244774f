import type { Kysely } from 'kysely';
import { writeRows } from './bulk-write.js';
import { inLists } from './chunks.js';
import type { DialectHelpers } from './dialect.js';
import type { Database } from './schema.js';

type Table = keyof Database;

/** Inserts rows, replacing every non-key column of a row that already exists. */
export async function upsertRows<T extends Table>(
  trx: Kysely<Database>,
  helpers: DialectHelpers,
  table: T,
  keys: readonly string[],
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  if (rows.length === 0) return;
  await writeRows(trx, helpers, { table, columns: Object.keys(rows[0]!), upsertKeys: keys }, rows);
}

/** Replaces all child rows of the given parents (tags, segments, stretches). */
export async function replaceChildren<T extends Table>(
  trx: Kysely<Database>,
  helpers: DialectHelpers,
  table: T,
  parentColumn: string,
  parents: readonly string[],
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  const db = trx as unknown as Kysely<Record<string, Record<string, unknown>>>;
  for (const part of inLists(parents)) {
    await db
      .deleteFrom(table as string)
      .where(parentColumn, 'in', part)
      .execute();
  }
  if (rows.length === 0) return;
  await writeRows(trx, helpers, { table, columns: Object.keys(rows[0]!) }, rows);
}
