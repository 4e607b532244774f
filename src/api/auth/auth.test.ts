import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cookiesOf,
  ensureUser,
  signIn,
  TEST_PASSWORD,
  TEST_PASSWORD_COST,
  tokenHeaders,
} from '../../../test/support/auth.js';
import { storeKinds } from '../../../test/support/stores.js';
import type { Store } from '../../store/store.js';
import { buildApp } from '../app.js';
import { ensureFirstAdmin } from './bootstrap.js';
import { authContext } from './context.js';
import { hashPassword, verifyPassword } from './passwords.js';

const T0 = Date.parse('2026-03-02T09:00:00Z');

for (const kind of storeKinds) {
  describe.skipIf(!kind.available)(`sign-in, sessions, CSRF and tokens (${kind.name})`, () => {
    let app: FastifyInstance;
    let store: Store;
    let dispose: () => Promise<void>;
    let clock = T0;
    beforeAll(async () => {
      const fresh = await kind.fresh();
      store = await fresh.open();
      dispose = fresh.dispose;
      app = await buildApp({
        store,
        now: () => clock,
        auth: { passwordCost: TEST_PASSWORD_COST, throttle: { perLogin: 3, perIp: 8, windowMs: 600_000 } },
      });
      await ensureUser(store, { login: 'anna', role: 'agent', line: 1, team_id: 'desk', name: 'Anna' });
      await ensureUser(store, { login: 'vera', role: 'viewer' });
    });
    afterAll(async () => {
      await app.close();
      await store.close();
      await dispose();
    });

    it('signs in with a fresh HttpOnly, SameSite=Lax session cookie and a CSRF token; signs out', async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { login: 'Anna', password: TEST_PASSWORD },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        user: { user_id: 'anna', role: 'agent', line: 1, team_id: 'desk' },
        must_change_password: false,
      });
      expect(res.json().permissions).toEqual(['kpis:read', 'tickets:read', 'tickets:write']);
      const raw = [res.headers['set-cookie']].flat().join('\n');
      expect(raw).toMatch(/firstline_session=[^;]+; Path=\/; SameSite=Lax; Max-Age=\d+; HttpOnly/);
      expect(raw).not.toContain('Secure');
      const cookies = cookiesOf(res.headers['set-cookie']);
      expect(cookies.get('firstline_csrf')).toBe(res.json().csrf_token);
      // stored hashed: the cookie value is nowhere in the database
      const rows = await store.db.selectFrom('sessions').selectAll().execute();
      expect(rows.some((r) => r.session_hash === cookies.get('firstline_session'))).toBe(false);

      const cookie = `firstline_session=${cookies.get('firstline_session')}`;
      const me = await app.inject({ url: '/api/v1/auth/session', headers: { cookie } });
      expect(me.json()).toMatchObject({ user: { login: 'anna' }, csrf_token: res.json().csrf_token });
      const out = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-out',
        headers: { cookie, 'x-csrf-token': res.json().csrf_token },
      });
      expect(out.statusCode).toBe(200);
      expect((await app.inject({ url: '/api/v1/auth/session', headers: { cookie } })).statusCode).toBe(401);
    });

    it('marks cookies Secure behind TLS only when the proxy is trusted', async () => {
      const trusting = await buildApp({
        store,
        trustProxy: true,
        auth: { passwordCost: TEST_PASSWORD_COST },
      });
      const signInVia = (a: FastifyInstance) =>
        a.inject({
          method: 'POST',
          url: '/api/v1/auth/sign-in',
          payload: { login: 'vera', password: TEST_PASSWORD },
          headers: { 'x-forwarded-proto': 'https' },
        });
      const behindTls = [(await signInVia(trusting)).headers['set-cookie']].flat();
      expect(behindTls).toHaveLength(2);
      for (const c of behindTls) expect(c).toMatch(/; Secure$/);
      // an untrusted X-Forwarded-Proto is a header anyone can send
      for (const c of [(await signInVia(app)).headers['set-cookie']].flat())
        expect(c).not.toContain('Secure');
      await trusting.close();
    });

    it('gives a new session id at sign-in and ends the one the browser carried (session fixation)', async () => {
      // the attacker's own valid session, planted in the victim's browser
      const planted = await signIn(app, 'vera');
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { login: 'anna', password: TEST_PASSWORD },
        headers: { cookie: planted.cookie },
      });
      const fresh = cookiesOf(res.headers['set-cookie']).get('firstline_session');
      expect(fresh).toBeTruthy();
      expect(planted.cookie).not.toContain(fresh);
      expect(
        (await app.inject({ url: '/api/v1/auth/session', headers: { cookie: planted.cookie } })).statusCode,
      ).toBe(401);
      const now = await app.inject({
        url: '/api/v1/auth/session',
        headers: { cookie: `firstline_session=${fresh}` },
      });
      expect(now.json().user.user_id).toBe('anna');
    });

    it('refuses a cookie-authenticated write without the session’s CSRF token; tokens need none', async () => {
      const s = await signIn(app, 'anna');
      const write = (headers: Record<string, string>) =>
        app.inject({
          method: 'POST',
          url: '/api/v1/tokens',
          payload: { name: 'x', scopes: ['kpis:read'] },
          headers,
        });
      const none = await write({ cookie: s.cookie });
      expect(none.statusCode).toBe(403);
      expect(none.json().error.code).toBe('csrf_failed');
      const other = await signIn(app, 'vera');
      expect((await write({ cookie: s.cookie, 'x-csrf-token': other.csrf })).statusCode).toBe(403);
      expect((await write(s.headers)).statusCode).toBe(201);
      // reads carry no token
      expect((await app.inject({ url: '/api/v1/tokens', headers: { cookie: s.cookie } })).statusCode).toBe(
        200,
      );
      const bearer = await tokenHeaders(store, 'anna', ['tickets:write']);
      expect((await write(bearer)).statusCode).toBe(403); // kpis:read is beyond this token's scope
      const ok = await app.inject({
        method: 'POST',
        url: '/api/v1/tokens',
        payload: { name: 'y', scopes: ['tickets:read'] },
        headers: bearer,
      });
      expect(ok.statusCode).toBe(201);
    });

    it('limits failed sign-ins per login, whatever the password, until the window passes', async () => {
      await ensureUser(store, { login: 'olga', role: 'viewer' });
      const attempt = (password: string, ip = '10.0.0.1') =>
        app.inject({
          method: 'POST',
          url: '/api/v1/auth/sign-in',
          payload: { login: 'olga', password },
          remoteAddress: ip,
        });
      for (let i = 0; i < 3; i++) expect((await attempt('wrong password')).statusCode).toBe(401);
      const blocked = await attempt(TEST_PASSWORD);
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json().error.code).toBe('too_many_attempts');
      expect(Number(blocked.headers['retry-after'])).toBe(600);
      clock += 300_000;
      expect(Number((await attempt(TEST_PASSWORD, '10.0.0.2')).headers['retry-after'])).toBe(300);
      clock += 300_000;
      expect((await attempt(TEST_PASSWORD)).statusCode).toBe(200);
    });

    it('limits failed sign-ins per address across logins', async () => {
      const ip = '10.9.9.9';
      for (let i = 0; i < 8; i++) {
        const res = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/sign-in',
          payload: { login: `nobody-${i}`, password: 'wrong password' },
          remoteAddress: ip,
        });
        expect(res.statusCode).toBe(401);
        expect(res.json().error.message).toBe('the login or the password is wrong');
      }
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { login: 'anna', password: TEST_PASSWORD },
        remoteAddress: ip,
      });
      expect(res.statusCode).toBe(429);
      clock += 600_000;
    });

    it('shows a token once, keeps only its hash, honours its scope and stops it when revoked', async () => {
      const admin = await ensureUser(store, { login: 'root', role: 'admin' });
      const s = await signIn(app, admin);
      const made = await app.inject({
        method: 'POST',
        url: '/api/v1/tokens',
        headers: s.headers,
        payload: { name: 'pbx', scopes: ['events:write'] },
      });
      expect(made.statusCode).toBe(201);
      const { token, token_id } = made.json();
      expect(token).toMatch(/^fl_[A-Za-z0-9_-]{43}$/);
      const listed = (await app.inject({ url: '/api/v1/tokens', headers: { cookie: s.cookie } })).json();
      expect(JSON.stringify(listed)).not.toContain(token);
      expect(listed.find((t: { token_id: string }) => t.token_id === token_id)).toMatchObject({
        name: 'pbx',
        scopes: ['events:write'],
        revoked_at: null,
      });
      const rows = await store.db.selectFrom('api_tokens').select('token_hash').execute();
      expect(rows.some((r) => r.token_hash.includes(token.slice(3)))).toBe(false);

      const auth = { authorization: `Bearer ${token}` };
      const event = {
        id: 'tok-1',
        type: 'ticket.created',
        at: '2026-03-02T09:00:00Z',
        ticket_id: 'TK',
        channel: 'web',
      };
      expect(
        (await app.inject({ method: 'POST', url: '/api/v1/events', payload: event, headers: auth }))
          .statusCode,
      ).toBe(200);
      expect((await app.inject({ url: '/api/v1/kpis', headers: auth })).statusCode).toBe(403);
      const revoke = await app.inject({
        method: 'DELETE',
        url: `/api/v1/tokens/${token_id}`,
        headers: s.headers,
      });
      expect(revoke.json().revoked_at).not.toBeNull();
      const after = await app.inject({
        method: 'POST',
        url: '/api/v1/events',
        payload: event,
        headers: auth,
      });
      expect(after.statusCode).toBe(401);
      expect(after.json().error.code).toBe('invalid_token');
    });

    it('makes a one-time password be changed before anything else', async () => {
      const admin = await signIn(app, 'root');
      const made = await app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: admin.headers,
        payload: { login: 'ivan', name: 'Ivan', role: 'agent', line: 2, team_id: 'l2' },
      });
      expect(made.statusCode).toBe(201);
      const otp = made.json().one_time_password as string;
      expect(otp).toHaveLength(20);
      const s = await signIn(app, 'ivan', otp);
      const blocked = await app.inject({ url: '/api/v1/kpis', headers: { cookie: s.cookie } });
      expect(blocked.statusCode).toBe(403);
      expect(blocked.json().error.code).toBe('password_change_required');
      const short = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        headers: s.headers,
        payload: { current_password: otp, new_password: 'short' },
      });
      expect(short.statusCode).toBe(400);
      const changed = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        headers: s.headers,
        payload: { current_password: otp, new_password: 'a much better secret' },
      });
      expect(changed.statusCode).toBe(200);
      expect(changed.json().must_change_password).toBe(false);
      // the old session id is gone; the new cookie works
      expect(
        (await app.inject({ url: '/api/v1/auth/session', headers: { cookie: s.cookie } })).statusCode,
      ).toBe(401);
      const cookie = `firstline_session=${cookiesOf(changed.headers['set-cookie']).get('firstline_session')}`;
      expect((await app.inject({ url: '/api/v1/kpis', headers: { cookie } })).statusCode).toBe(200);
      expect((await signIn(app, 'ivan', 'a much better secret')).csrf).toBeTruthy();
    });

    it('emits agent.profile events as agent users are created and changed, and only then', async () => {
      const admin = await signIn(app, 'root');
      const profiles = async () =>
        (
          await store.db
            .selectFrom('events')
            .select('body')
            .where('type', '=', 'agent.profile')
            .orderBy('seq')
            .execute()
        )
          .map((r) => JSON.parse(r.body))
          .filter((e) => e.agent_id === 'petr')
          .map(({ id: _i, at: _a, ...rest }) => rest);
      await app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: admin.headers,
        payload: {
          login: 'petr',
          name: 'Petr',
          role: 'agent',
          line: 1,
          team_id: 'desk',
          password: 'long enough pw',
        },
      });
      const patch = (payload: Record<string, unknown>) =>
        app.inject({ method: 'PATCH', url: '/api/v1/users/petr', headers: admin.headers, payload });
      expect((await patch({ line: 3, team_id: 'experts', senior: true })).statusCode).toBe(200);
      expect((await patch({ disabled: false })).statusCode).toBe(200); // nothing the profile holds
      expect((await patch({ line: null })).statusCode).toBe(400); // an agent needs a line
      expect(await profiles()).toEqual([
        { type: 'agent.profile', agent_id: 'petr', name: 'Petr', line: 1, team_id: 'desk', role: 'agent' },
        {
          type: 'agent.profile',
          agent_id: 'petr',
          name: 'Petr',
          line: 3,
          team_id: 'experts',
          role: 'senior',
        },
      ]);
      const agent = await store.db
        .selectFrom('agents')
        .selectAll()
        .where('agent_id', '=', 'petr')
        .executeTakeFirst();
      expect(agent).toMatchObject({ line: 3, team_id: 'experts', role: 'senior' });
      // a viewer is no agent
      await app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: admin.headers,
        payload: { login: 'watcher', name: 'W', role: 'viewer', password: 'long enough pw' },
      });
      expect(
        await store.db.selectFrom('agents').selectAll().where('agent_id', '=', 'watcher').executeTakeFirst(),
      ).toBe(undefined);
    });

    it('keeps the last administrator', async () => {
      const admin = await signIn(app, 'root');
      const adminCount = (
        await store.db.selectFrom('users').select('user_id').where('role', '=', 'admin').execute()
      ).length;
      expect(adminCount).toBe(1);
      const res = await app.inject({
        method: 'PATCH',
        url: '/api/v1/users/root',
        headers: admin.headers,
        payload: { role: 'viewer' },
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('last_admin');
    });
  });
}

