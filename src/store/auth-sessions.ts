import type { Kysely } from 'kysely';
import type { Database, SessionsTable } from './schema.js';

export type SessionRow = SessionsTable;

export async function insertSession(db: Kysely<Database>, row: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

export function findSession(db: Kysely<Database>, hash: string): Promise<SessionRow | undefined> {
  return db.selectFrom('sessions').selectAll().where('session_hash', '=', hash).executeTakeFirst();
}

export async function extendSession(db: Kysely<Database>, hash: string, expiresAt: number): Promise<void> {
  await db.updateTable('sessions').set({ expires_at: expiresAt }).where('session_hash', '=', hash).execute();
}

export async function deleteSession(db: Kysely<Database>, hash: string): Promise<void> {
  await db.deleteFrom('sessions').where('session_hash', '=', hash).execute();
}

/** Signs a user out everywhere, except (optionally) the session that asked. */
export async function deleteUserSessions(db: Kysely<Database>, userId: string, keep?: string): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keep) q = q.where('session_hash', '!=', keep);
  await q.execute();
}

export async function deleteExpiredSessions(db: Kysely<Database>, now: number): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}
