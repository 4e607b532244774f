// SPEC §3 #2 tickets created and #3 tickets processed by L1, on small hand-built event logs.
// Origin T0 = Monday 2026-03-02 09:00 UTC; the period is that week [Mon 00:00, next Mon 00:00) UTC.
import { describe, expect, it } from 'vitest';
import { Events, groupsOf, HOUR, kpiOf, kpisFor, T0 } from './kpi-test-helpers.js';

const ONE_SECOND = 1 / 60; // in minutes
const WEEK_FROM_MIN = -540; // Monday 00:00 UTC, in minutes after T0
const WEEK_TO_MIN = 9540; // next Monday 00:00 UTC
const PREV_FROM_MIN = WEEK_FROM_MIN - 7 * 1440; // previous period start: Monday 2026-02-23 00:00 UTC

/** Tickets created around the period's edges, with channels, tags, categories and creators. */
function createdLog(): Events {
  return new Events()
    .agents({ d1: 1, d2: 1 })
    .add('ticket.created', PREV_FROM_MIN - ONE_SECOND, { ticket_id: 'old', channel: 'email', by: 'd1' })
    .add('ticket.created', PREV_FROM_MIN, { ticket_id: 'p1', channel: 'phone', by: 'd1' })
    .add('ticket.created', -2 * 1440, { ticket_id: 'p2', channel: 'email', by: 'd2' })
    .add('ticket.created', WEEK_FROM_MIN, { ticket_id: 't6', channel: 'email', by: 'd2' })
    .add('ticket.created', 0, {
      ticket_id: 't1',
      channel: 'email',
      by: 'd1',
      category: 'delivery',
      tags: ['delivery'],
    })
    .add('ticket.created', 60, { ticket_id: 't2', channel: 'chat', by: 'd2', tags: ['delivery', 'refund'] })
    .add('ticket.classified', 65, { ticket_id: 't2', category: 'refund', by: 'd2' })
    .add('ticket.created', 2 * 1440, { ticket_id: 't3', channel: 'phone', by: 'd1' })
    .add('ticket.tagged', 2 * 1440 + 10, { ticket_id: 't3', tags: ['warranty'], by: 'd1' })
    .add('ticket.classified', 2 * 1440 + 10, { ticket_id: 't3', category: 'warranty', by: 'd1' })
    .add('ticket.reclassified', 2 * 1440 + 20, { ticket_id: 't3', from: 'warranty', to: 'defect', by: 'd1' })
    .add('ticket.created', WEEK_TO_MIN - ONE_SECOND, { ticket_id: 't4', channel: 'web' })
    .add('ticket.created', WEEK_TO_MIN, { ticket_id: 't5', channel: 'email', by: 'd1' });
}

