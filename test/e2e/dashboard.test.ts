// The dashboard in a real browser (Debian's Chromium driven by playwright-core) against an in-process server
// holding a deterministic demo history: the cards show the API's numbers, the URL carries the view, the
// drill-down reaches a ticket's timeline, Russian works, the keyboard suffices, and screenshots are saved.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/app.js';
import { DEFAULT_WEB_ROOT, webRoutes } from '../../src/api/routes/web.js';
import { generateDemo } from '../../src/demo/generate-demo.js';
import { ingest } from '../../src/ingest/ingest.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import type { KpiReport } from '../../web/src/api/types.js';
import { headlineText } from '../../web/src/format/kpi-text.js';
import { cookiesOf, ensureUser, TEST_PASSWORD, TEST_PASSWORD_COST, tokenHeaders } from '../support/auth.js';
import { ensureWebBuilt } from '../web-setup.js';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const PERIOD = 'from=2026-03-01&to=2026-03-31';
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

/** The few browser globals the page callbacks touch (the root tsconfig has no DOM library). */
interface Storage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}
interface BrowserGlobals {
  localStorage: Storage;
  sessionStorage: Storage;
  document: {
    documentElement: { lang: string };
    activeElement: {
      classList: { contains(c: string): boolean };
      closest(s: string): { getAttribute(a: string): string | null } | null;
    } | null;
  };
}

interface Server {
  url: string;
  app: FastifyInstance;
  store: Store;
  /** an API token of a viewer, for the test's own requests */
  auth: Record<string, string>;
}

async function startServer(dbUrl: string): Promise<Server> {
  const store = await openStore(dbUrl);
  const app = await buildApp({ store, auth: { passwordCost: TEST_PASSWORD_COST } });
  // the dashboard is for signed-in users: a viewer signs in, and the test's own requests carry their token
  const viewer = await ensureUser(store, { login: 'viewer', role: 'viewer', name: 'Vera Viewer' });
  const auth = await tokenHeaders(store, viewer, ['kpis:read', 'tickets:read']);
  // app.ts may already serve the dashboard; register it here only when it does not
  if (!app.hasRoute({ method: 'GET', url: '/*' })) await app.register(webRoutes(DEFAULT_WEB_ROOT));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, app, store, auth };
}

