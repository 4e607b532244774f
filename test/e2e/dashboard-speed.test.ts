// How fast the overview renders on the 90-day demo (the full-size demo desk, ~30,000 tickets and 35,000
// contacts) from a local server: from the start of navigation to every card on screen with the API's
// values. The figures are printed, not asserted: the machine running the tests is shared, and its load
// would decide a pass or a failure more than the code does.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BrowserGlobals,
  CHROMIUM,
  closePage,
  launch,
  loadDemo,
  openPage,
  type Server,
  startServer,
  stopServer,
} from './dashboard-harness.js';

const PERIOD = 'from=2026-03-02&to=2026-03-31';

describe.skipIf(!existsSync(CHROMIUM))('the overview on the 90-day demo', () => {
  const dir = mkdtempSync(join(tmpdir(), 'firstline-e2e-speed-'));
  let server: Server;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer(`sqlite:${join(dir, 'demo.db')}`);
    await loadDemo(server.store, { days: 90, seed: 1, end: '2026-03-31T21:00:00Z' });
    browser = await launch();
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await stopServer(server);
    rmSync(dir, { recursive: true, force: true });
  });

  /** Milliseconds from the start of navigation until every card shows its value (the page's own clock). */
  async function renderTime(page: Page): Promise<{ render: number; api: number }> {
    await page.goto(`${server.url}/?${PERIOD}`);
    const handle = await page.waitForFunction(
      () => {
        const g = globalThis as unknown as BrowserGlobals;
        const ready = g.document.querySelector('[data-testid="overview"][data-loading="false"]');
        return ready?.querySelector('[data-testid="kpi-card"]') ? g.performance.now() : null;
      },
      null,
      { timeout: 120_000, polling: 'raf' },
    );
    const render = Number(await handle.jsonValue());
    const api = await page.evaluate(() => {
      const g = globalThis as unknown as {
        performance: {
          getEntriesByType(t: string): { name: string; startTime: number; responseEnd: number }[];
        };
      };
      const kpis = g.performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/v1/kpis?'));
      return kpis.length ? kpis[0]!.responseEnd - kpis[0]!.startTime : Number.NaN;
    });
    return { render, api };
  }

  it('renders every card; prints how long it took (cold and warm)', async () => {
    const page = await openPage(browser, server, null);
    const cold = await renderTime(page);
    expect(await page.locator('[data-testid="kpi-card"]').count()).toBe(20);
    const warm: { render: number; api: number }[] = [];
    for (let i = 0; i < 3; i++) warm.push(await renderTime(page));
    const fmt = (x: { render: number; api: number }) =>
      `${Math.round(x.render)} ms (API ${Math.round(x.api)} ms)`;
    const tickets = await server.store.db
      .selectFrom('ticket_facts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    console.info(
      `[firstline] overview on the 90-day demo (${Number(tickets.n)} tickets), 30 days with daily sparklines: ` +
        `first load ${fmt(cold)}; reloads ${warm.map(fmt).join(', ')}`,
    );
    await closePage(page);
  }, 300_000);
});