describe('first start and passwords', () => {
  it('creates the administrator once: with a one-time password, or the configured one', async () => {
    const fresh = await storeKinds[0]!.fresh();
    const store = await fresh.open();
    const ctx = authContext(store, Date.now, { passwordCost: TEST_PASSWORD_COST });
    const first = await ensureFirstAdmin(ctx);
    expect(first).toMatchObject({ login: 'admin' });
    expect(first!.oneTimePassword).toMatch(/^[a-zA-Z2-9]{20}$/);
    expect(await ensureFirstAdmin(ctx)).toBeNull();
    const row = await store.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ role: 'admin', must_change_password: 1 });
    await store.close();
    await fresh.dispose();

    const other = await storeKinds[0]!.fresh();
    const store2 = await other.open();
    const given = await ensureFirstAdmin(
      authContext(store2, Date.now, { passwordCost: 10 }),
      'chosen by the operator',
    );
    expect(given).toEqual({ login: 'admin', oneTimePassword: null });
    const row2 = await store2.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
    expect(row2.must_change_password).toBe(0);
    expect(await verifyPassword('chosen by the operator', row2.password_hash!)).toBe(true);
    await store2.close();
    await other.dispose();
  });

  it('hashes with scrypt and a salt, and verifies only the right password', async () => {
    const a = await hashPassword('pässword one', 12);
    const b = await hashPassword('pässword one', 12);
    expect(a).toMatch(/^scrypt\$12\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('pässword one', a)).toBe(true);
    // NFKC: the same text typed in another Unicode form
    expect(await verifyPassword('pa\u0308ssword one', a)).toBe(true);
    expect(await verifyPassword('password one', a)).toBe(false);
    expect(await verifyPassword('pässword one', 'md5$abc')).toBe(false);
  });
});
