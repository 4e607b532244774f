// The staffing page in a real browser against a 90-day demo history whose alert rules have run: the
// week's heat map has its 7 × 24 slots coloured by the API's gaps, the headline reads as the API's, the
// forecast chart draws with the backtest's verdict, the alert list holds the API's alerts newest first,
// and the page reads in Russian; screenshots in both languages.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPlan } from '../../src/demo/generate-demo.js';
import type { AlertsPage, ForecastReport, StaffingPlan } from '../../web/src/api/staffing-types.js';
import {
  apiGet,
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

describe.skipIf(!existsSync(CHROMIUM))('the staffing page in a browser', () => {
  const dir = mkdtempSync(join(tmpdir(), 'firstline-e2e-staffing-'));
  let server: Server;
  let browser: Browser;
  // the demo history of the decisions test (src/kpi/demo-decisions.test.ts), whose injected escalation
  // spike the alert rules are known to find; the page's default periods (the plan's last four weeks, the
  // forecast's year up to yesterday) cover it
  // (ending at today's midnight, UTC, so that the forecast's history has no empty days at its end)
  const DAY = 86_400_000;
  const end = new Date(Math.floor(Date.now() / DAY) * DAY).toISOString();
  const options = { days: 90, seed: 1, ticketsPerDay: 150, end };

  beforeAll(async () => {
    server = await startServer(`sqlite:${join(dir, 'demo.db')}`);
    await loadDemo(server.store, options);
    const plan = demoPlan(options);
    const res = await fetch(`${server.url}/api/v1/alerts/check`, {
      method: 'POST',
      headers: { ...server.headers, 'content-type': 'application/json' },
      body: JSON.stringify({
        from: new Date(plan.startMs).toISOString(),
        to: new Date(plan.endMs).toISOString(),
      }),
    });
    expect(res.status, await res.text()).toBe(200);
    browser = await launch();
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await stopServer(server);
    rmSync(dir, { recursive: true, force: true });
  });

  const text = (page: Page, testId: string) =>
    page
      .locator(`[data-testid="${testId}"]`)
      .first()
      .evaluate((el) => el.textContent ?? '');

  it('shows the heat map, the headline, the forecast with its verdict and the alerts as the API gives them', async () => {
    const [plan, forecast, alerts] = await Promise.all([
      apiGet<StaffingPlan>(server, '/api/v1/staffing'),
      apiGet<ForecastReport>(server, '/api/v1/forecast'),
      apiGet<AlertsPage>(server, '/api/v1/alerts?limit=100'),
    ]);
    expect(plan.slots).toHaveLength(168);
    expect(alerts.alerts.length).toBeGreaterThan(0);

    const page = await openPage(browser, server, '/');
    await settled(page);
    await page.click('[data-testid="nav-staffing"]');
    await page.waitForURL(/\/staffing$/);
    await settled(page, 'staffing');

    // 7 weekdays × 24 hours, each cell carrying the API's gap for its slot
    const cells = await page.$$eval('[data-testid="heat-cell"]', (els) =>
      els.map((e) => ({
        weekday: Number(e.getAttribute('data-weekday')),
        hour: Number(e.getAttribute('data-hour')),
        gap: Number(e.getAttribute('data-gap')),
      })),
    );
    expect(cells).toHaveLength(7 * 24);
    expect(new Set(cells.map((c) => c.weekday)).size).toBe(7);
    expect(new Set(cells.map((c) => c.hour)).size).toBe(24);
    const sorted = (xs: { weekday: number; hour: number; gap: number }[]) =>
      [...xs].sort((a, b) => a.weekday - b.weekday || a.hour - b.hour);
    // Staffed agents are measured up to now (a running work stretch keeps growing), so the page's answer
    // and the test's may be a few seconds apart: the same slots, each gap within 0.1 agent.
    const expected = sorted(plan.slots.map((s) => ({ weekday: s.weekday, hour: s.hour, gap: s.gap })));
    const shown = sorted(cells);
    expect(shown.map(({ weekday, hour }) => [weekday, hour])).toEqual(
      expected.map(({ weekday, hour }) => [weekday, hour]),
    );
    const worst = Math.max(...shown.map((c, i) => Math.abs(c.gap - expected[i]!.gap)));
    expect(worst).toBeLessThanOrEqual(0.1);

    // the tooltip of a slot says its required and staffed agents and its arrivals
    const slot = plan.slots.find((s) => s.weekday === 2 && s.hour === 11)!;
    await page.hover('[data-testid="heat-cell"][data-weekday="2"][data-hour="11"] button');
    const tip = await text(page, 'heat-tip');
    const arrivals = Object.values(slot.channels).reduce((n, c) => n + (c?.arrivals ?? 0), 0);
    const one = (x: number) => new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }).format(x);
    expect(tip).toContain(`Required: ${one(slot.required)} agents`);
    expect(tip).toContain(`Staffed: ${one(slot.staffed)} agents`);
    expect(tip).toContain(`Arrivals: ${one(arrivals)} per hour`);

    expect(await text(page, 'staffing-headline')).toBe(plan.summary.headline);

    // the chart is drawn (ECharts' SVG) for the first series, with the backtest's verdict under it
    await page.waitForSelector('[data-testid="forecast-chart"][data-ready="true"] svg path', {
      state: 'attached',
    });
    const all = forecast.series.find((s) => s.channel === 'all')!;
    const verdict = page.locator('[data-testid="backtest-verdict"]');
    expect(await verdict.getAttribute('data-beats')).toBe(String(all.backtest!.beats_baseline));
    expect(await verdict.textContent()).toContain(
      all.backtest!.beats_baseline ? 'beats the seasonal-naive baseline' : 'does not beat',
    );
    // each channel's series is offered
    for (const s of forecast.series)
      expect(await page.locator(`[data-testid="fc-channel-${s.channel}"]`).count()).toBe(1);

    // the alerts: as many rows as the API's page, in its order (newest bucket first)
    const rows = page.locator('[data-testid="alert-row"]');
    expect(await rows.count()).toBe(alerts.alerts.length);
    expect(await page.locator('[data-testid="alerts-total"]').getAttribute('data-total')).toBe(
      String(alerts.total),
    );
    const kinds = await page.$$eval('[data-testid="alert-row"]', (els) =>
      els.map((e) => e.getAttribute('data-kind')),
    );
    expect(kinds).toEqual(alerts.alerts.map((a) => a.kind));
    const starts = alerts.alerts.map((a) => Date.parse(a.bucket_start));
    expect(starts).toEqual([...starts].sort((a, b) => b - a));

    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(SHOTS, 'staffing-en.png'), fullPage: true });
    await closePage(page);
  }, 120_000);

  it('reads in Russian', async () => {
    const plan = await apiGet<StaffingPlan>(server, '/api/v1/staffing');
    const page = await openPage(browser, server, '/staffing', { lang: 'ru' });
    await settled(page, 'staffing');
    expect(await page.locator('h1').textContent()).toBe('Штат');
    expect(await page.locator('[data-testid="nav-staffing"]').textContent()).toBe('Штат');
    expect(await page.locator('#staffing-fc-title').textContent()).toBe('Прогноз обращений');
    expect(await page.locator('#staffing-alerts-title').textContent()).toBe('Оповещения');
    const headline = await text(page, 'staffing-headline');
    if (plan.summary.hire_fte > 0) expect(headline).toMatch(/^нанять \d+(,\d)? FTE/);
    else if (plan.summary.move_fte > 0) expect(headline).toMatch(/^перевести /);
    // weekday rows in Russian ("пн" … "вс")
    const days = await page.$$eval('.heat-day', (els) => els.map((e) => e.textContent));
    expect(days).toEqual(['пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс']);
    await page.waitForSelector('[data-testid="forecast-chart"][data-ready="true"] svg path', {
      state: 'attached',
    });
    expect(await page.locator('[data-testid="alert-row"]').first().textContent()).toMatch(
      /Всплеск эскалаций|Нарушения SLA|Потерянные обращения/,
    );
    await page.screenshot({ path: join(SHOTS, 'staffing-ru.png'), fullPage: true });
    await closePage(page);
  }, 120_000);
});
