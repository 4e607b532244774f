import { CompiledQuery, type Kysely } from 'kysely';
import type { DialectHelpers, DialectName } from './dialect.js';
import type { Database } from './schema.js';

export interface BulkTarget {
  table: string;
  columns: readonly string[];
  /** on a clash of these key columns, the other columns take the new row's values */
  upsertKeys?: readonly string[];
  returning?: readonly string[];
}

/**
 * Statement sizes a batch is cut into. Writes repeat the same few statement texts, so each dialect's
 * prepared statements are reused instead of parsing a new multi-row statement for every batch length.
 */
const SIZES = [256, 32, 4, 1];

const texts = new Map<string, string>();

function statementText(dialect: DialectName, t: BulkTarget, rows: number): string {
  const key = `${dialect}\u0000${t.table}\u0000${t.columns.join(',')}\u0000${t.upsertKeys?.join(',')}\u0000${t.returning?.join(',')}\u0000${rows}`;
  let text = texts.get(key);
  if (text) return text;
  const q = (c: string) => `"${c}"`;
  const width = t.columns.length;
  const values: string[] = [];
  for (let r = 0; r < rows; r++) {
    const ps: string[] = [];
    for (let c = 0; c < width; c++) ps.push(dialect === 'postgres' ? `$${r * width + c + 1}` : '?');
    values.push(`(${ps.join(', ')})`);
  }
  text = `insert into ${q(t.table)} (${t.columns.map(q).join(', ')}) values ${values.join(', ')}`;
  if (t.upsertKeys) {
    const keys = t.upsertKeys;
    const sets = t.columns.filter((c) => !keys.includes(c)).map((c) => `${q(c)} = excluded.${q(c)}`);
    text += ` on conflict (${keys.map(q).join(', ')}) do ${sets.length ? `update set ${sets.join(', ')}` : 'nothing'}`;
  }
  if (t.returning) text += ` returning ${t.returning.map(q).join(', ')}`;
  if (texts.size > 2000) texts.clear();
  texts.set(key, text);
  return text;
}

/**
 * Inserts (or upserts) rows given as records with the target's columns; a missing value is stored as null.
 * Returns the rows of the returning clause, in no particular order.
 */
export async function writeRows(
  trx: Kysely<Database>,
  helpers: DialectHelpers,
  target: BulkTarget,
  rows: readonly Record<string, unknown>[],
): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  const width = target.columns.length;
  const limit = Math.max(1, Math.floor(helpers.maxParams / Math.max(1, width)));
  let at = 0;
  while (at < rows.length) {
    const left = rows.length - at;
    const size = SIZES.find((s) => s <= left && s <= limit) ?? 1;
    const params: unknown[] = new Array(size * width);
    for (let r = 0; r < size; r++) {
      const row = rows[at + r]!;
      for (let c = 0; c < width; c++) params[r * width + c] = row[target.columns[c]!] ?? null;
    }
    const res = await trx.executeQuery(CompiledQuery.raw(statementText(helpers.name, target, size), params));
    if (target.returning) out.push(...(res.rows as Record<string, unknown>[]));
    at += size;
  }
  return out;
}