describe('tickets_created (SPEC §3 #2, reference: created)', () => {
  it('counts tickets created in the half-open period and trends against the previous week', async () => {
    const k = kpiOf(await kpisFor(createdLog().events, {}, { ids: ['tickets_created'] }), 'tickets_created');
    // t6 at 00:00 (from, included), t1, t2, t3, t4 one second before `to`; t5 at `to` is out
    expect(k).toMatchObject({ kind: 'count', unit: 'tickets', value: 5, headline: 5, tier: null });
    // p1 exactly at the previous period's start, p2; "old" one second before it is in neither
    expect(k.trend).toEqual({ measure: 'value', previous: 2, change: 3, direction: 'up', assessment: null });
  });

  it('groups by channel, by tag (a ticket in each of its tags), by current category and by creator', async () => {
    const events = createdLog().events;
    const ids = ['tickets_created'] as const;
    const value = (g: Record<string, Record<string, unknown>>) =>
      Object.fromEntries(Object.entries(g).map(([key, v]) => [key, v.value]));
    const byChannel = groupsOf(await kpisFor(events, { by: 'channel' }, { ids }), 'tickets_created');
    expect(value(byChannel)).toEqual({ chat: 1, email: 2, phone: 1, web: 1 });
    const byTag = groupsOf(await kpisFor(events, { by: 'tag' }, { ids }), 'tickets_created');
    expect(value(byTag)).toEqual({ '(none)': 2, delivery: 2, refund: 1, warranty: 1 });
    const byCategory = groupsOf(await kpisFor(events, { by: 'category' }, { ids }), 'tickets_created');
    expect(value(byCategory)).toEqual({ '(none)': 2, defect: 1, delivery: 1, refund: 1 });
    const byAgent = groupsOf(await kpisFor(events, { by: 'agent' }, { ids }), 'tickets_created');
    expect(value(byAgent)).toEqual({ '(none)': 1, d1: 2, d2: 2 });
  });

  it('filters by channel and tag; a filter that matches nothing is a count of 0', async () => {
    const events = createdLog().events;
    const ids = ['tickets_created'] as const;
    const email = kpiOf(
      await kpisFor(events, { filters: { channel: ['email'] } }, { ids }),
      'tickets_created',
    );
    expect(email).toMatchObject({ value: 2, trend: { previous: 1, change: 1 } });
    const refund = kpiOf(await kpisFor(events, { filters: { tag: ['refund'] } }, { ids }), 'tickets_created');
    expect(refund).toMatchObject({ value: 1, trend: { previous: 0 } });
    const none = kpiOf(
      await kpisFor(events, { filters: { channel: ['social'] } }, { ids }),
      'tickets_created',
    );
    expect(none).toMatchObject({
      value: 0,
      headline: 0,
      trend: { previous: 0, change: 0, direction: 'flat' },
    });
  });

  it('splits the period into day buckets', async () => {
    const k = kpiOf(
      await kpisFor(createdLog().events, { bucket: 'day' }, { ids: ['tickets_created'] }),
      'tickets_created',
    );
    const series = (k.series as { start: string; value: number }[]).map((s) => [
      s.start.slice(0, 10),
      s.value,
    ]);
    expect(series).toEqual([
      ['2026-03-02', 3],
      ['2026-03-03', 0],
      ['2026-03-04', 1],
      ['2026-03-05', 0],
      ['2026-03-06', 0],
      ['2026-03-07', 0],
      ['2026-03-08', 1],
    ]);
  });
});

/**
 * L1 agents d1, d2; L2 a2; L3 a3; x9 has no profile (line unknown).
 * Processed in the week: r1 (resolved by d1 at 20), r2 (dispatched by d1 at 40), r3 (escalated by d2 at 55),
 * r4 (resolved by d1 at 120, after an L1-to-L1 assignment), r7 (resolved by x9 at 95, never left line 1).
 * Not processed: r5 (resolved by the L3 agent a3), r6 (open), r8 (dispatched after the period).
 * Previous week: q1 (resolved by d1).
 */
function processedLog(): Events {
  return new Events()
    .agents({ d1: 1, d2: 1, a2: 2, a3: 3 })
    .add('ticket.created', -3 * 1440, { ticket_id: 'q1', channel: 'email', by: 'd1' })
    .add('ticket.resolved', -3 * 1440 + 10, { ticket_id: 'q1', by: 'd1' })
    .add('ticket.created', 0, { ticket_id: 'r1', channel: 'email', by: 'd1' })
    .add('ticket.replied', 10, { ticket_id: 'r1', by: 'd1', kind: 'solution' })
    .add('ticket.resolved', 20, { ticket_id: 'r1', by: 'd1' })
    .add('ticket.reopened', 200, { ticket_id: 'r1' })
    .add('ticket.assigned', 210, { ticket_id: 'r1', assignee_id: 'a2', line: 2, by: 'd1' })
    .add('ticket.created', 30, { ticket_id: 'r2', channel: 'email', by: 'd1' })
    .add('ticket.assigned', 40, { ticket_id: 'r2', assignee_id: 'a2', line: 2, by: 'd1' })
    .add('ticket.resolved', 100, { ticket_id: 'r2', by: 'a2' })
    .add('ticket.created', 50, { ticket_id: 'r3', channel: 'phone', by: 'd2' })
    .add('ticket.escalated', 55, { ticket_id: 'r3', to_role: 'senior', reason: 'refund', by: 'd2' })
    .add('ticket.created', 60, { ticket_id: 'r4', channel: 'chat', by: 'd2' })
    .add('ticket.assigned', 61, { ticket_id: 'r4', assignee_id: 'd1', line: 1, by: 'd2' })
    .add('ticket.resolved', 120, { ticket_id: 'r4', by: 'd1' })
    .add('ticket.created', 70, { ticket_id: 'r5', channel: 'email', by: 'd2' })
    .add('ticket.resolved', 130, { ticket_id: 'r5', by: 'a3' })
    .add('ticket.created', 80, { ticket_id: 'r6', channel: 'email', by: 'd1' })
    .add('ticket.created', 90, { ticket_id: 'r7', channel: 'web', by: 'x9' })
    .add('ticket.resolved', 95, { ticket_id: 'r7', by: 'x9' })
    .add('ticket.created', 9480, { ticket_id: 'r8', channel: 'email', by: 'd1' })
    .add('ticket.assigned', 9560, { ticket_id: 'r8', assignee_id: 'a2', line: 2, by: 'd1' });
}

