import type { Kysely } from 'kysely';
import { chunk, rowsPerStatement } from './chunks.js';
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
  const columns = Object.keys(rows[0]!);
  const updates = columns.filter((c) => !keys.includes(c));
  // Kysely's builder cannot type a table chosen at run time; the shapes come from schema.ts types at the call sites.
  const db = trx as unknown as Kysely<Record<string, Record<string, unknown>>>;
  for (const part of chunk(rows, rowsPerStatement(helpers.maxParams, columns.length))) {
    await db
      .insertInto(table as string)
      .values(part as Record<string, unknown>[])
      .onConflict((oc) =>
        oc
          .columns(keys as string[])
          .doUpdateSet((eb) => Object.fromEntries(updates.map((c) => [c, eb.ref(`excluded.${c}` as never)]))),
      )
      .execute();
  }
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
  for (const part of chunk(parents, 900)) {
    await db
      .deleteFrom(table as string)
      .where(parentColumn, 'in', part)
      .execute();
  }
  if (rows.length === 0) return;
  const width = Object.keys(rows[0]!).length;
  for (const part of chunk(rows, rowsPerStatement(helpers.maxParams, width))) {
    await db
      .insertInto(table as string)
      .values(part as Record<string, unknown>[])
      .execute();
  }
}
