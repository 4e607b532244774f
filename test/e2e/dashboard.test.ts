// The dashboard in a real browser (Debian's Chromium driven by playwright-core) against an in-process server
// holding a deterministic demo history: the cards show the API's numbers, the URL carries the view, the
// drill-down reaches a ticket's timeline, Russian works, the keyboard suffices, and screenshots are saved.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KpiReport } from '../../web/src/api/types.js';
import { headlineText } from '../../web/src/format/kpi-text.js';
import {
  apiGet,
  type BrowserGlobals,
  CHROMIUM,
  closePage,
  launch,
  loadDemo,
  openPage,
  type Server,
  SHOTS,
  settled,
  startServer,
  stopServer,
} from './dashboard-harness.js';

const PERIOD = 'from=2026-03-01&to=2026-03-31';

describe.skipIf(!existsSync(CHROMIUM))('the KPI dashboard in a browser', () => {
  const dir = mkdtempSync(join(tmpdir(), 'firstline-e2e-'));
  let server: Server;
  let empty: Server;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer(`sqlite:${join(dir, 'demo.db')}`);
    // two months of the demo service desk (Europe/Moscow) ending with March 2026: deterministic, and
    // March has a full previous period to compare with
    await loadDemo(server.store, { days: 62, seed: 7, end: '2026-03-31T21:00:00Z', ticketsPerDay: 40 });
    empty = await startServer(`sqlite:${join(dir, 'empty.db')}`);
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    for (const s of [server, empty]) await stopServer(s);
    rmSync(dir, { recursive: true, force: true });
  });

  const open = (path: string | null, lang: 'en' | 'ru' = 'en', init?: Record<string, string>) =>
    openPage(browser, server, path, { lang, ...(init ? { init } : {}) });
  const close = closePage;
  const api = (query: string) => apiGet<KpiReport>(server, `/api/v1/kpis?${query}`);

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
    const items = await apiGet<{ total: number; items: { ticket_id: string }[] }>(
      server,
      `/api/v1/kpis/fcr/items?${PERIOD}&bucket=day&bucket_start=${bucketStart}&limit=25`,
    );
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

  /** What has the focus: its test id, the card it sits in, whether it shows a ring, and its own id. */
  const focus = (page: Page) =>
    page.evaluate(() => {
      const g = globalThis as unknown as BrowserGlobals;
      const active = g.document.activeElement;
      if (!active) return null;
      const card = active.closest('[data-kpi]');
      // the ring of a card link is drawn around its card (:focus-within); anything else rings itself
      const ringed = active.classList.contains('card-link') ? card : active;
      const style = ringed ? g.getComputedStyle(ringed) : null;
      return {
        id: active.id,
        testId: active.getAttribute('data-testid'),
        cardLink: active.classList.contains('card-link'),
        kpi: card?.getAttribute('data-kpi') ?? null,
        ring: style !== null && style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 1,
      };
    });

  it('can be used by keyboard alone: skip link, cards in reading order with a visible focus, Enter opens', async () => {
    const page = await open(`/?${PERIOD}`);
    await settled(page);
    // the first Tab lands on the skip link, which takes the focus past the top bar and the filters
    await page.keyboard.press('Tab');
    expect(await focus(page)).toMatchObject({ testId: 'skip-link', ring: true });
    await page.keyboard.press('Enter');
    expect((await focus(page))?.id).toBe('content');
    // Tab walks the cards in the order they are shown (a card's quality-check links come after it)
    const shown = await page.$$eval('[data-testid="kpi-card"]', (els) =>
      els.map((e) => e.getAttribute('data-kpi')),
    );
    const walked: string[] = [];
    for (let i = 0; i < 40 && walked.length < 8; i++) {
      await page.keyboard.press('Tab');
      const f = await focus(page);
      if (f?.cardLink) {
        expect(f.ring, `focus ring on ${f.kpi}`).toBe(true);
        walked.push(f.kpi!);
      }
    }
    expect(walked).toEqual(shown.slice(0, 8));
    // Enter opens the focused card; the KPI page takes the focus at its content
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/kpi/${walked.at(-1)}\\?`));
    await settled(page, 'kpi-page');
    expect((await focus(page))?.id).toBe('content');
    // back on the overview (the focus at its content again), the period changes from the keyboard too:
    // the filter bar is just before the content
    await page.goBack();
    await settled(page);
    expect((await focus(page))?.id).toBe('content');
    for (let i = 0; i < 30 && (await focus(page))?.testId !== 'preset-7d'; i++)
      await page.keyboard.press('Shift+Tab');
    expect(await focus(page)).toMatchObject({ testId: 'preset-7d', ring: true });
    await page.keyboard.press('Enter');
    await page.waitForURL(/period=7d/);
    await close(page);
  });

  it('refreshes itself without losing its state', async () => {
    const page = await open(`/?${PERIOD}`, 'en', { 'firstline.pollMs': '1000' });
    await settled(page);
    const before = Number(await page.locator('[data-kpi="tickets_created"]').getAttribute('data-headline'));
    await page.click('[data-testid="filter-category"]');
    const url = page.url();
    const res = await fetch(`${server.url}/api/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...server.headers },
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
    const page = await openPage(browser, empty, '/');
    const box = page.locator('[data-testid="empty-store"]');
    await box.waitFor({ timeout: 30_000 });
    const text = (await box.textContent()) ?? '';
    expect(text).toContain('npx firstline demo --days 90');
    expect(text).toContain('npx firstline import <file> --format');
    expect(await page.locator('[data-testid="kpi-card"]').count()).toBe(0);
    await closePage(page);
  });
});
