// What the dashboard's browser tests share: a server on a demo history (in process, the web app built
// from the current sources), Debian's Chromium, signed-in pages, and the API's own answers to compare with.
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { buildApp } from '../../src/api/app.js';
import { DEFAULT_WEB_ROOT, webRoutes } from '../../src/api/routes/web.js';
import { generateDemo } from '../../src/demo/generate-demo.js';
import type { FirstLineConfig } from '../../src/ingest/first-line-config.js';
import { ingest } from '../../src/ingest/ingest.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { ensureUser, TEST_PASSWORD, TEST_PASSWORD_COST, tokenHeaders } from '../support/auth.js';
import { ensureWebBuilt } from '../web-setup.js';

export const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
export const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
/** The supervisor the browser signs in as (reads every KPI, edits targets). */
export const SUPERVISOR = 'e2e-supervisor';

/** The few browser globals the page callbacks touch (the root tsconfig has no DOM library). */
export interface BrowserGlobals {
  localStorage: { getItem(k: string): string | null; setItem(k: string, v: string): void };
  sessionStorage: { getItem(k: string): string | null; setItem(k: string, v: string): void };
  performance: { now(): number };
  document: {
    documentElement: { lang: string };
    activeElement: FocusedElement | null;
    querySelector(s: string): FocusedElement | null;
  };
  getComputedStyle(el: unknown): { outlineStyle: string; outlineWidth: string };
}
export interface FocusedElement {
  id: string;
  tagName: string;
  textContent: string | null;
  classList: { contains(c: string): boolean };
  getAttribute(a: string): string | null;
  closest(s: string): FocusedElement | null;
  querySelector(s: string): FocusedElement | null;
}

export interface Server {
  url: string;
  app: FastifyInstance;
  store: Store;
  /** headers of an administrator's API token, for the test's own calls to the API */
  headers: Record<string, string>;
}

/** An in-process server with the dashboard, on a store at `dbUrl`, with a supervisor to sign in as. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const address = probe.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise((r) => probe.close(r));
  return port;
}

/**
 * The app with the built web UI on a free port, a supervisor and an admin token. `firstLine` configures the
 * site's telephony and ratings; its public URL is the server's own (rating links are absolute).
 */
export async function startServer(dbUrl: string, firstLine: Partial<FirstLineConfig> = {}): Promise<Server> {
  ensureWebBuilt();
  mkdirSync(SHOTS, { recursive: true });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const store = await openStore(dbUrl);
  const app = await buildApp({
    store,
    auth: { passwordCost: TEST_PASSWORD_COST },
    firstLine: { publicUrl: url, ...firstLine },
  });
  if (!app.hasRoute({ method: 'GET', url: '/*' })) await app.register(webRoutes(DEFAULT_WEB_ROOT));
  await app.listen({ port, host: '127.0.0.1' });
  await ensureUser(store, { login: SUPERVISOR, role: 'supervisor' });
  await ensureUser(store, { login: 'e2e-admin', role: 'admin' });
  const headers = await tokenHeaders(store, 'e2e-admin', ['admin']);
  return { url, app, store, headers };
}

/** A page signed in as `login` (not the harness's supervisor), opened at `path`. */
export async function openAs(
  browser: Browser,
  server: Server,
  login: string,
  lang: 'en' | 'ru',
  path: string,
): Promise<Page> {
  const page = await openPage(browser, server, null, { lang, signIn: false });
  const res = await page.context().request.post(`${server.url}/api/v1/auth/sign-in`, {
    data: { login, password: TEST_PASSWORD },
  });
  expect(res.status(), await res.text()).toBe(200);
  await page.goto(`${server.url}${path}`);
  return page;
}

/** The workspace of `login`, loaded and live (its stream connected). */
export async function openWorkspace(
  browser: Browser,
  server: Server,
  login: string,
  lang: 'en' | 'ru',
): Promise<Page> {
  const page = await openAs(browser, server, login, lang, '/workspace');
  await page.waitForSelector('[data-testid="workspace"][data-loading="false"]');
  await page.waitForSelector('[data-testid="desk-live"][data-live="true"]');
  return page;
}

export async function stopServer(s: Server | undefined): Promise<void> {
  await s?.app.close();
  await s?.store.close();
}

/** Loads a deterministic demo history through the normal ingest path. */
export async function loadDemo(store: Store, options: Parameters<typeof generateDemo>[0]): Promise<void> {
  for (const batch of generateDemo(options)) await ingest(store, batch);
}

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

const pageErrors = new WeakMap<Page, string[]>();

/**
 * A fresh browser context (own storage and cookies), signed in as the supervisor (the dashboard is for
 * signed-in users), with the language set; `path` null leaves the page blank.
 */
export async function openPage(
  browser: Browser,
  server: Server,
  path: string | null,
  options: { lang?: 'en' | 'ru'; init?: Record<string, string>; signIn?: boolean } = {},
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  if (options.signIn !== false) {
    const res = await context.request.post(`${server.url}/api/v1/auth/sign-in`, {
      data: { login: SUPERVISOR, password: TEST_PASSWORD },
    });
    expect(res.status(), await res.text()).toBe(200);
  }
  await context.addInitScript(
    ({ lang, init }) => {
      const { localStorage, sessionStorage } = globalThis as unknown as BrowserGlobals;
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('firstline.lang', lang);
        for (const [k, v] of Object.entries(init)) localStorage.setItem(k, v);
        sessionStorage.setItem('seeded', '1');
      }
    },
    { lang: options.lang ?? 'en', init: options.init ?? {} },
  );
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  pageErrors.set(page, errors);
  if (path !== null) await page.goto(`${server.url}${path}`);
  return page;
}

/** Closes the page's context, after checking that no script error happened on it. */
export async function closePage(page: Page): Promise<void> {
  expect(pageErrors.get(page) ?? []).toEqual([]);
  await page.context().close();
}

/** Waits until the element with this test id has loaded what its current URL asks for. */
export const settled = (page: Page, testId = 'overview') =>
  page.waitForSelector(`[data-testid="${testId}"][data-loading="false"]`, { timeout: 60_000 });

/** The API's JSON answer for a path, as the test's administrator. */
export async function apiGet<T>(server: Server, path: string): Promise<T> {
  const res = await fetch(`${server.url}${path}`, { headers: server.headers });
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}
