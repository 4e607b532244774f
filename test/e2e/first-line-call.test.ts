// Issue 9's first-line call in a real browser (Debian's Chromium via playwright-core): a simulated PBX rings
// with the telephony token in its URL and the line-1 agent answers; the agent's open workspace pops the
// caller up without a reload (customer, company, their open ticket); one click registers the ticket from
// the call, which the agent classifies and resolves; the customer, not signed in, follows the rating link
// of that resolution (as the mail would carry it) and sees the thank-you page; the dashboard's rated share
// and CSAT move by exactly that one rating. Screenshots of the screen pop in English and Russian.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KpiReport, RateKpi } from '../../web/src/api/types.js';
import { ensureUser } from '../support/auth.js';
import {
  apiGet,
  CHROMIUM,
  closePage,
  launch,
  openPage,
  openWorkspace,
  type Server,
  SHOTS,
  settled,
  startServer,
  stopServer,
} from './dashboard-harness.js';

const L1 = 'e2e-call-l1';
const PBX_TOKEN = 'pbx-secret-for-the-e2e-test';
const PHONE = '+79161234567';
const DAY = 86_400_000;
const NOW = Date.now();
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** a window around now, whatever the dashboard's time zone */
const PERIOD = `from=${day(NOW - 2 * DAY)}&to=${day(NOW + 2 * DAY)}`;

