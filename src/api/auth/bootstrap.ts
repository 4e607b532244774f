import { countUsers } from '../../store/auth-users.js';
import type { AuthContext } from './context.js';
import { createUser } from './users.js';

export interface FirstAdmin {
  login: string;
  /** set when the password was generated: print it once, it must be changed at first sign-in */
  oneTimePassword: string | null;
}

/**
 * On a store without users, creates the administrator "admin": with the given password (from
 * FIRSTLINE_ADMIN_PASSWORD), else with a one-time password to be printed once. Null when users exist.
 */
export async function ensureFirstAdmin(ctx: AuthContext, password?: string): Promise<FirstAdmin | null> {
  if ((await countUsers(ctx.store.db)) > 0) return null;
  const { user, oneTimePassword } = await createUser(ctx, {
    login: 'admin',
    name: 'Administrator',
    role: 'admin',
    ...(password ? { password } : {}),
  });
  return { login: user.login, oneTimePassword };
}
