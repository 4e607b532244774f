import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { computeKpis } from '../../kpi/engine.js';
import { kpiOf, kpiQuery } from '../../kpi/kpi-test-helpers.js';
import type { Store } from '../../store/store.js';
import { adapterFor } from './formats.js';
import { ImportError, runImport } from './import-runner.js';
import { memoryStore, storedEvents, tempFile, tempPath, withoutIds } from './import-test-helpers.js';

const SAMPLE = fileURLToPath(new URL('../../../examples/samples/zendesk-tickets.json', import.meta.url));
interface Metrics {
  reopens: number;
  replies: number;
  assignee_stations: number;
  initially_assigned_at: string | null;
  reply_time_in_minutes: { calendar: number | null };
  reply_time_in_seconds?: { calendar: number };
  first_resolution_time_in_minutes: { calendar: number | null };
  full_resolution_time_in_minutes: { calendar: number | null };
}
interface Ticket {
  id: number;
  created_at: string;
  status: string;
  satisfaction_rating: { score: string };
  metric_set: Metrics;
}
const PAGE = JSON.parse(readFileSync(SAMPLE, 'utf8')) as { tickets: Ticket[] };
const TICKETS = PAGE.tickets;

const importZendesk = async (store: Store, file: string, skipBad = false) =>
  runImport(store, {
    file,
    adapter: await adapterFor('zendesk'),
    ...(skipBad ? { skipBad, rejectsPath: tempPath('rejects.ndjson') } : {}),
  });

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const Q = kpiQuery(); // the week 2026-03-02 .. 2026-03-09 UTC, where every sample ticket lies

