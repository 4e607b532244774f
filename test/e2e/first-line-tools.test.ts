// The first line's tools in a real browser (Debian's Chromium via playwright-core): an agent 64 minutes
// into a stretch sees the break reminder on any page and takes a break (recorded as agent.status break);
// the supervisors' board shows them on a break, after a colleague overdue for one; a line-1 agent calls a
// customer back on a resolved, unrated ticket of the call-back sample, logs "reached" with a score of 4,
// and exactly one ticket.rated via callback is recorded; the pages read in Russian; screenshots EN and RU.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inCallbackSample } from '../../src/ingest/callbacks/callback-list.js';
import type { BoardAnswer, BreakStatus, CallbacksAnswer } from '../../web/src/api/first-line-types.js';
import type { TicketView } from '../../web/src/api/types.js';
import { ensureUser } from '../support/auth.js';
import {
  apiGet,
  CHROMIUM,
  closePage,
  launch,
  openAs,
  openPage,
  type Server,
  SHOTS,
  startServer,
  stopServer,
} from './dashboard-harness.js';

const ANNA = 'e2e-fl-anna';
const BORIS = 'e2e-fl-boris';
const MIN = 60_000;
const H = 60 * MIN;
const PHONE = '+79123456789';
/** the share the server samples at: its default (FIRSTLINE_CALLBACK_SHARE unset) */
const SHARE = 0.2;

/** Ticket ids the server's deterministic sample takes (or leaves), found the way the server decides. */
function sampleIds(taken: boolean, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < n; i++)
    if (inCallbackSample(`T-FL-${i}`, SHARE) === taken) out.push(`T-FL-${i}`);
  return out;
}

