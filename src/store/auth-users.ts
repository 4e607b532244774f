import type { Kysely } from 'kysely';
import type { Database, UsersTable } from './schema.js';

export type UserRow = UsersTable;
export type UserPatch = Partial<Omit<UsersTable, 'user_id' | 'created_at'>>;

export function findUser(db: Kysely<Database>, userId: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

export function findUserByLogin(db: Kysely<Database>, login: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('login', '=', login).executeTakeFirst();
}

export function listUsers(db: Kysely<Database>): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().orderBy('user_id').execute();
}

export async function countUsers(db: Kysely<Database>, role?: string): Promise<number> {
  let q = db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n'));
  if (role) q = q.where('role', '=', role).where('disabled', '=', 0);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

export async function insertUser(db: Kysely<Database>, row: UserRow): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

export async function updateUser(db: Kysely<Database>, userId: string, patch: UserPatch): Promise<void> {
  if (Object.keys(patch).length === 0) return;
  await db.updateTable('users').set(patch).where('user_id', '=', userId).execute();
}