/** Ports are known only after listening, but rating links are absolute: a free port is taken first. */
describe.skipIf(!existsSync(CHROMIUM))('a first-line call in a browser', () => {
  const dir = mkdtempSync(join(tmpdir(), 'firstline-call-'));
  let server: Server;
  let browser: Browser;

  const send = async (path: string, body: unknown, headers: Record<string, string> = server.headers) => {
    const res = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = (await res.json()) as Record<string, unknown>;
    expect(res.status, JSON.stringify(answer)).toBeLessThan(300);
    return answer;
  };
  /** the PBX: the secret in its URL, nothing else */
  const pbx = (body: Record<string, unknown>) => send(`/api/v1/telephony/calls?token=${PBX_TOKEN}`, body, {});

  beforeAll(async () => {
    server = await startServer(`sqlite:${join(dir, 'call.db')}`, { telephonyToken: PBX_TOKEN });
    await ensureUser(server.store, {
      login: L1,
      name: 'Lena First',
      role: 'agent',
      line: 1,
      team_id: 'front',
    });
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await stopServer(server);
    rmSync(dir, { recursive: true, force: true });
  });

  /** The dashboard's rated share and CSAT: the API's figures, and the cards the supervisor's page shows. */
  async function satisfaction() {
    const r = await apiGet<KpiReport>(server, `/api/v1/kpis?${PERIOD}&kpis=rated,csat`);
    const rated = r.kpis.rated as RateKpi;
    const csat = r.kpis.csat as RateKpi;
    const page = await openPage(browser, server, `/?${PERIOD}`);
    await settled(page);
    const card = async (id: string) => ({
      numerator: Number(await page.getAttribute(`[data-kpi="${id}"]`, 'data-numerator')),
      denominator: Number(await page.getAttribute(`[data-kpi="${id}"]`, 'data-denominator')),
    });
    const cards = { rated: await card('rated'), csat: await card('csat') };
    await closePage(page);
    const figures = {
      rated: { numerator: rated.numerator, denominator: rated.denominator },
      csat: { numerator: csat.numerator, denominator: csat.denominator },
    };
    expect(cards).toEqual(figures);
    return { ...figures, mean: csat.mean_score ?? null, ratedValue: rated.value, csatValue: csat.value };
  }

  /** Submits the open action form and waits for the ticket to reach `next` (its version after the action). */
  async function submit(page: Page, next: number): Promise<void> {
    await page.click('[data-testid="action-submit"]');
    await page.waitForSelector(`[data-testid="desk-ticket"][data-version="${next}"]`);
    await page.waitForSelector('[data-testid="notice-ok"]');
  }
  const version = async (page: Page) =>
    Number(await page.getAttribute('[data-testid="desk-ticket"]', 'data-version'));

  it('rings, pops up, registers in one click, is classified, resolved and rated; the KPIs move', async () => {
    // the customer, their company and a ticket of theirs still open
    const customer = await send('/api/v1/customers', {
      name: 'Olga Smirnova',
      company: 'Romashka LLC',
      phones: [PHONE],
    });
    const customerId = String(customer.customer_id);
    // history earlier today: three tickets resolved, one rated 2 by link, so the figures have a base
    const earlier = new Date(NOW - 2 * 3_600_000).toISOString();
    const later = new Date(NOW - 3_600_000).toISOString();
    const history: Record<string, unknown>[] = [
      {
        id: 'old-open',
        type: 'ticket.created',
        at: earlier,
        ticket_id: 'T-OLD-OPEN',
        channel: 'email',
        customer: customerId,
        subject: 'Invoice for March is wrong',
      },
    ];
    for (const n of [1, 2, 3]) {
      const ticket_id = `T-PAST-${n}`;
      history.push(
        { id: `c${n}`, type: 'ticket.created', at: earlier, ticket_id, channel: 'phone' },
        { id: `r${n}`, type: 'ticket.resolved', at: later, ticket_id },
      );
    }
    history.push({
      id: 'rate1',
      type: 'ticket.rated',
      at: later,
      ticket_id: 'T-PAST-1',
      score: 2,
      via: 'link',
    });
    await send('/api/v1/events', history);
    const before = await satisfaction();
    expect(before.rated).toEqual({ numerator: 1, denominator: 3 });
    expect(before.csat).toEqual({ numerator: 0, denominator: 1 });

    // the agent's workspace is open before the phone rings: the push must bring the call
    const page = await openWorkspace(browser, server, L1, 'en');
    // a mark on the window: a reload would wipe it
    const mark = (p: Page) =>
      p.evaluate(() => {
        const g = globalThis as unknown as { popMark?: number };
        g.popMark ??= Math.random();
        return g.popMark;
      });
    const marked = await mark(page);
    const ring = await pbx({
      call_id: 'e2e-call-1',
      event: 'ringing',
      from: '8 (916) 123-45-67',
      queue: 'support',
    });
    expect(ring).toMatchObject({ caller: { number: PHONE, customer: { customer_id: customerId } } });
    const pop = '[data-testid="screen-pop"][data-call="e2e-call-1"]';
    await page.waitForSelector(`${pop}[data-state="ringing"][data-loading="false"]`);
    await pbx({ call_id: 'e2e-call-1', event: 'answered', agent_id: L1 });
    await page.waitForSelector(`${pop}[data-state="answered"]`);
    expect(await page.textContent(`${pop} [data-testid="pop-number"]`)).toBe(PHONE);
    expect(await page.textContent(`${pop} [data-testid="pop-customer"]`)).toBe('Olga Smirnova');
    expect(await page.textContent(`${pop} [data-testid="pop-company"]`)).toContain('Romashka LLC');
    const old = `${pop} [data-testid="pop-tickets"] li[data-ticket="T-OLD-OPEN"]`;
    expect(await page.textContent(old)).toContain('Invoice for March is wrong');
    expect(await mark(page)).toBe(marked);
    await page.screenshot({ path: join(SHOTS, 'first-line-call-en.png'), fullPage: true });

    // an open ticket of the caller opens in the workspace
    await page.click(`${old} button`);
    await page.waitForSelector('[data-testid="desk-ticket"]');
    expect(new URL(page.url()).searchParams.get('ticket')).toBe('T-OLD-OPEN');

    // one click: the ticket from the call, opened for classification
    await page.click(`${pop} [data-testid="pop-register"]`);
    await page.waitForFunction(() => {
      const g = globalThis as unknown as { location: { search: string } };
      return new URLSearchParams(g.location.search).get('ticket') === 'T-e2e-call-1';
    });
    await page.waitForSelector('[data-testid="desk-ticket"][data-status="open"]');
    expect(await page.textContent('[data-testid="desk-ticket"] h2')).toContain('T-e2e-call-1');
    // the pop now offers the ticket instead of a second registration
    await page.waitForSelector(`${pop} [data-testid="pop-open"]`);
    expect(await page.$(`${pop} [data-testid="pop-register"]`)).toBeNull();

    let v = await version(page);
    await page.keyboard.press('c');
    await page.fill('[data-testid="classify-category"]', 'billing');
    await submit(page, v + 1);
    v += 1;
    expect(await page.textContent('[data-testid="desk-ticket"] header')).toContain('billing');
    await page.keyboard.press('s');
    await submit(page, v + 1);
    expect(await page.getAttribute('[data-testid="desk-ticket"]', 'data-status')).toBe('resolved');
    await pbx({ call_id: 'e2e-call-1', event: 'ended' });
    await page.waitForSelector(`${pop}[data-state="ended"]`);

    // the ticket is the call's, the agent's, the customer's
    const view = await apiGet<{ ticket: Record<string, unknown>; timeline: { type: string; by?: string }[] }>(
      server,
      '/api/v1/tickets/T-e2e-call-1',
    );
    expect(view.ticket).toMatchObject({ channel: 'phone', category: 'billing', status: 'resolved' });
    expect(view.timeline.map((e) => e.type)).toEqual(
      expect.arrayContaining(['ticket.created', 'ticket.classified', 'ticket.resolved']),
    );
    expect(view.timeline.find((e) => e.type === 'ticket.created')?.by).toBe(L1);

    // the links for the mail to the customer, as staff get them
    const linksRes = await page
      .context()
      .request.get(`${server.url}/api/v1/tickets/T-e2e-call-1/rating-links`);
    expect(linksRes.status()).toBe(200);
    const links = (await linksRes.json()) as { links: { score: number; url: string }[] };
    expect(links.links.map((l) => l.score)).toEqual([1, 2, 3, 4, 5]);
    for (const l of links.links) expect(l.url.startsWith(`${server.url}/r/`)).toBe(true);

    // the pop in Russian, for the screenshot, while the call is fresh: the same push reaches a second tab
    const ru = await openWorkspace(browser, server, L1, 'ru');
    await pbx({ call_id: 'e2e-call-2', event: 'ringing', from: PHONE, queue: 'support' });
    const pop2 = '[data-testid="screen-pop"][data-call="e2e-call-2"]';
    await ru.waitForSelector(`${pop2}[data-state="ringing"][data-loading="false"]`);
    expect(await ru.textContent(pop2)).toContain('Входящий звонок');
    expect(await ru.textContent(`${pop2} [data-testid="pop-register"]`)).toBe('Зарегистрировать заявку');
    await ru.screenshot({ path: join(SHOTS, 'first-line-call-ru.png'), fullPage: true });
    // a dismissed pop goes; a call the caller gives up on goes away by itself
    await page.waitForSelector(pop2);
    await page.click(`${pop2} [data-testid="pop-dismiss"]`);
    await page.waitForSelector(pop2, { state: 'detached' });
    await pbx({ call_id: 'e2e-call-2', event: 'abandoned' });
    await ru.waitForSelector(pop2, { state: 'detached' });
    await closePage(ru);
    await closePage(page);

    // the customer: not signed in, a mail with five links; they click "5"
    const context = await browser.newContext({
      locale: 'ru-RU',
      extraHTTPHeaders: { 'accept-language': 'ru' },
    });
    const mail = await context.newPage();
    await mail.setContent(
      `<p>Оцените, пожалуйста, решение:</p>${links.links
        .map((l) => `<a href="${l.url}" data-score="${l.score}">${l.score}</a>`)
        .join(' ')}`,
    );
    await Promise.all([mail.waitForURL(`${server.url}/r/**`), mail.click('a[data-score="5"]')]);
    await mail.waitForSelector('main[data-outcome="recorded"]');
    expect(await mail.textContent('main')).toContain('★★★★★');
    await context.close();

    // one more resolved ticket, rated; a 5 is a satisfied score
    const after = await satisfaction();
    expect(after.rated).toEqual({
      numerator: before.rated.numerator + 1,
      denominator: before.rated.denominator + 1,
    });
    expect(after.csat).toEqual({
      numerator: before.csat.numerator + 1,
      denominator: before.csat.denominator + 1,
    });
    expect(after.ratedValue).toBeCloseTo((before.rated.numerator + 1) / (before.rated.denominator + 1), 10);
    expect(after.csatValue).toBeCloseTo((before.csat.numerator + 1) / (before.csat.denominator + 1), 10);
    expect(after.mean).toBeCloseTo(
      ((before.mean ?? 0) * before.csat.denominator + 5) / (before.csat.denominator + 1),
      10,
    );
  }, 180_000);
});