/**
 * Work stretches: d1 08:30–11:00 and 12:00–13:30 (a one-hour break ends a stretch) = 4 h; d2 Sunday 23:00 to
 * Monday 00:30 (0.5 h inside the period) and 09:00–11:00 with a 3-minute break that does not end it = 2.5 h;
 * a2 works 8 h but did no first-line work; d1's stretch three days earlier is outside the period.
 */
function statusLog(s: Events): Events {
  return s
    .add('agent.status', -3 * 1440, { agent_id: 'd1', status: 'available' })
    .add('agent.status', -3 * 1440 + 60, { agent_id: 'd1', status: 'offline' })
    .add('agent.status', -30, { agent_id: 'd1', status: 'available' })
    .add('agent.status', 0, { agent_id: 'd1', status: 'busy' })
    .add('agent.status', 120, { agent_id: 'd1', status: 'break' })
    .add('agent.status', 180, { agent_id: 'd1', status: 'available' })
    .add('agent.status', 270, { agent_id: 'd1', status: 'offline' })
    .add('agent.status', -600, { agent_id: 'd2', status: 'available' })
    .add('agent.status', -510, { agent_id: 'd2', status: 'offline' })
    .add('agent.status', 0, { agent_id: 'd2', status: 'available' })
    .add('agent.status', 60, { agent_id: 'd2', status: 'break' })
    .add('agent.status', 63, { agent_id: 'd2', status: 'busy' })
    .add('agent.status', 120, { agent_id: 'd2', status: 'offline' })
    .add('agent.status', 0, { agent_id: 'a2', status: 'available' })
    .add('agent.status', 480, { agent_id: 'a2', status: 'offline' });
}

