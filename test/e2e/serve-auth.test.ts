// `firstline serve` on a new store: the first administrator, signing in over HTTP, and an API that answers
// nobody without credentials.
import { afterAll, describe, expect, it } from 'vitest';
import { cookiesOf } from '../support/auth.js';
import { type ServerProcess, startServer } from '../support/server-process.js';
import { storeKinds } from '../support/stores.js';

describe('firstline serve on a new store', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });
  async function serve(env: Record<string, string>): Promise<ServerProcess> {
    const fresh = await storeKinds[0]!.fresh();
    cleanups.push(fresh.dispose);
    const server = await startServer(fresh.url, env);
    cleanups.push(async () => {
      const exited = new Promise((r) => server.child.once('exit', r));
      server.child.kill('SIGTERM');
      await exited;
    });
    return server;
  }
  const signIn = (url: string, password: string) =>
    fetch(`${url}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'admin', password }),
    });

  it('prints a one-time password for "admin", which must be changed first', async () => {
    const server = await serve({ FIRSTLINE_ADMIN_PASSWORD: '' });
    const otp = /one-time password (\S+)/.exec(server.log)?.[1];
    expect(otp).toMatch(/^[a-zA-Z2-9]{20}$/);
    expect((await fetch(`${server.url}/api/v1/kpis`)).status).toBe(401);
    expect((await fetch(`${server.url}/api/v1/health`)).status).toBe(200);
    const res = await signIn(server.url, otp!);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { must_change_password: boolean; csrf_token: string };
    expect(body.must_change_password).toBe(true);
    const cookie = `firstline_session=${cookiesOf(res.headers.getSetCookie()).get('firstline_session')}`;
    expect((await fetch(`${server.url}/api/v1/kpis`, { headers: { cookie } })).status).toBe(403);
    const changed = await fetch(`${server.url}/api/v1/auth/password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': body.csrf_token },
      body: JSON.stringify({ current_password: otp, new_password: 'the admin chose this' }),
    });
    expect(changed.status).toBe(200);
    expect((await signIn(server.url, 'the admin chose this')).status).toBe(200);
  });

  it('takes the password from FIRSTLINE_ADMIN_PASSWORD and prints none', async () => {
    const server = await serve({ FIRSTLINE_ADMIN_PASSWORD: 'set by the operator' });
    expect(server.log).not.toContain('one-time password');
    const res = await signIn(server.url, 'set by the operator');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { must_change_password: boolean }).must_change_password).toBe(false);
  });
});
