// The analysis pages in a real browser against the demo history: "why it moved" adds up to the change it
// shows, the agents table shows the API's figures beside each team's median (in English and Russian, with
// screenshots), the channel benchmarks chart and table, the targets editor's messages and saving, and the
// chart library loaded only by the pages that draw charts.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AgentsReport,
  BenchmarksReport,
  TargetSettings,
  WhyReport,
} from '../../web/src/api/insight-types.js';
import type { KpiReport } from '../../web/src/api/types.js';
import { roundHalfAway } from '../../web/src/format/exact-sum.js';
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

const PERIOD = 'from=2026-03-01&to=2026-03-31';

describe.skipIf(!existsSync(CHROMIUM))('the analysis pages in a browser', () => {
  const dir = mkdtempSync(join(tmpdir(), 'firstline-e2e-insights-'));
  let server: Server;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer(`sqlite:${join(dir, 'demo.db')}`);
    await loadDemo(server.store, { days: 62, seed: 7, end: '2026-03-31T21:00:00Z', ticketsPerDay: 40 });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await stopServer(server);
    rmSync(dir, { recursive: true, force: true });
  });

  const open = (path: string, lang: 'en' | 'ru' = 'en') => openPage(browser, server, path, { lang });

  /** The shown parts of "why it moved" against the shown change and the API's exact figures. */
  async function expectWhyAddsUp(page: Page, kpi: string, query: string): Promise<void> {
    await settled(page, 'why');
    const report = await apiGet<WhyReport>(server, `/api/v1/kpis/${kpi}/why?${query}`);
    const head = page.locator('[data-testid="why-headline"]');
    const change = Number(await head.getAttribute('data-change-steps'));
    expect(Number(await head.getAttribute('data-change'))).toBeCloseTo(report.change!, 12);
    const cells = async (testId: string) =>
      (
        await page.$$eval(`[data-testid="${testId}"]`, (els) => els.map((e) => e.getAttribute('data-steps')))
      ).map(Number);
    const totals = await cells('why-total');
    expect(totals).toHaveLength(report.parts.length);
    // every part shown adds up exactly to the change shown, and each row's mix + rate to its contribution
    expect(totals.reduce((a, b) => a + b, 0)).toBe(change);
    expect(Number(await page.locator('[data-testid="why-sum"]').getAttribute('data-steps'))).toBe(change);
    if (report.measure !== 'count') {
      const mix = await cells('why-mix');
      const rate = await cells('why-rate');
      for (const [i, m] of mix.entries()) expect(m + rate[i]!).toBe(totals[i]);
    }
    // the API's exact parts add up to its change too, and the change shown is the API's, rounded
    const exact = report.parts.reduce((s, p) => s + p.mix + p.rate, 0);
    expect(exact).toBeCloseTo(report.change!, 9);
    const step = report.measure === 'rate' || report.measure === 'share' ? 0.001 : null;
    if (step) expect(change).toBe(roundHalfAway(report.change! / step));
  }

  it('explains why a KPI moved: parts that add up to the change shown', async () => {
    const page = await open(`/kpi/fcr?${PERIOD}&why=channel`);
    await settled(page, 'kpi-page');
    await expectWhyAddsUp(page, 'fcr', `${PERIOD}&by=channel`);
    // the change explained is the change of the KPI's own trend
    const fcr = (await apiGet<KpiReport>(server, `/api/v1/kpis?${PERIOD}&kpis=fcr`)).kpis.fcr!;
    const head = page.locator('[data-testid="why-headline"]');
    expect(Number(await head.getAttribute('data-change'))).toBeCloseTo(fcr.trend.change!, 12);
    await page.locator('[data-testid="why-chart"][data-ready="true"]').waitFor();
    // another dimension, by URL and by the select
    await page.selectOption('[data-testid="why-dim"]', 'agent');
    await page.waitForURL(/why=agent/);
    await expectWhyAddsUp(page, 'fcr', `${PERIOD}&by=agent`);
    // a row lists its items
    const row = page.locator('[data-testid="why-row"]').first();
    const key = await row.getAttribute('data-key');
    await row.locator('button').click();
    await page.waitForURL(
      (u) => u.searchParams.get('group') === key && u.searchParams.get('breakdown') === 'agent',
    );
    await closePage(page);

    // a duration, by its share within target and by its mean
    const fr = await open(`/kpi/first_response?${PERIOD}&why=category`);
    await settled(fr, 'kpi-page');
    await expectWhyAddsUp(fr, 'first_response', `${PERIOD}&by=category&measure=share`);
    await fr.click('[data-testid="why-measure-mean"]');
    await fr.waitForURL(/why_measure=mean/);
    await expectWhyAddsUp(fr, 'first_response', `${PERIOD}&by=category&measure=mean_s`);
    await closePage(fr);
  });

  it('shows every agent’s figures as the API gives them, beside the team median, in both languages', async () => {
    const page = await open(`/agents?${PERIOD}`);
    await settled(page, 'agents');
    const report = await apiGet<AgentsReport>(server, `/api/v1/agents?${PERIOD}`);
    expect(report.agents.length).toBeGreaterThan(5);
    const rows = await page.$$eval('[data-testid="agent-row"]', (els) =>
      els.map((el) => ({
        agent: el.getAttribute('data-agent') ?? '',
        cells: [...el.querySelectorAll('[data-figure]')].map((c) => [
          c.getAttribute('data-figure'),
          c.getAttribute('data-value'),
          c.getAttribute('data-median'),
        ]),
      })),
    );
    expect(rows.map((r) => r.agent).sort()).toEqual(report.agents.map((a) => a.agent_id).sort());
    for (const row of rows) {
      const a = report.agents.find((x) => x.agent_id === row.agent)!;
      const team = report.teams.find((t) => t.team_id === a.team_id)!;
      for (const [figure, value, median] of row.cells) {
        const f = figure as keyof typeof a.figures;
        expect(value, `${row.agent} ${figure}`).toBe(a.figures[f] === null ? '' : String(a.figures[f]));
        expect(median, `${row.agent} ${figure} median`).toBe(
          team.medians[f] === null ? '' : String(team.medians[f]),
        );
      }
    }
    await page.screenshot({ path: join(SHOTS, 'agents-en.png'), fullPage: true });

    // a figure opens its KPI for that agent
    const first = page.locator('[data-testid="agent-row"]').first();
    const agent = await first.getAttribute('data-agent');
    await first.locator('[data-figure="break_compliance"] a').click();
    await page.waitForURL(
      (u) => u.pathname === '/kpi/break_compliance' && u.searchParams.get('agent') === agent,
    );
    await settled(page, 'kpi-page');
    await closePage(page);

    const ru = await open(`/agents?${PERIOD}`, 'ru');
    await settled(ru, 'agents');
    expect(await ru.locator('h1').first().textContent()).toBe('Сотрудники и команды');
    expect(await ru.locator('[data-testid="agents-table"] thead').textContent()).toContain('Перерывы');
    expect(await ru.locator('[data-testid="team"]').first().textContent()).toMatch(
      /Команда .* · \d+ сотрудник/i,
    );
    await ru.screenshot({ path: join(SHOTS, 'agents-ru.png'), fullPage: true });
    await closePage(ru);
  });

  it('sets each channel against the seed benchmarks, in a chart and a table', async () => {
    const page = await open(`/benchmarks?${PERIOD}`);
    await settled(page, 'benchmarks');
    await page.locator('[data-testid="bench-chart"][data-ready="true"]').waitFor();
    const report = await apiGet<BenchmarksReport>(server, `/api/v1/benchmarks?${PERIOD}`);
    const rows = await page.$$eval('[data-testid="bench-row"]', (els) =>
      els.map((e) => [e.getAttribute('data-channel'), e.getAttribute('data-median')]),
    );
    expect(rows.map((r) => r[0]).sort()).toEqual(report.channels.map((c) => c.channel).sort());
    for (const [channel, median] of rows) {
      const c = report.channels.find((x) => x.channel === channel)!;
      expect(median).toBe(c.median_s === null ? '' : String(c.median_s));
      const tier = await page
        .locator(`[data-channel="${channel}"] [data-testid="bench-tier"]`)
        .getAttribute('data-tier');
      expect(tier).toBe(c.benchmark?.tier ?? '');
    }
    expect(report.channels.find((c) => c.channel === 'email')?.benchmark?.thresholds).toEqual([
      3600, 14_400, 43_200,
    ]);
    await closePage(page);
  });

  it('edits targets with messages that name the field, and saves them', async () => {
    const original = await apiGet<TargetSettings>(server, '/api/v1/targets');
    const page = await open('/targets');
    await settled(page, 'targets');
    await page.fill('[data-testid="first_response-0-good"]', '4');
    await page.fill('[data-testid="fcr-satisfactory"]', '90');
    await page.click('[data-testid="save-targets"]');
    await page.waitForSelector('[data-status="invalid"]');
    const status = (await page.locator('[data-testid="targets-status"]').textContent()) ?? '';
    expect(status).toContain('2 fields need attention');
    expect(status).toContain('First response time, policy 1, good: Add a unit');
    expect(await page.locator('[data-testid="first_response-0-good"]').getAttribute('aria-invalid')).toBe(
      'true',
    );
    // nothing was saved
    expect(await apiGet<TargetSettings>(server, '/api/v1/targets')).toEqual(original);

    await page.fill('[data-testid="first_response-0-good"]', '3 h 30 min');
    await page.fill('[data-testid="fcr-satisfactory"]', '55');
    await page.click('[data-testid="save-targets"]');
    await page.waitForSelector('[data-status="saved"]');
    const saved = await apiGet<TargetSettings>(server, '/api/v1/targets');
    expect(saved.durations.first_response[0]).toMatchObject({ good_s: 12_600 });
    expect(saved.rates.fcr.satisfactory).toBe(0.55);
    await closePage(page);
    const res = await fetch(`${server.url}/api/v1/targets`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...server.headers },
      body: JSON.stringify(original),
    });
    expect(res.status).toBe(200);
  });

  it('loads the chart library only on the pages that draw charts', async () => {
    const charts: Record<string, boolean> = {};
    for (const [path, ready] of [
      ['/', 'overview'],
      ['/agents', 'agents'],
      ['/targets', 'targets'],
      ['/benchmarks', 'benchmarks'],
      ['/kpi/fcr', 'kpi-page'],
    ] as const) {
      const page = await openPage(browser, server, null);
      const chunks: string[] = [];
      page.on('request', (r) => {
        const u = new URL(r.url());
        if (u.pathname.startsWith('/assets/')) chunks.push(u.pathname);
      });
      await page.goto(`${server.url}${path}${ready === 'targets' ? '' : `?${PERIOD}`}`);
      await settled(page, ready);
      if (ready === 'benchmarks' || ready === 'kpi-page')
        await page.locator('.chart[data-ready="true"]').first().waitFor();
      else await page.waitForTimeout(500);
      charts[path] = chunks.some((c) => c.includes('echarts'));
      await closePage(page);
    }
    expect(charts).toEqual({
      '/': false,
      '/agents': false,
      '/targets': false,
      '/benchmarks': true,
      '/kpi/fcr': true,
    });
  });
});