/** Signs the viewer in through the API and gives the browser context the session cookies. */
async function signInContext(context: BrowserContext, url: string): Promise<void> {
  const res = await fetch(`${url}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'viewer', password: TEST_PASSWORD }),
  });
  expect(res.status).toBe(200);
  const cookies = cookiesOf(res.headers.getSetCookie());
  await context.addCookies(
    [...cookies].map(([name, value]) => ({
      name,
      value,
      url,
      httpOnly: name === 'firstline_session',
      sameSite: 'Lax',
    })),
  );
}

describe.skipIf(!existsSync(CHROMIUM))('the KPI dashboard in a browser', () => {
  const dir = mkdtempSync(join(tmpdir(), 'firstline-e2e-'));
  let server: Server;
  let empty: Server;
  let browser: Browser;

  beforeAll(async () => {
    ensureWebBuilt();
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer(`sqlite:${join(dir, 'demo.db')}`);
    // two months of the demo service desk (Europe/Moscow) ending with March 2026: deterministic, and
    // March has a full previous period to compare with
    for (const batch of generateDemo({ days: 62, seed: 7, end: '2026-03-31T21:00:00Z', ticketsPerDay: 40 }))
      await ingest(server.store, batch);
    empty = await startServer(`sqlite:${join(dir, 'empty.db')}`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    for (const s of [server, empty]) {
      await s?.app.close();
      await s?.store.close();
    }
    rmSync(dir, { recursive: true, force: true });
  });

  /** A fresh browser context (own storage) with the language set; `path` null leaves it blank. */
  async function open(
    path: string | null,
    lang: 'en' | 'ru' = 'en',
    init?: Record<string, string>,
  ): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    await context.addInitScript(
      ({ lang, init }) => {
        const { localStorage, sessionStorage } = globalThis as unknown as BrowserGlobals;
        if (!sessionStorage.getItem('seeded')) {
          localStorage.setItem('firstline.lang', lang);
          for (const [k, v] of Object.entries(init)) localStorage.setItem(k, v);
          sessionStorage.setItem('seeded', '1');
        }
      },
      { lang, init: init ?? {} },
    );
    await signInContext(context, server.url);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    pageErrors.set(page, errors);
    if (path !== null) await page.goto(`${server.url}${path}`);
    return page;
  }

  const pageErrors = new WeakMap<Page, string[]>();
  /** Closes the page's context, after checking that no script error happened on it. */
  async function close(page: Page): Promise<void> {
    expect(pageErrors.get(page) ?? []).toEqual([]);
    await page.context().close();
  }

  const settled = (page: Page, testId = 'overview') =>
    page.waitForSelector(`[data-testid="${testId}"][data-loading="false"]`, { timeout: 30_000 });

  async function api(query: string): Promise<KpiReport> {
    const res = await fetch(`${server.url}/api/v1/kpis?${query}`, { headers: server.auth });
    expect(res.status).toBe(200);
    return (await res.json()) as KpiReport;
  }

  /** Every card's number, n and fraction against the API's answer for the same cut. */
  async function expectCardsMatch(page: Page, query: string): Promise<Record<string, string>> {
    await settled(page);
    const report = await api(query);
    const cards = await page.$$eval('[data-testid="kpi-card"]', (els) =>
      els.map((el) => ({
        id: el.getAttribute('data-kpi') ?? '',
        headline: el.getAttribute('data-headline') ?? '',
        numerator: el.getAttribute('data-numerator'),
        denominator: el.getAttribute('data-denominator'),
        text: el.querySelector('[data-testid="kpi-value"]')?.textContent ?? '',
      })),
    );
    expect(cards.map((c) => c.id).sort()).toEqual(Object.keys(report.kpis).sort());
    const texts: Record<string, string> = {};
    for (const card of cards) {
      const kpi = report.kpis[card.id as keyof KpiReport['kpis']]!;
      expect(card.headline, card.id).toBe(kpi.headline === null ? '' : String(kpi.headline));
      expect(card.text, card.id).toBe(headlineText(kpi, 'en'));
      if (kpi.kind === 'rate') {
        expect(card.numerator, card.id).toBe(String(kpi.numerator));
        expect(card.denominator, card.id).toBe(String(kpi.denominator));
      }
      texts[card.id] = card.text;
    }
    return texts;
  }

  it('shows on every card exactly the value the API gives, in one API round trip', async () => {
    const kpiRequests: string[] = [];
    const chunks: string[] = [];
    const page = await open(null);
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.pathname === '/api/v1/kpis') kpiRequests.push(u.search);
      if (u.pathname.startsWith('/assets/')) chunks.push(u.pathname);
    });
    await page.goto(`${server.url}/?${PERIOD}`);
    const texts = await expectCardsMatch(page, `${PERIOD}&bucket=day`);
    expect(Object.keys(texts)).toHaveLength(20);
    await page.waitForTimeout(500);
    expect(kpiRequests).toEqual([`?${PERIOD}&bucket=day`]);
    // the chart library is loaded only by the pages that draw charts
    expect(chunks.some((c) => c.includes('echarts'))).toBe(false);
    // every group of SPEC §3 is there, each speed KPI with its quality counterpart
    for (const g of ['speed_volume', 'quality', 'satisfaction', 'contact_centre', 'team'])
      expect(await page.locator(`[data-testid="group-${g}"]`).count()).toBe(1);
    const fr = page.locator('[data-kpi="first_response"]').first();
    expect(await fr.locator('[data-testid="counterpart"]').count()).toBeGreaterThan(0);
    expect(await fr.locator('[data-testid="tier"]').textContent()).toMatch(
      /Excellent|Good|Satisfactory|Poor/,
    );
    await page.screenshot({ path: join(SHOTS, 'overview-en.png') });
    await close(page);
  });

  it('keeps period and filters in the URL: changing them changes the values; back restores them', async () => {
    const page = await open(`/?${PERIOD}`);
    const march = await expectCardsMatch(page, `${PERIOD}&bucket=day`);

    await page.fill('[data-testid="date-from"]', '2026-03-16');
    await page.waitForURL(/from=2026-03-16/);
    const half = await expectCardsMatch(page, 'from=2026-03-16&to=2026-03-31&bucket=day');
    expect(half.tickets_created).not.toBe(march.tickets_created);

    await page.click('[data-testid="filter-channel"]');
    await page.getByLabel('Phone', { exact: true }).check();
    await page.waitForURL(/channel=phone/);
    const phone = await expectCardsMatch(page, 'from=2026-03-16&to=2026-03-31&bucket=day&channel=phone');
    expect(phone.tickets_created).not.toBe(half.tickets_created);
    expect(await page.locator('[data-testid="filter-chip"]').textContent()).toContain('Phone');

    await page.goBack();
    await page.waitForURL((u) => !u.search.includes('channel='));
    expect(await expectCardsMatch(page, 'from=2026-03-16&to=2026-03-31&bucket=day')).toEqual(half);
    await page.goForward();
    await page.waitForURL(/channel=phone/);
    expect(
      (await expectCardsMatch(page, 'from=2026-03-16&to=2026-03-31&bucket=day&channel=phone'))
        .tickets_created,
    ).toBe(phone.tickets_created);

    await page.click('[data-testid="preset-7d"]');
    await page.waitForURL(/period=7d/);
    expect(new URL(page.url()).searchParams.get('channel')).toBe('phone');
    await close(page);
  });

  it('drills from a card to the KPI page, a bar, the items behind it and a ticket timeline', async () => {
    const page = await open(`/?${PERIOD}`);
    await settled(page);
    await page.click('[data-kpi="fcr"] .card-link');
    await page.waitForURL(/\/kpi\/fcr\?/);
    await settled(page, 'kpi-page');
    const chart = page.locator('[data-testid="timeseries"][data-ready="true"]');
    await chart.waitFor();
    expect(await page.locator('[data-testid="summary"]').getAttribute('data-headline')).toBe(
      String((await api(`${PERIOD}&kpis=fcr`)).kpis.fcr?.headline),
    );

    await settled(page, 'breakdown');
    await page.screenshot({ path: join(SHOTS, 'kpi-en.png') });

    // definition one click away
    await page.click('[data-testid="show-definition"]');
    await expect.poll(() => page.locator('[data-testid="definition"]').isVisible()).toBe(true);
    expect(await page.locator('[data-testid="definition"]').textContent()).toContain('Formula');
    await page.keyboard.press('Escape');

    // breakdown by another dimension, sortable
    await page.selectOption('[data-testid="breakdown-dim"]', 'priority');
    await settled(page, 'breakdown');
    expect(await page.locator('[data-testid="breakdown-row"]').count()).toBeGreaterThan(1);

    // a bar: the middle bucket of the series
    const box = (await chart.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForURL(/bucket_start=/);
    await settled(page, 'items');
    const bucketStart = new URL(page.url()).searchParams.get('bucket_start')!;
    const items = (await (
      await fetch(
        `${server.url}/api/v1/kpis/fcr/items?${PERIOD}&bucket=day&bucket_start=${bucketStart}&limit=25`,
        { headers: server.auth },
      )
    ).json()) as { total: number; items: { ticket_id: string }[] };
    expect(items.total).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="items-title"]').textContent()).toContain(`${items.total} items`);
    const first = page.locator('[data-testid="item-link"]').first();
    expect(await first.textContent()).toBe(items.items[0]!.ticket_id);

    await first.click();
    await page.waitForURL(/\/tickets\//);
    const timeline = page.locator('[data-testid="timeline"] li');
    await timeline.first().waitFor();
    expect(await timeline.count()).toBeGreaterThan(1);
    expect(await page.locator('[data-testid="timeline"]').textContent()).toContain('Ticket created');
    await page.goBack();
    await page.waitForURL(/bucket_start=/);
    await close(page);
  });

  it('switches to Russian (labels, numbers, durations) and remembers the choice', async () => {
    const page = await open(`/?${PERIOD}`);
    await settled(page);
    await page.click('[data-testid="lang-ru"]');
    await page.locator('#group-speed_volume', { hasText: 'Скорость и объём' }).waitFor();
    expect(await page.locator('h1').first().textContent()).toBe('Обзор поддержки');
    expect(await page.locator('[data-kpi="fcr"] [data-testid="tier"]').textContent()).toMatch(
      /Отлично|Хорошо|Удовлетворительно|Плохо/,
    );
    expect(await page.locator('[data-kpi="first_response"] .card-details').textContent()).toMatch(
      /медиана \d.*(с|мин|ч)/,
    );
    expect(await page.locator('[data-kpi="fcr"] [data-testid="kpi-value"]').textContent()).toMatch(
      /^\d+,\d\s%$/,
    );
    await page.screenshot({ path: join(SHOTS, 'overview-ru.png') });

    await page.reload();
    await settled(page);
    expect(
      await page.evaluate(() => (globalThis as unknown as BrowserGlobals).document.documentElement.lang),
    ).toBe('ru');
    await page.click('[data-kpi="first_response"] .card-link');
    await settled(page, 'kpi-page');
    await page.locator('[data-testid="timeseries"][data-ready="true"]').waitFor();
    await settled(page, 'breakdown');
    await page.locator('[data-testid="histogram"][data-loading="false"]').waitFor();
    expect(await page.locator('[data-testid="show-definition"]').textContent()).toContain('Определение');
    await page.screenshot({ path: join(SHOTS, 'kpi-ru.png') });
    await close(page);
  });

  it('can be used by keyboard alone: Tab reaches a card, Enter opens it', async () => {
    const page = await open(`/?${PERIOD}`);
    await settled(page);
    let focused: string | null = null;
    for (let i = 0; i < 60 && focused === null; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => {
        const active = (globalThis as unknown as BrowserGlobals).document.activeElement;
        return active?.classList.contains('card-link')
          ? (active.closest('[data-kpi]')?.getAttribute('data-kpi') ?? null)
          : null;
      });
    }
    expect(focused).toBe('contacts_offered');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/kpi\/contacts_offered\?/);
    await settled(page, 'kpi-page');
    await close(page);
  });

  it('refreshes itself without losing its state', async () => {
    const page = await open(`/?${PERIOD}`, 'en', { 'firstline.pollMs': '1000' });
    await settled(page);
    const before = Number(await page.locator('[data-kpi="tickets_created"]').getAttribute('data-headline'));
    await page.click('[data-testid="filter-category"]');
    const url = page.url();
    const writer = await tokenHeaders(
      server.store,
      await ensureUser(server.store, { login: 'feed', role: 'admin' }),
      ['events:write'],
    );
    const res = await fetch(`${server.url}/api/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...writer },
      body: JSON.stringify([
        {
          id: 'e2e-live-1',
          type: 'ticket.created',
          at: '2026-03-20T10:00:00Z',
          ticket_id: 'e2e-live',
          channel: 'email',
          subject: 'Arrived while the dashboard was open',
        },
      ]),
    });
    expect(res.status).toBeLessThan(300);
    await expect
      .poll(() => page.locator('[data-kpi="tickets_created"]').getAttribute('data-headline'), {
        timeout: 15_000,
      })
      .toBe(String(before + 1));
    expect(page.url()).toBe(url);
    expect(await page.locator('.ms-pop').count()).toBe(1);
    await close(page);
  });

  it('explains how to load data when the store is empty, never an empty chart', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await signInContext(context, empty.url);
    const page = await context.newPage();
    await page.goto(`${empty.url}/`);
    const box = page.locator('[data-testid="empty-store"]');
    await box.waitFor({ timeout: 30_000 });
    const text = (await box.textContent()) ?? '';
    expect(text).toContain('npx firstline demo --days 90');
    expect(text).toContain('npx firstline import <file> --format');
    expect(await page.locator('[data-testid="kpi-card"]').count()).toBe(0);
    await context.close();
  });
});