describe('tickets_processed (SPEC §3 #3, reference: the L1 resolution or the dispatch)', () => {
  it('counts each ticket once when its L1 handling ended, split by outcome, with a trend', async () => {
    const k = kpiOf(
      await kpisFor(statusLog(processedLog()).events, {}, { ids: ['tickets_processed'] }),
      'tickets_processed',
    );
    expect(k).toMatchObject({ kind: 'count', value: 5, headline: 5, resolved_by_l1: 3, dispatched: 2 });
    expect(k.trend).toEqual({
      measure: 'value',
      previous: 1,
      change: 4,
      direction: 'up',
      assessment: 'better',
    });
  });

  it('per agent: the agent who resolved at L1 or dispatched', async () => {
    const r = await kpisFor(
      statusLog(processedLog()).events,
      { by: 'agent' },
      { ids: ['tickets_processed'] },
    );
    const g = groupsOf(r, 'tickets_processed');
    expect(Object.fromEntries(Object.entries(g).map(([key, v]) => [key, v.value]))).toEqual({
      d1: 3,
      d2: 1,
      x9: 1,
    });
  });

  it('per agent-hour: tickets of agents with work stretches ÷ their hours inside the period', async () => {
    const k = kpiOf(
      await kpisFor(statusLog(processedLog()).events, {}, { ids: ['tickets_processed'] }),
      'tickets_processed',
    );
    // d1 4 h + d2 2.5 h = 6.5 h; x9 logged no status, so r7 is left out of the per-hour figure
    expect(k.agent_hours).toBeCloseTo(6.5, 9);
    expect(k.per_agent_hour).toBeCloseTo(4 / 6.5, 9);
  });

  it('a stretch still running is counted up to now; without any stretch the per-hour figure is null', async () => {
    const s = new Events()
      .agents({ d1: 1 })
      .add('agent.status', 0, { agent_id: 'd1', status: 'available' })
      .add('ticket.created', 10, { ticket_id: 'n1', channel: 'email', by: 'd1' })
      .add('ticket.resolved', 20, { ticket_id: 'n1', by: 'd1' })
      .add('ticket.created', 30, { ticket_id: 'n2', channel: 'email', by: 'd1' })
      .add('ticket.escalated', 40, { ticket_id: 'n2', to_line: 2, by: 'd1' });
    const running = kpiOf(
      await kpisFor(s.events, { now: T0 + 4 * HOUR }, { ids: ['tickets_processed'] }),
      'tickets_processed',
    );
    expect(running).toMatchObject({ value: 2, resolved_by_l1: 1, dispatched: 1, agent_hours: 4 });
    expect(running.per_agent_hour).toBe(0.5);

    const noStatus = new Events()
      .agents({ d1: 1 })
      .add('ticket.created', 10, { ticket_id: 'm1', channel: 'email', by: 'd1' })
      .add('ticket.resolved', 20, { ticket_id: 'm1', by: 'd1' });
    const k = kpiOf(await kpisFor(noStatus.events, {}, { ids: ['tickets_processed'] }), 'tickets_processed');
    expect(k).toMatchObject({ value: 1, agent_hours: 0, per_agent_hour: null });
  });

  it('a filter that matches nothing: 0 tickets, no hours, per-hour null', async () => {
    const k = kpiOf(
      await kpisFor(
        statusLog(processedLog()).events,
        { filters: { channel: ['social'] } },
        { ids: ['tickets_processed'] },
      ),
      'tickets_processed',
    );
    expect(k).toMatchObject({
      value: 0,
      resolved_by_l1: 0,
      dispatched: 0,
      agent_hours: 0,
      per_agent_hour: null,
    });
  });
});

describe('data quality: clamped clock skew (SPEC §3)', () => {
  it("sums the clamps of the period's tickets by creation, edges half-open", async () => {
    const log = new Events()
      .agents({ d1: 1 })
      // in the period: a reply 5 min before creation (1 clamp); a reply and a resolution before it (3)
      .add('ticket.created', 0, { ticket_id: 'a', channel: 'email' })
      .add('ticket.replied', -5, { ticket_id: 'a', by: 'd1', kind: 'comment' })
      .add('ticket.created', WEEK_TO_MIN - ONE_SECOND, { ticket_id: 'b', channel: 'email' })
      .add('ticket.replied', WEEK_TO_MIN - 10, { ticket_id: 'b', by: 'd1', kind: 'comment' })
      .add('ticket.resolved', WEEK_TO_MIN - 5, { ticket_id: 'b', by: 'd1' })
      // created exactly at `to`, and in the previous week: out of the period
      .add('ticket.created', WEEK_TO_MIN, { ticket_id: 'c', channel: 'email' })
      .add('ticket.replied', WEEK_TO_MIN - 1, { ticket_id: 'c', by: 'd1', kind: 'comment' })
      .add('ticket.created', -2 * 1440, { ticket_id: 'd', channel: 'email' })
      .add('ticket.replied', -2 * 1440 - 1, { ticket_id: 'd', by: 'd1', kind: 'comment' });
    const report = await kpisFor(log.events, {}, { ids: ['tickets_created'] });
    expect(report.data_quality).toEqual({ negative_clamped: 4 });
  });
});
