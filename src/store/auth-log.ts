import type { Kysely } from 'kysely';
import type { AuthLogTable, Database } from './schema.js';

export type AuthLogRow = AuthLogTable;

export async function recordFailure(
  db: Kysely<Database>,
  keys: readonly string[],
  at: number,
): Promise<void> {
  if (keys.length)
    await db
      .insertInto('auth_failures')
      .values(keys.map((key) => ({ key, at })))
      .execute();
}

/** Failures per key since an instant (sign-in throttling). */
export async function failuresSince(
  db: Kysely<Database>,
  keys: readonly string[],
  since: number,
): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>(keys.map((k) => [k, []]));
  if (keys.length === 0) return out;
  const rows = await db
    .selectFrom('auth_failures')
    .select(['key', 'at'])
    .where('key', 'in', [...keys])
    .where('at', '>', since)
    .orderBy('at')
    .execute();
  for (const r of rows) out.get(r.key)?.push(Number(r.at));
  return out;
}

export async function clearFailures(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('auth_failures').where('key', '=', key).execute();
}

export async function pruneFailures(db: Kysely<Database>, before: number): Promise<void> {
  await db.deleteFrom('auth_failures').where('at', '<=', before).execute();
}

export async function appendAuthLog(db: Kysely<Database>, row: AuthLogRow): Promise<void> {
  await db.insertInto('auth_log').values(row).execute();
}

export function readAuthLog(
  db: Kysely<Database>,
  options: { before?: number; limit: number; userId?: string },
): Promise<AuthLogRow[]> {
  let q = db.selectFrom('auth_log').selectAll();
  if (options.before !== undefined) q = q.where('at', '<', options.before);
  if (options.userId)
    q = q.where((eb) => eb('user_id', '=', options.userId!).or('actor_id', '=', options.userId!));
  return q.orderBy('at', 'desc').limit(options.limit).execute();
}