describe('zendesk import', () => {
  it("gives KPIs equal to Zendesk's own metric values for the tickets", async () => {
    const store = await memoryStore();
    const s = await importZendesk(store, SAMPLE);
    expect(s).toMatchObject({ rows_read: 4, tickets_created: 4, rows_rejected: 0 });
    const r = await computeKpis(store, Q);
    const m = TICKETS.map((t) => t.metric_set);

    // first reply time: Zendesk's seconds where given (103: 90 s), else its minutes; 104 has no reply yet
    const replies = m.flatMap((x) =>
      x.reply_time_in_seconds
        ? [x.reply_time_in_seconds.calendar]
        : x.reply_time_in_minutes.calendar === null
          ? []
          : [x.reply_time_in_minutes.calendar * 60],
    );
    expect(replies).toEqual([2700, 1800, 90]);
    expect(kpiOf(r, 'first_response')).toMatchObject({ count: 3, pending: 1, mean_s: mean(replies) });
    expect(mean(replies)).toBe(1530);

    // time to assign: initially_assigned_at − created_at (20 min, 30 min, 1 min)
    const assigned = TICKETS.flatMap((t) =>
      t.metric_set.initially_assigned_at
        ? [(Date.parse(t.metric_set.initially_assigned_at) - Date.parse(t.created_at)) / 1000]
        : [],
    );
    expect(kpiOf(r, 'time_to_assign')).toMatchObject({ count: 3, pending: 1, mean_s: 1020 });
    expect(mean(assigned)).toBe(1020);

    // first and full resolution time (2 h, 4 h; full 2 h and 26 h)
    const first = m
      .flatMap((x) => (x.first_resolution_time_in_minutes.calendar ?? -1) * 60)
      .filter((x) => x >= 0);
    const full = m
      .flatMap((x) => (x.full_resolution_time_in_minutes.calendar ?? -1) * 60)
      .filter((x) => x >= 0);
    const resolution = kpiOf(r, 'resolution');
    expect(resolution).toMatchObject({ count: 2, pending: 2, mean_s: mean(first) });
    expect(resolution.final).toMatchObject({ count: 2, mean_s: mean(full) });
    expect([mean(first), mean(full)]).toEqual([10_800, 50_400]);

    // reopens: tickets reopened ÷ solved tickets
    const solved = TICKETS.filter((t) => ['solved', 'closed'].includes(t.status));
    expect(kpiOf(r, 'reopen')).toMatchObject({
      numerator: solved.filter((t) => t.metric_set.reopens > 0).length,
      denominator: solved.length,
    });
    // assignee stations: solved tickets that kept their first assignee ÷ solved tickets assigned (101 of 101, 102)
    const wasAssigned = solved.map((t) => t.metric_set).filter((x) => x.initially_assigned_at !== null);
    expect(kpiOf(r, 'correct_assignment')).toMatchObject({
      numerator: wasAssigned.filter((x) => x.assignee_stations === 1).length,
      denominator: wasAssigned.length,
    });
    expect(kpiOf(r, 'correct_assignment')).toMatchObject({ numerator: 1, denominator: 2 });
    // satisfaction: good ÷ (good + bad); good is 5 and bad is 1
    const scores = TICKETS.map((t) => t.satisfaction_rating.score);
    expect(kpiOf(r, 'csat')).toMatchObject({
      numerator: scores.filter((x) => x === 'good').length,
      denominator: scores.filter((x) => x === 'good' || x === 'bad').length,
      mean_score: 3,
    });
    // one-touch: solved with at most one reply, one station, no reopen (101 of 101, 102)
    expect(kpiOf(r, 'fcr')).toMatchObject({ numerator: 1, denominator: 2 });
    await store.close();
  });

  it('spreads what Zendesk keeps no instant for: later replies, reopens, assignee stations', async () => {
    const store = await memoryStore();
    await importZendesk(store, SAMPLE);
    const t102 = withoutIds((await storedEvents(store)).filter((e) => e.ticket_id === '102'));
    expect(t102.map((e) => [e.type, e.at])).toEqual([
      ['ticket.created', '2026-03-03T10:00:00.000Z'],
      ['ticket.replied', '2026-03-03T10:30:00.000Z'],
      // 2 more replies evenly over 10:30 → 12:00 next day (the full resolution)
      ['ticket.replied', '2026-03-03T23:15:00.000Z'],
      ['ticket.replied', '2026-03-04T12:00:00.000Z'],
      ['ticket.assigned', '2026-03-03T10:30:00.000Z'],
      ['ticket.assigned', '2026-03-03T15:00:00.000Z'],
      ['ticket.resolved', '2026-03-03T14:00:00.000Z'],
      // one reopen between the first (14:00) and the full resolution (12:00 next day)
      ['ticket.reopened', '2026-03-04T01:00:00.000Z'],
      ['ticket.resolved', '2026-03-04T12:00:00.000Z'],
      ['ticket.rated', '2026-03-04T12:00:00.000Z'],
    ]);
    expect(t102[0]).toEqual({
      type: 'ticket.created',
      at: '2026-03-03T10:00:00.000Z',
      ticket_id: '102',
      channel: 'web',
      subject: 'App crashes',
      priority: 'high',
      customer: '9002',
      tags: ['app', 'crash'],
    });
    // the first station is anonymous, the last names the assignee and group
    expect(t102[4]).toMatchObject({ mode: 'manual' });
    expect(t102[4]).not.toHaveProperty('assignee_id');
    expect(t102[5]).toMatchObject({ assignee_id: '502', team_id: '72' });
    expect(t102[9]).toMatchObject({ score: 1, via: 'link' });
    const ids = (await storedEvents(store)).filter((e) => e.ticket_id === '101').map((e) => e.id);
    expect(ids).toEqual([
      'zendesk:101:created',
      'zendesk:101:reply-1',
      'zendesk:101:assigned-1',
      'zendesk:101:resolved-1',
      'zendesk:101:closed',
      'zendesk:101:rated',
    ]);
    await store.close();
  });

  it('reads JSON lines and a bare array the same as an API page', async () => {
    const ndjson = tempFile('t.ndjson', TICKETS.map((t) => JSON.stringify(t)).join('\n'));
    const array = tempFile('t.json', JSON.stringify(TICKETS, null, 1));
    const results = [];
    for (const file of [SAMPLE, ndjson, array]) {
      const store = await memoryStore();
      await importZendesk(store, file);
      results.push(await storedEvents(store));
      await store.close();
    }
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
    expect(results[0]).toHaveLength(20);
  });

  it('is idempotent, and a later export adds only what is new', async () => {
    const store = await memoryStore();
    await importZendesk(store, SAMPLE);
    const again = await importZendesk(store, SAMPLE);
    expect(again).toMatchObject({ events_written: 0, tickets_created: 0, events_duplicate: 16 });
    // later: 103 was solved 30 minutes after creation, and 105 came in
    const t103 = structuredClone(TICKETS[2]!) as Ticket & { metric_set: Record<string, unknown> };
    t103.status = 'solved';
    t103.metric_set.first_resolution_time_in_minutes = { calendar: 30 };
    t103.metric_set.full_resolution_time_in_minutes = { calendar: 30 };
    const t105 = { ...structuredClone(TICKETS[3]!), id: 105, created_at: '2026-03-06T09:00:00Z' };
    const later = tempFile('later.json', JSON.stringify({ tickets: [TICKETS[0], TICKETS[1], t103, t105] }));
    const s = await importZendesk(store, later);
    expect(s).toMatchObject({ tickets_created: 1, events_written: 2 });
    const added = withoutIds((await storedEvents(store)).slice(-2));
    expect(added.map((e) => [e.type, e.ticket_id, e.at])).toEqual([
      ['ticket.resolved', '103', '2026-03-04T08:30:00.000Z'],
      ['ticket.created', '105', '2026-03-06T09:00:00.000Z'],
    ]);
    await store.close();
  });

  it('a ticket whose spread instants moved since the last import is refused and named, not doubled', async () => {
    const store = await memoryStore();
    await importZendesk(store, SAMPLE);
    const t102 = structuredClone(TICKETS[1]!);
    t102.metric_set.replies = 4; // the spread replies move: the log cannot take back the ones it has
    const err = await importZendesk(store, tempFile('later.ndjson', JSON.stringify(t102))).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ImportError);
    expect(err).toMatchObject({ line: 1, column: 'id' });
    expect((err as ImportError).reason).toMatch(/^conflict: .*zendesk:102:reply-2/);
    expect(await store.eventCount()).toBe(20);
    await store.close();
  });

  it('stops at a bad ticket naming file, line and field; --skip-bad rejects it and goes on', async () => {
    const text = readFileSync(SAMPLE, 'utf8');
    const file = tempFile(
      'bad.json',
      text.replace('"created_at": "2026-03-04T08:00:00Z"', '"created_at": "4 March"'),
    );
    const store = await memoryStore();
    const err = await importZendesk(store, file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect(err).toMatchObject({ file, line: 93, column: 'created_at' });
    expect(await store.eventCount()).toBe(0);
    const s = await importZendesk(store, file, true);
    expect(s).toMatchObject({ rows_read: 4, rows_rejected: 1, tickets_created: 3 });

    const noMetrics = tempFile(
      'n.ndjson',
      `${JSON.stringify({ id: 1, created_at: '2026-03-02T09:00:00Z' })}\n`,
    );
    const e2 = await importZendesk(await memoryStore(), noMetrics).catch((e: unknown) => e);
    expect(e2).toMatchObject({ line: 1, column: 'metric_set' });
    expect((e2 as Error).message).toMatch(/include=metric_sets/);
    const broken = tempFile('b.ndjson', `${JSON.stringify(TICKETS[0])}\n{"id": 2, "created_at": }\n`);
    const e3 = await importZendesk(await memoryStore(), broken).catch((e: unknown) => e);
    expect(e3).toMatchObject({ line: 2 });
    expect((e3 as Error).message).toMatch(/not JSON/);
    const cut = tempFile('c.json', text.slice(0, 2000));
    const e4 = await importZendesk(await memoryStore(), cut).catch((e: unknown) => e);
    expect((e4 as Error).message).toMatch(/ends in the middle/);
    await store.close();
  });
});
