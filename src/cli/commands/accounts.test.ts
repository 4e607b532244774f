import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureUser, signIn } from '../../../test/support/auth.js';
import { buildApp } from '../../api/app.js';
import { openStore } from '../../store/open.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

describe('firstline reset-password and firstline token', () => {
  const dir = mkdtempSync(join(tmpdir(), 'firstline-accounts-'));
  const db = `sqlite:${join(dir, 'a.db')}`;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const cli = (...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', '--db', db, ...args], { cwd: ROOT });

  it('gives a locked-out administrator a one-time password, and an integration a scoped token', async () => {
    const store = await openStore(db);
    await ensureUser(store, { login: 'admin', role: 'admin', password: 'forgotten long ago' });
    await store.close();

    const reset = await cli('reset-password', 'admin');
    const otp = /One-time password for admin: (\S+)/.exec(reset.stdout)?.[1];
    expect(otp).toMatch(/^[a-zA-Z2-9]{20}$/);
    const token = (await cli('token', 'admin', '--name', 'PBX', '--scopes', 'events:write')).stdout.trim();
    expect(token).toMatch(/^fl_/);
    await expect(cli('token', 'admin', '--name', 'x', '--scopes', 'everything')).rejects.toThrow(
      /unknown everything/,
    );
    await expect(cli('reset-password', 'nobody')).rejects.toThrow(/no user with the login "nobody"/);

    const store2 = await openStore(db);
    const app = await buildApp({ store: store2 });
    const s = await signIn(app, 'admin', otp);
    expect(
      (await app.inject({ url: '/api/v1/auth/session', headers: { cookie: s.cookie } })).json()
        .must_change_password,
    ).toBe(true);
    const auth = { authorization: `Bearer ${token}` };
    expect(
      (await app.inject({ method: 'POST', url: '/api/v1/events', headers: auth, payload: [] })).statusCode,
    ).toBe(400);
    expect((await app.inject({ url: '/api/v1/kpis', headers: auth })).statusCode).toBe(403);
    await app.close();
    await store2.close();
  });
});