describe.skipIf(!existsSync(CHROMIUM))('first-line tools in a browser: breaks and call-backs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'firstline-e2e-first-line-'));
  let server: Server;
  let browser: Browser;
  const [toCall, alsoToCall] = sampleIds(true, 2) as [string, string];
  const [notSampled] = sampleIds(false, 1) as [string];

  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { ...server.headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status, await res.text()).toBeLessThan(300);
  };

  beforeAll(async () => {
    server = await startServer(`sqlite:${join(dir, 'first-line.db')}`);
    await ensureUser(server.store, {
      login: ANNA,
      name: 'Anna Smirnova',
      role: 'agent',
      line: 1,
      team_id: 'front',
    });
    await ensureUser(server.store, {
      login: BORIS,
      name: 'Boris Orlov',
      role: 'agent',
      line: 1,
      team_id: 'front',
    });
    const now = Date.now();
    const at = (ms: number) => new Date(ms).toISOString();
    // Anna has worked 64 minutes, Boris 90 (a three-minute break does not end his stretch: SPEC §3)
    const events: object[] = [
      { id: 'st-a1', type: 'agent.status', at: at(now - 64 * MIN), agent_id: ANNA, status: 'available' },
      { id: 'st-b1', type: 'agent.status', at: at(now - 90 * MIN), agent_id: BORIS, status: 'busy' },
      { id: 'st-b2', type: 'agent.status', at: at(now - 40 * MIN), agent_id: BORIS, status: 'break' },
      { id: 'st-b3', type: 'agent.status', at: at(now - 37 * MIN), agent_id: BORIS, status: 'available' },
      {
        id: 'cu',
        type: 'customer.profile',
        at: at(now - 3 * H),
        customer_id: 'cu-fl',
        name: 'Marina Petrova',
        phones: [PHONE],
      },
    ];
    for (const [i, id] of [toCall, alsoToCall, notSampled].entries()) {
      events.push(
        {
          id: `c-${id}`,
          type: 'ticket.created',
          at: at(now - 2 * H),
          ticket_id: id,
          channel: 'phone',
          customer: PHONE,
          subject: `Router ${i}`,
        },
        {
          id: `r-${id}`,
          type: 'ticket.resolved',
          at: at(now - 2 * H + (i + 1) * 10 * MIN),
          ticket_id: id,
          by: ANNA,
          line: 1,
        },
      );
    }
    await post('/api/v1/events', events);
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await stopServer(server);
    rmSync(dir, { recursive: true, force: true });
  });

  const reminder = (page: Page) => page.waitForSelector('[data-testid="break-reminder"]');

  it('an agent 64 minutes into a stretch is reminded on any page and takes a break', async () => {
    const before = await apiGet<BreakStatus>(server, `/api/v1/agents/${ANNA}/break`);
    expect(before.state).toBe('overdue');
    const page = await openAs(browser, server, ANNA, 'en', '/');
    await page.waitForSelector('[data-testid="break-reminder"][data-state="overdue"]');
    const message = (await page.textContent('[data-testid="break-message"]')) ?? '';
    const worked = Number(/You have worked (\d+) min without a break — take 10 minutes/.exec(message)?.[1]);
    // the API's minutes at the moment of the test (it may have crossed a minute since)
    expect(worked).toBeGreaterThanOrEqual(Math.floor((before.worked_s ?? 0) / 60));
    expect(worked).toBeLessThanOrEqual(Math.floor((before.worked_s ?? 0) / 60) + 1);
    expect(await page.getAttribute('[data-testid="status-available"]', 'aria-pressed')).toBe('true');
    await page.screenshot({ path: join(SHOTS, 'first-line-reminder-en.png') });

    // the reminder follows the agent to another page
    await page.click('[data-testid="nav-workspace"]');
    await page.waitForSelector('[data-testid="workspace"]');
    await reminder(page);
    await page.click('[data-testid="take-break"]');
    await page.waitForSelector('[data-testid="break-reminder"][data-state="on_break"]');
    await page.waitForSelector('[data-testid="back-to-work"]');
    expect(await page.textContent('[data-testid="break-figure"]')).toMatch(/^for [01] min$/);
    const after = await apiGet<BreakStatus>(server, `/api/v1/agents/${ANNA}/break`);
    expect(after).toMatchObject({ state: 'on_break', status: 'break' });
    await closePage(page);
  });

  it('the supervisors’ board: the overdue agent first, the one on a break after; in Russian too', async () => {
    const api = await apiGet<BoardAnswer>(server, '/api/v1/agents/breaks');
    expect(api.counts.overdue).toBe(1);
    expect(api.counts.on_break).toBe(1);
    for (const lang of ['en', 'ru'] as const) {
      const page = await openPage(browser, server, '/first-line', { lang });
      await page.waitForSelector('[data-testid="break-board"][data-loading="false"]');
      const rows = await page.$$eval('[data-testid="board-rows"] tr', (trs) =>
        trs.map((tr) => [tr.getAttribute('data-agent'), tr.getAttribute('data-state')]),
      );
      expect(rows[0]).toEqual([BORIS, 'overdue']);
      expect(rows[1]).toEqual([ANNA, 'on_break']);
      const boris = (await page.textContent(`[data-agent="${BORIS}"]`)) ?? '';
      const cell = (await page.textContent(`[data-agent="${BORIS}"] [data-testid="board-minutes"]`)) ?? '';
      const minutes = Number(/(\d+)/.exec(cell)?.[1]);
      // the API's minutes when the test began, or one more if a minute was crossed since
      const apiMinutes = Math.floor((api.agents.find((a) => a.agent_id === BORIS)?.worked_s ?? 0) / 60);
      expect(apiMinutes).toBeGreaterThanOrEqual(90);
      expect([apiMinutes, apiMinutes + 1]).toContain(minutes);
      if (lang === 'ru') {
        expect(await page.textContent('h1')).toBe('Первая линия');
        expect(boris).toContain('Пора на перерыв');
        expect(await page.textContent(`[data-agent="${ANNA}"]`)).toContain('На перерыве');
        expect(await page.textContent('#fl-board-title')).toBe('Перерывы сейчас');
        expect(await page.textContent('[data-testid="nav-first-line"]')).toBe('Первая линия');
      } else expect(boris).toContain('Overdue for a break');
      await page.screenshot({ path: join(SHOTS, `first-line-board-${lang}.png`), fullPage: true });
      await closePage(page);
    }
  });

  it('an agent back on the reminder in Russian; the board is not theirs to see', async () => {
    const page = await openAs(browser, server, BORIS, 'ru', '/first-line');
    await page.waitForSelector('[data-testid="break-reminder"][data-state="overdue"]');
    expect(await page.textContent('[data-testid="break-message"]')).toMatch(
      /Вы работаете \d+ мин без перерыва — сделайте перерыв на 10 минут/,
    );
    expect(await page.textContent('[data-testid="take-break"]')).toBe('Уйти на перерыв');
    await page.waitForSelector('[data-testid="callback-list"][data-loading="false"]');
    expect(await page.$('[data-testid="break-board"]')).toBeNull();
    await page.screenshot({ path: join(SHOTS, 'first-line-reminder-ru.png') });
    await closePage(page);
  });

  it('the call-back list: a reached customer scores 4 by phone, once, and leaves the list', async () => {
    const api = await apiGet<CallbacksAnswer>(server, '/api/v1/callbacks');
    expect(api.share).toBe(SHARE);
    expect(api.items.map((i) => i.ticket_id)).toEqual([toCall, alsoToCall]);

    const page = await openAs(browser, server, ANNA, 'en', '/first-line');
    await page.waitForSelector('[data-testid="callback-list"][data-loading="false"]');
    expect(await page.$('[data-testid="break-board"]')).toBeNull();
    const listed = await page.$$eval('[data-testid="callback-rows"] tr[data-ticket]', (trs) =>
      trs.map((tr) => tr.getAttribute('data-ticket')),
    );
    expect(listed).toEqual([toCall, alsoToCall]);
    const row = `tr[data-ticket="${toCall}"]`;
    expect(await page.textContent(`${row} [data-testid="callback-customer"]`)).toBe('Marina Petrova');
    expect(await page.textContent(`${row} [data-testid="callback-phones"]`)).toBe(PHONE);

    // no answer: logged, the ticket stays for another try
    await page.click(`tr[data-ticket="${alsoToCall}"] [data-testid="callback-no-answer"]`);
    await page.waitForSelector('[data-testid="callback-notice-ok"]');
    await expect
      .poll(() => page.textContent(`tr[data-ticket="${alsoToCall}"] [data-testid="callback-attempts"]`))
      .toBe('1 call, no answer');

    await page.click(`${row} [data-testid="callback-reached"]`);
    await page.click('[data-testid="callback-score-4"]');
    await page.fill('[data-testid="callback-comment"]', 'happy with the fix');
    await page.click('[data-testid="callback-save"]');
    await page.waitForSelector(row, { state: 'detached' });
    expect(await page.textContent('[data-testid="callback-notice-ok"]')).toContain(
      `${toCall}: reached, score 4`,
    );

    const view = await apiGet<TicketView>(server, `/api/v1/tickets/${toCall}`);
    const rated = view.timeline.filter((e) => e.type === 'ticket.rated');
    expect(rated).toHaveLength(1);
    expect(rated[0]).toMatchObject({ score: 4, via: 'callback', comment: 'happy with the fix' });
    expect(view.timeline.filter((e) => e.type === 'ticket.callback')).toHaveLength(1);
    const left = await apiGet<CallbacksAnswer>(server, '/api/v1/callbacks');
    expect(left.items.map((i) => [i.ticket_id, i.attempts])).toEqual([[alsoToCall, 1]]);
    // the list read again (a reload) agrees
    await page.reload();
    await page.waitForSelector('[data-testid="callback-list"][data-loading="false"]');
    expect(await page.$(row)).toBeNull();
    await page.screenshot({ path: join(SHOTS, 'first-line-board-callbacks-en.png'), fullPage: true });
    await closePage(page);
  });
});
