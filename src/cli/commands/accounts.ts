import type { Command } from 'commander';
import { authContext } from '../../api/auth/context.js';
import { isPermission, PERMISSIONS, type Permission } from '../../api/auth/permissions.js';
import { createApiToken } from '../../api/auth/tokens.js';
import { changeUser } from '../../api/auth/users.js';
import type { Config } from '../../config.js';
import { appendAuthLog } from '../../store/auth-log.js';
import { findUserByLogin } from '../../store/auth-users.js';
import { openStore } from '../../store/open.js';
import type { Store } from '../../store/store.js';

async function withUser<T>(config: Config, login: string, run: (store: Store, userId: string) => Promise<T>) {
  const store = await openStore(config.db);
  try {
    const user = await findUserByLogin(store.db, login.toLowerCase());
    if (!user) throw new Error(`no user with the login ${JSON.stringify(login)}`);
    return await run(store, user.user_id);
  } finally {
    await store.close();
  }
}

/** Account chores from the server's own shell: a lost administrator password, an integration's token. */
export function registerAccounts(program: Command, config: () => Config): void {
  program
    .command('reset-password <login>')
    .description(
      "give a user a new one-time password (printed once; it must be changed at sign-in); ends the user's sessions",
    )
    .action(async (login: string) =>
      withUser(config(), login, async (store, userId) => {
        const ctx = authContext(store, Date.now);
        const { oneTimePassword } = await changeUser(ctx, userId, { reset_password: true, disabled: false });
        await appendAuthLog(store.db, {
          at: Date.now(),
          action: 'password_reset_cli',
          user_id: userId,
          actor_id: null,
          ip: null,
          detail: null,
        });
        process.stdout.write(`One-time password for ${login}: ${oneTimePassword}\n`);
      }),
    );
  program
    .command('token <login>')
    .description('create an API token acting as the user (printed once; stored only as a hash)')
    .requiredOption('--name <name>', 'what the token is for, e.g. "PBX"')
    .requiredOption('--scopes <list>', `comma-separated: ${PERMISSIONS.join(', ')}`)
    .action(async (login: string, opts: { name: string; scopes: string }) => {
      const scopes = opts.scopes.split(',').map((s) => s.trim());
      const bad = scopes.filter((s) => !isPermission(s));
      if (bad.length)
        throw new Error(`--scopes: unknown ${bad.join(', ')}; choose from ${PERMISSIONS.join(', ')}`);
      await withUser(config(), login, async (store, userId) => {
        const ctx = authContext(store, Date.now);
        const made = await createApiToken(ctx, {
          userId,
          name: opts.name,
          scopes: scopes as Permission[],
          createdBy: userId,
        });
        await appendAuthLog(store.db, {
          at: Date.now(),
          action: 'token_created',
          user_id: userId,
          actor_id: null,
          ip: null,
          detail: JSON.stringify({ token_id: made.token_id, name: opts.name, scopes, via: 'cli' }),
        });
        process.stdout.write(`${made.token}\n`);
      });
    });
}
