// The agent workspace in a real browser (Debian's Chromium via playwright-core): a line-1 agent registers,
// classifies and sends a ticket to line 2 (a stale edit on the way gets the 409 and the fresh state); the
// line-2 agent, whose open workspace shows the ticket arrive without a reload, takes it, replies and
// resolves it; the dashboard's counts move by exactly that ticket.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CountKpi, DurationKpi, KpiReport } from '../../web/src/api/types.js';
import { ensureUser } from '../support/auth.js';
import {
  apiGet,
  type BrowserGlobals,
  CHROMIUM,
  closePage,
  launch,
  openWorkspace,
  type Server,
  SHOTS,
  startServer,
  stopServer,
} from './dashboard-harness.js';

const L1 = 'e2e-agent-l1';
const L2 = 'e2e-agent-l2';

describe.skipIf(!existsSync(CHROMIUM))('the agent workspace in a browser', () => {
  const dir = mkdtempSync(join(tmpdir(), 'firstline-desk-'));
  let server: Server;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer(`sqlite:${join(dir, 'desk.db')}`);
    await ensureUser(server.store, { login: L1, role: 'agent', line: 1, team_id: 'front' });
    await ensureUser(server.store, { login: L2, role: 'agent', line: 2, team_id: 'experts' });
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await stopServer(server);
    rmSync(dir, { recursive: true, force: true });
  });

  /** A page signed in as `login` (not the harness's supervisor), on the workspace. */

  const version = async (page: Page) =>
    Number(await page.getAttribute('[data-testid="desk-ticket"]', 'data-version'));

  /** Submits the open action form and waits for the ticket to reach `next` (its version after the action). */
  async function submit(page: Page, next: number): Promise<void> {
    await page.click('[data-testid="action-submit"]');
    await page.waitForSelector(`[data-testid="desk-ticket"][data-version="${next}"]`);
    await page.waitForSelector('[data-testid="notice-ok"]');
  }

  const figures = async () => {
    const r = await apiGet<KpiReport>(server, '/api/v1/kpis?kpis=tickets_created,resolution');
    return {
      created: (r.kpis.tickets_created as CountKpi).value,
      resolved: (r.kpis.resolution as DurationKpi).count,
    };
  };

  it('L1 creates, classifies and assigns to L2; L2 sees it live, replies and resolves; the KPIs move', async () => {
    const before = await figures();
    expect(before).toEqual({ created: 0, resolved: 0 });

    // the line-2 agent's workspace is open before the ticket exists: the stream must bring it
    const l2 = await openWorkspace(browser, server, L2, 'ru');
    expect(await l2.textContent('[data-testid="queue-open"]')).toContain('0');
    expect(await l2.textContent('h1')).toBe('Рабочее место');

    const l1 = await openWorkspace(browser, server, L1, 'en');
    await l1.keyboard.press('n');
    await l1.waitForSelector('[data-testid="form-create"]');
    await l1.fill('[data-testid="create-subject"]', 'Printer on fire');
    await l1.click('[data-testid="create-submit"]');
    await l1.waitForSelector('[data-testid="desk-ticket"]');
    const id = new URL(l1.url()).searchParams.get('ticket') ?? '';
    expect(id).toMatch(/^T-/);
    expect(await l1.textContent('[data-testid="desk-ticket"] h2')).toContain('Printer on fire');
    // a new ticket's first response and assignment clocks run (no targets set: "no target")
    expect(await l1.getAttribute('[data-clock="first_response"]', 'data-state')).toMatch(/running|none/);
    const v1 = await version(l1);

    // someone else writes a note meanwhile: the classification sent with the old version is refused
    const note = await fetch(`${server.url}/api/v1/tickets/${id}/note`, {
      method: 'POST',
      headers: { ...server.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ version: v1, text: 'customer called again' }),
    });
    expect(note.status).toBe(200);
    await l1.waitForSelector('[data-testid="outdated"]');
    await l1.keyboard.press('c');
    await l1.fill('[data-testid="classify-category"]', 'hardware');
    await l1.click('[data-testid="action-submit"]');
    await l1.waitForSelector('[data-testid="notice-stale"]');
    expect(await version(l1)).toBe(v1 + 1);
    expect(await l1.textContent('[data-testid="desk-timeline"]')).toContain('customer called again');
    // nothing was written by the refused action
    expect(await l1.$$('[data-testid="desk-timeline"] li[data-type="ticket.classified"]')).toHaveLength(0);

    // again, now on the fresh version
    await l1.keyboard.press('c');
    await l1.fill('[data-testid="classify-category"]', 'hardware');
    await submit(l1, v1 + 2);
    await l1.keyboard.press('a');
    await l1.selectOption('[data-testid="assign-target"]', 'line:2');
    await submit(l1, v1 + 3);
    const l1Header = await l1.textContent('[data-testid="desk-ticket"] header');
    expect(l1Header).toContain('hardware');
    expect(l1Header).toContain('line 2');
    await l1.screenshot({ path: join(SHOTS, 'workspace-en.png'), fullPage: true });

    // the help overlay lists the keys
    await l1.keyboard.press('?');
    const help = await l1.textContent('[data-testid="shortcut-help"]');
    for (const label of ['Reply', 'Assign', 'Escalate', 'Resolve']) expect(help).toContain(label);
    await l1.keyboard.press('Escape');
    expect(await l1.$('[data-testid="shortcut-help"]')).toBeNull();
    await closePage(l1);

    // line 2: the ticket arrived without a reload
    const item = `[data-testid="desk-list"] li[data-ticket="${id}"] a`;
    await l2.waitForSelector(item);
    await l2.click(item);
    await l2.waitForSelector('[data-testid="desk-ticket"]');
    let v = await version(l2);
    await l2.keyboard.press('t');
    await submit(l2, v + 1);
    expect(await l2.textContent('[data-testid="desk-ticket"] header')).toContain(L2);
    v += 1;
    await l2.keyboard.press('r');
    await l2.selectOption('[data-testid="reply-kind"]', 'solution');
    await l2.fill('[data-testid="reply-text"]', 'Unplug it and call the fire brigade.');
    await submit(l2, v + 1);
    v += 1;
    expect(await l2.textContent('[data-testid="desk-timeline"]')).toContain('Публичный ответ');
    expect(await l2.getAttribute('[data-clock="first_response"]', 'data-state')).toMatch(/met|none/);
    await l2.screenshot({ path: join(SHOTS, 'workspace-ru.png'), fullPage: true });
    await l2.keyboard.press('s');
    await submit(l2, v + 1);
    expect(await l2.getAttribute('[data-testid="desk-ticket"]', 'data-status')).toBe('resolved');
    // a resolved ticket leaves the open queues
    await l2.waitForSelector(item, { state: 'detached' });
    const lang = await l2.evaluate(
      () => (globalThis as unknown as BrowserGlobals).document.documentElement.lang,
    );
    expect(lang).toBe('ru');
    await closePage(l2);

    const timeline = (
      await apiGet<{ timeline: { type: string }[] }>(server, `/api/v1/tickets/${encodeURIComponent(id)}`)
    ).timeline.map((e) => e.type);
    expect(timeline).toEqual([
      'ticket.created',
      'ticket.note',
      'ticket.classified',
      'ticket.assigned',
      'ticket.assigned',
      'ticket.replied',
      'ticket.resolved',
    ]);
    expect(await figures()).toEqual({ created: 1, resolved: 1 });
  }, 120_000);
});
