import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ingest } from '../../ingest/ingest.js';
import { deleteUserSessions } from '../../store/auth-sessions.js';
import { findUser, findUserByLogin, insertUser, type UserRow, updateUser } from '../../store/auth-users.js';
import { HttpError } from '../errors.js';
import type { AuthContext } from './context.js';
import { hashPassword, passwordProblem } from './passwords.js';
import { ROLES } from './permissions.js';
import { readablePassword } from './secrets.js';

const idText = z.string().trim().min(1).max(200);
const lineNo = z.union([z.literal(1), z.literal(2), z.literal(3)]);

export const userFields = {
  login: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .transform((s) => s.toLowerCase()),
  name: z.string().trim().min(1).max(200),
  role: z.enum(ROLES),
  line: lineNo.nullable().optional().describe('agents: the support line they work on (1, 2 or 3)'),
  team_id: idText.nullable().optional(),
  senior: z.boolean().optional().describe('agents: a senior specialist (escalations to "senior")'),
  disabled: z.boolean().optional(),
};

export const newUser = z.strictObject({
  user_id: idText.optional().describe('also the agent id in events; defaults to the login'),
  ...userFields,
  password: z.string().optional().describe('omit to have a one-time password generated'),
});
export const userPatch = z
  .strictObject({
    ...userFields,
    password: z.string(),
    reset_password: z.boolean().describe('true: replace the password with a new one-time password'),
  })
  .partial();

export type NewUser = z.infer<typeof newUser>;
export type UserPatch = z.infer<typeof userPatch>;

/** A user record and, when one was generated, the one-time password to hand over (shown once). */
export interface UserOutcome {
  user: UserRow;
  oneTimePassword: string | null;
}

/** What the API shows of a user: never the password hash. */
export function publicUser(u: UserRow) {
  return {
    user_id: u.user_id,
    login: u.login,
    name: u.name,
    role: u.role,
    line: u.line,
    team_id: u.team_id,
    senior: u.senior === 1,
    disabled: u.disabled === 1,
    must_change_password: u.must_change_password === 1,
    created_at: new Date(Number(u.created_at)).toISOString(),
    updated_at: new Date(Number(u.updated_at)).toISOString(),
  };
}
export type PublicUser = ReturnType<typeof publicUser>;

const works = (role: string) => role === 'agent' || role === 'supervisor';
const profileRole = (u: UserRow) =>
  u.role === 'agent' ? (u.senior ? 'senior' : 'agent') : u.role === 'viewer' ? undefined : u.role;

/**
 * Agents are users: their agent.profile (SPEC §2) follows the user record through the normal ingest path, so
 * the KPIs know each agent's line and team. Emitted when someone who works tickets (or did) changes.
 */
async function emitProfile(ctx: AuthContext, before: UserRow | null, after: UserRow): Promise<void> {
  if (!works(after.role) && !(before && works(before.role))) return;
  const same =
    before &&
    before.name === after.name &&
    before.role === after.role &&
    before.line === after.line &&
    before.team_id === after.team_id &&
    before.senior === after.senior;
  if (same) return;
  const role = profileRole(after);
  await ingest(ctx.store, [
    {
      id: `profile-${randomUUID()}`,
      type: 'agent.profile',
      at: new Date(ctx.now()).toISOString(),
      agent_id: after.user_id,
      name: after.name,
      ...(after.line ? { line: after.line } : {}),
      ...(after.team_id ? { team_id: after.team_id } : {}),
      ...(role ? { role } : {}),
    },
  ]);
}

function checkAgentFields(u: { role: string; line: number | null }) {
  if (u.role === 'agent' && u.line === null)
    throw new HttpError(400, 'invalid_request', 'an agent needs a line (1, 2 or 3)', [
      { field: 'line', message: 'required for agents' },
    ]);
}

function checkPassword(password: string) {
  const problem = passwordProblem(password);
  if (problem)
    throw new HttpError(400, 'invalid_request', `password: ${problem}`, [
      { field: 'password', message: problem },
    ]);
}

export async function createUser(ctx: AuthContext, input: NewUser): Promise<UserOutcome> {
  const userId = input.user_id ?? input.login;
  if (await findUser(ctx.store.db, userId))
    throw new HttpError(409, 'conflict', `a user ${JSON.stringify(userId)} exists already`, [
      { field: 'user_id', message: 'taken' },
    ]);
  if (await findUserByLogin(ctx.store.db, input.login))
    throw new HttpError(409, 'conflict', `the login ${JSON.stringify(input.login)} is taken`, [
      { field: 'login', message: 'taken' },
    ]);
  if (input.password !== undefined) checkPassword(input.password);
  const oneTimePassword = input.password === undefined ? readablePassword() : null;
  const now = ctx.now();
  const row: UserRow = {
    user_id: userId,
    login: input.login,
    name: input.name,
    role: input.role,
    line: input.line ?? null,
    team_id: input.team_id ?? null,
    senior: input.senior ? 1 : 0,
    password_hash: await hashPassword(input.password ?? oneTimePassword!, ctx.passwordCost),
    must_change_password: oneTimePassword ? 1 : 0,
    disabled: input.disabled ? 1 : 0,
    created_at: now,
    updated_at: now,
  };
  checkAgentFields(row);
  await emitProfile(ctx, null, row);
  await insertUser(ctx.store.db, row);
  return { user: row, oneTimePassword };
}

export async function changeUser(ctx: AuthContext, userId: string, patch: UserPatch): Promise<UserOutcome> {
  const before = await findUser(ctx.store.db, userId);
  if (!before) throw new HttpError(404, 'not_found', `no user ${JSON.stringify(userId)}`);
  if (
    patch.login !== undefined &&
    patch.login !== before.login &&
    (await findUserByLogin(ctx.store.db, patch.login))
  )
    throw new HttpError(409, 'conflict', `the login ${JSON.stringify(patch.login)} is taken`, [
      { field: 'login', message: 'taken' },
    ]);
  if (patch.password !== undefined) checkPassword(patch.password);
  const oneTimePassword = patch.reset_password ? readablePassword() : null;
  const newPassword = oneTimePassword ?? patch.password;
  const after: UserRow = {
    ...before,
    ...(patch.login !== undefined ? { login: patch.login } : {}),
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.role !== undefined ? { role: patch.role } : {}),
    ...(patch.line !== undefined ? { line: patch.line } : {}),
    ...(patch.team_id !== undefined ? { team_id: patch.team_id } : {}),
    ...(patch.senior !== undefined ? { senior: patch.senior ? 1 : 0 } : {}),
    ...(patch.disabled !== undefined ? { disabled: patch.disabled ? 1 : 0 } : {}),
    ...(newPassword !== undefined
      ? {
          password_hash: await hashPassword(newPassword, ctx.passwordCost),
          must_change_password: oneTimePassword ? 1 : 0,
        }
      : {}),
    updated_at: ctx.now(),
  };
  checkAgentFields(after);
  await emitProfile(ctx, before, after);
  const { user_id: _id, created_at: _c, ...rest } = after;
  await updateUser(ctx.store.db, userId, rest);
  // A new password or a disabled account ends every session the old state opened.
  if (newPassword !== undefined || after.disabled) await deleteUserSessions(ctx.store.db, userId);
  return { user: after, oneTimePassword };
}
