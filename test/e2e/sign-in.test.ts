// Signing in to the web app in a real browser (Debian's Chromium): the sign-in page stands in front of every
// page, keeps the address asked for, says what went wrong, makes a one-time password be replaced, and signs out.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/app.js';
import { authContext } from '../../src/api/auth/context.js';
import { createUser } from '../../src/api/auth/users.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { ensureUser, TEST_PASSWORD, TEST_PASSWORD_COST } from '../support/auth.js';
import { ensureWebBuilt } from '../web-setup.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

describe.skipIf(!existsSync(CHROMIUM))('signing in to the web app', () => {
  const dir = mkdtempSync(join(tmpdir(), 'firstline-sign-in-'));
  let store: Store;
  let app: FastifyInstance;
  let browser: Browser;
  let url = '';
  let oneTime = '';

  beforeAll(async () => {
    ensureWebBuilt();
    store = await openStore(`sqlite:${join(dir, 'auth.db')}`);
    app = await buildApp({ store, auth: { passwordCost: TEST_PASSWORD_COST } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    await ensureUser(store, { login: 'vera', name: 'Vera Viewer', role: 'viewer' });
    const made = await createUser(authContext(store, Date.now, { passwordCost: TEST_PASSWORD_COST }), {
      login: 'newbie',
      name: 'New Agent',
      role: 'agent',
      line: 1,
    });
    oneTime = made.oneTimePassword!;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function fresh(path: string, lang: 'en' | 'ru' = 'en'): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, locale: 'en-GB' });
    await context.addInitScript(
      (l) =>
        (
          globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }
        ).localStorage.setItem('firstline.lang', l),
      lang,
    );
    const page = await context.newPage();
    await page.goto(`${url}${path}`);
    await page.locator('[data-testid="sign-in"]').waitFor({ timeout: 30_000 });
    return page;
  }
  const fill = async (page: Page, login: string, password: string) => {
    await page.fill('[data-testid="sign-in-login"]', login);
    await page.fill('[data-testid="sign-in-password"]', password);
    await page.click('[data-testid="sign-in-submit"]');
  };

  it('stands in front of the page asked for, and opens that page after signing in', async () => {
    const page = await fresh('/kpi/fcr?period=7d');
    expect(new URL(page.url()).pathname).toBe('/kpi/fcr');
    expect(await page.locator('h1').textContent()).toBe('Sign in');
    await fill(page, 'vera', 'not her password');
    await page.locator('[data-testid="sign-in-error"]').waitFor();
    expect(await page.locator('[data-testid="sign-in-error"]').textContent()).toBe(
      'The login or the password is wrong.',
    );
    await fill(page, 'Vera', TEST_PASSWORD);
    await page.locator('[data-testid="kpi-page"]').waitFor({ timeout: 30_000 });
    expect(page.url()).toBe(`${url}/kpi/fcr?period=7d`);
    expect(await page.locator('[data-testid="user-name"]').textContent()).toBe('Vera Viewer');
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === 'firstline_session')).toMatchObject({
      httpOnly: true,
      sameSite: 'Lax',
      secure: false,
    });

    // signing out ends the session on the server, not only in the page
    const session = cookies.find((c) => c.name === 'firstline_session')!.value;
    await page.click('[data-testid="sign-out"]');
    await page.locator('[data-testid="sign-in"]').waitFor();
    const after = await fetch(`${url}/api/v1/auth/session`, {
      headers: { cookie: `firstline_session=${session}` },
    });
    expect(after.status).toBe(401);
    await page.context().close();
  });

  it('speaks Russian', async () => {
    const page = await fresh('/', 'ru');
    expect(await page.locator('h1').textContent()).toBe('Вход');
    await fill(page, 'vera', 'не тот пароль');
    await page.locator('[data-testid="sign-in-error"]').waitFor();
    expect(await page.locator('[data-testid="sign-in-error"]').textContent()).toBe(
      'Неверный логин или пароль.',
    );
    await page.click('[data-testid="lang-en"]');
    expect(await page.locator('h1').textContent()).toBe('Sign in');
    await page.context().close();
  });

  it('makes a one-time password be replaced before the app opens', async () => {
    const page = await fresh('/');
    await fill(page, 'newbie', oneTime);
    await page.locator('[data-testid="change-password"]').waitFor();
    await page.fill('[data-testid="current-password"]', oneTime);
    await page.fill('[data-testid="new-password"]', 'my own secret 42');
    await page.fill('[data-testid="repeat-password"]', 'my own secret 42');
    await page.click('[data-testid="change-password-submit"]');
    await page.locator('[data-testid="user-name"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid="user-name"]').textContent()).toBe('New Agent');
    const res = await fetch(`${url}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'newbie', password: 'my own secret 42' }),
    });
    expect(((await res.json()) as { must_change_password: boolean }).must_change_password).toBe(false);
    await page.context().close();
  });
});
