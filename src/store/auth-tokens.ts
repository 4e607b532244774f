import type { Kysely } from 'kysely';
import type { ApiTokensTable, Database } from './schema.js';

export type ApiTokenRow = ApiTokensTable;

export async function insertApiToken(db: Kysely<Database>, row: ApiTokenRow): Promise<void> {
  await db.insertInto('api_tokens').values(row).execute();
}

export function findApiTokenByHash(db: Kysely<Database>, hash: string): Promise<ApiTokenRow | undefined> {
  return db.selectFrom('api_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirst();
}

export function findApiToken(db: Kysely<Database>, tokenId: string): Promise<ApiTokenRow | undefined> {
  return db.selectFrom('api_tokens').selectAll().where('token_id', '=', tokenId).executeTakeFirst();
}

export function listApiTokens(db: Kysely<Database>, userId?: string): Promise<ApiTokenRow[]> {
  let q = db.selectFrom('api_tokens').selectAll();
  if (userId) q = q.where('user_id', '=', userId);
  return q.orderBy('created_at').orderBy('token_id').execute();
}

export async function markApiTokenUsed(db: Kysely<Database>, tokenId: string, at: number): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('token_id', '=', tokenId).execute();
}

export async function revokeApiToken(db: Kysely<Database>, tokenId: string, at: number): Promise<void> {
  await db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('token_id', '=', tokenId)
    .where('revoked_at', 'is', null)
    .execute();
}
