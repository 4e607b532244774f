// SPEC §3 #19 (backlog at each bucket end, by line and age) and #20 (break compliance), hand-computed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/store.js';
import { countOf, ms, nd, query, rateOf, ratesByKey, Script, storeWith } from './cut-test-helpers.js';
import { kpiItems } from './drilldown.js';
import { computeKpis } from './engine.js';
import type { KpiQuery } from './types.js';

/**
 * Tickets around Mon 2026-03-02 … Fri 2026-03-06 (UTC). Open at each day's end (the next midnight):
 *
 *            B1        B2           B3         B4 (old)   B5              count  lines       ages
 * 03-02 end  L1 15h    L1 14h       –          L1 10d16h  L2 4h           4      1:3 2:1     <1d:3 >7d:1
 * 03-03 end  –         L2 1d14h     –          L1 11d16h  L2 1d4h         3      1:1 2:2     1-3d:2 >7d:1
 * 03-04 end  –         L2 2d14h     L1 2d13h   L1 12d16h  –               3      1:2 2:1     1-3d:2 >7d:1
 * 03-05 end  –         L2 3d14h     –          L1 13d16h  –               2      1:1 2:1     3-7d:1 >7d:1
 */
function backlogWeek(): Script {
  const s = new Script(ms('2026-03-02T00:00:00Z'), 'bl-');
  s.add('agent.profile', '2026-02-01T00:00:00Z', { agent_id: 'a1', line: 1, team_id: 't1' }).add(
    'agent.profile',
    '2026-02-01T00:00:00Z',
    { agent_id: 'b1', line: 2, team_id: 't2' },
  );
  // B1: open from Monday 09:00 to Tuesday 10:00
  s.add('ticket.created', '2026-03-02T09:00:00Z', { ticket_id: 'B1', channel: 'email', by: 'a1' }).add(
    'ticket.resolved',
    '2026-03-03T10:00:00Z',
    { ticket_id: 'B1', by: 'a1' },
  );
  // B2: escalated to line 2 on Tuesday 12:00, never resolved
  s.add('ticket.created', '2026-03-02T10:00:00Z', { ticket_id: 'B2', channel: 'email', by: 'a1' }).add(
    'ticket.escalated',
    '2026-03-03T12:00:00Z',
    { ticket_id: 'B2', to_line: 2, reason: 'complex', by: 'a1' },
  );
  // B3: resolved on Monday, reopened on Wednesday, resolved again on Thursday
  s.add('ticket.created', '2026-03-02T11:00:00Z', { ticket_id: 'B3', channel: 'web', by: 'a1' })
    .add('ticket.resolved', '2026-03-02T15:00:00Z', { ticket_id: 'B3', by: 'a1' })
    .add('ticket.reopened', '2026-03-04T09:00:00Z', { ticket_id: 'B3' })
    .add('ticket.resolved', '2026-03-05T09:00:00Z', { ticket_id: 'B3', by: 'a1' });
  // B4: old and still open
  s.add('ticket.created', '2026-02-20T08:00:00Z', { ticket_id: 'B4', channel: 'email', by: 'a1' });
  // B5: born from a call at 20:00 (its age runs from the call), assigned to line 2, closed unresolved
  s.add('contact.offered', '2026-03-02T20:00:00Z', { contact_id: 'bc5', channel: 'phone' })
    .add('contact.queued', '2026-03-02T20:00:10Z', { contact_id: 'bc5' })
    .add('contact.answered', '2026-03-02T20:01:00Z', { contact_id: 'bc5', agent_id: 'a1' })
    .add('ticket.created', '2026-03-02T20:05:00Z', {
      ticket_id: 'B5',
      channel: 'phone',
      contact_id: 'bc5',
      by: 'a1',
    })
    .add('ticket.assigned', '2026-03-02T22:00:00Z', {
      ticket_id: 'B5',
      assignee_id: 'b1',
      team_id: 't2',
      line: 2,
      mode: 'manual',
      by: 'a1',
    })
    .add('ticket.closed', '2026-03-04T08:00:00Z', { ticket_id: 'B5', by: 'b1' });
  return s;
}

const WEEK = query('2026-03-02T00:00:00Z', '2026-03-06T00:00:00Z', { bucket: 'day' });

describe('backlog', () => {
  let store: Store;
  beforeAll(async () => {
    store = await storeWith(backlogWeek().events);
  });
  afterAll(async () => {
    await store?.close();
  });
  const run = (q: KpiQuery = WEEK) => computeKpis(store, q, ['backlog']);

  it('counts the tickets open at the end of each bucket; the total is the last one', async () => {
    const v = countOf(await run(), 'backlog');
    expect(v.series).toEqual([
      { start: '2026-03-02T00:00:00.000Z', label: '2026-03-02', value: 4 }, // B1 B2 B4 B5
      { start: '2026-03-03T00:00:00.000Z', label: '2026-03-03', value: 3 }, // B2 B4 B5
      { start: '2026-03-04T00:00:00.000Z', label: '2026-03-04', value: 3 }, // B2 B3 (reopened) B4
      { start: '2026-03-05T00:00:00.000Z', label: '2026-03-05', value: 2 }, // B2 B4
    ]);
    expect(v.value).toBe(2);
    expect(v.at).toBe('2026-03-06T00:00:00.000Z');
    // the previous period ends at the start of this one: B4 only
    expect((v.trend as { previous: number }).previous).toBe(1);
  });

  it('by line (the line at that instant, after an escalation) and by age band', async () => {
    const day = (d: string) =>
      run(query(`2026-03-0${d}T00:00:00Z`, `2026-03-0${Number(d) + 1}T00:00:00Z`)).then((r) =>
        countOf(r, 'backlog'),
      );
    const mon = await day('2');
    expect(mon.by_line).toEqual({ '1': 3, '2': 1, '3': 0, unknown: 0 });
    expect(mon.by_age).toEqual({ '<1d': 3, '1-3d': 0, '3-7d': 0, '>7d': 1 });
    const tue = await day('3');
    expect(tue.by_line).toEqual({ '1': 1, '2': 2, '3': 0, unknown: 0 });
    expect(tue.by_age).toEqual({ '<1d': 0, '1-3d': 2, '3-7d': 0, '>7d': 1 });
    const wed = await day('4');
    expect(wed.by_line).toEqual({ '1': 2, '2': 1, '3': 0, unknown: 0 });
    expect(wed.by_age).toEqual({ '<1d': 0, '1-3d': 2, '3-7d': 0, '>7d': 1 });
    const thu = await day('5');
    expect(thu.by_line).toEqual({ '1': 1, '2': 1, '3': 0, unknown: 0 });
    expect(thu.by_age).toEqual({ '<1d': 0, '1-3d': 0, '3-7d': 1, '>7d': 1 });
  });

  it('group-by line and team use the line and team at the bucket end', async () => {
    const line = countOf(await run({ ...WEEK, by: 'line' }), 'backlog');
    expect(line.groups).toEqual([
      { key: '1', value: 1 }, // B4
      { key: '2', value: 1 }, // B2, escalated
    ]);
    const mon = query('2026-03-02T00:00:00Z', '2026-03-03T00:00:00Z', { by: 'line' });
    expect(countOf(await run(mon), 'backlog').groups).toEqual([
      { key: '1', value: 3 }, // B1, B2 (not yet escalated), B4
      { key: '2', value: 1 }, // B5
    ]);
    const team = countOf(await run({ ...mon, by: 'team' }), 'backlog');
    expect(team.groups).toEqual([
      { key: '(none)', value: 3 },
      { key: 't2', value: 1 },
    ]);
  });

  it('a line filter keeps the tickets on that line at each bucket end', async () => {
    const v = countOf(await run({ ...WEEK, filters: { line: ['2'] } }), 'backlog');
    // B2 moves to line 2 on Tuesday: it is not line-2 backlog at the end of Monday
    expect(v.series?.map((p) => p.value)).toEqual([1, 2, 1, 1]);
    const l1 = countOf(await run({ ...WEEK, filters: { line: ['1'] } }), 'backlog');
    expect(l1.series?.map((p) => p.value)).toEqual([3, 1, 2, 1]);
    const t2 = countOf(await run({ ...WEEK, filters: { team: ['t2'] } }), 'backlog');
    expect(t2.series?.map((p) => p.value)).toEqual([1, 1, 0, 0]);
  });

  it('a bucket ending after now is counted at now', async () => {
    const v = countOf(await run({ ...WEEK, now: ms('2026-03-05T12:00:00Z') }), 'backlog');
    // at Thursday 12:00: B2, B4 (B3 was resolved at 09:00)
    expect(v.series?.map((p) => p.value)).toEqual([4, 3, 3, 2]);
    expect(v.at).toBe('2026-03-05T12:00:00.000Z');
    const earlier = countOf(await run({ ...WEEK, now: ms('2026-03-04T10:00:00Z') }), 'backlog');
    // at Wednesday 10:00: B2, B3 (reopened at 09:00), B4 — B5 was closed at 08:00
    expect(earlier.series?.map((p) => p.value)).toEqual([4, 3, 3, 3]);
  });

  it('drill-down lists the tickets behind the last count', async () => {
    const items = await kpiItems(store, WEEK, 'backlog', { offset: 0, limit: 10 });
    expect(items.items.map((i) => i.id).sort()).toEqual(['B2', 'B4']);
    expect(items.items.find((i) => i.id === 'B2')).toMatchObject({ type: 'ticket', line: 2, status: 'open' });
  });

  it('drill-down into an earlier bucket lists the tickets open at that bucket’s end', async () => {
    const tuesday = await kpiItems(store, WEEK, 'backlog', {
      offset: 0,
      limit: 10,
      bucketStart: ms('2026-03-03T00:00:00Z'),
    });
    // the series says 3 at the end of Tuesday: B2, B4, B5
    expect(tuesday.total).toBe(3);
    expect(tuesday.items.map((i) => i.id).sort()).toEqual(['B2', 'B4', 'B5']);
  });

  it('buckets are half-open: a ticket created at a bucket end is not in that bucket; one resolved there is', async () => {
    const s = new Script(ms('2026-03-02T00:00:00Z'), 'edge-')
      .add('ticket.created', '2026-03-03T00:00:00Z', { ticket_id: 'E1', channel: 'email', by: 'a1' })
      .add('ticket.resolved', '2026-03-04T00:00:00Z', { ticket_id: 'E1', by: 'a1' });
    const own = await storeWith(s.events);
    try {
      const v = countOf(await computeKpis(own, WEEK, ['backlog']), 'backlog');
      // E1 is open during Tuesday only: Monday ends before it exists; it is resolved on Wednesday
      expect(v.series?.map((p) => p.value)).toEqual([0, 1, 0, 0]);
      // its age at the end of Tuesday is exactly one day: the 1–3 day band
      const tue = countOf(
        await computeKpis(own, query('2026-03-03T00:00:00Z', '2026-03-04T00:00:00Z'), ['backlog']),
        'backlog',
      );
      expect(tue.by_age).toEqual({ '<1d': 0, '1-3d': 1, '3-7d': 0, '>7d': 0 });
    } finally {
      await own.close();
    }
  });

  it('age bands: exactly 3 days is 3–7 days, exactly 7 days is over 7 days', async () => {
    const s = new Script(ms('2026-03-02T00:00:00Z'), 'age-')
      .add('ticket.created', '2026-03-07T00:00:00Z', { ticket_id: 'A3', channel: 'email' })
      .add('ticket.created', '2026-03-03T00:00:00Z', { ticket_id: 'A7', channel: 'email' })
      .add('ticket.created', '2026-03-03T00:00:01Z', { ticket_id: 'A7b', channel: 'email' })
      .add('ticket.created', '2026-03-09T23:59:59Z', { ticket_id: 'A0', channel: 'email' });
    const own = await storeWith(s.events);
    try {
      const v = countOf(
        await computeKpis(own, query('2026-03-09T00:00:00Z', '2026-03-10T00:00:00Z'), ['backlog']),
        'backlog',
      );
      expect(v.value).toBe(4);
      expect(v.by_age).toEqual({ '<1d': 1, '1-3d': 0, '3-7d': 2, '>7d': 1 });
    } finally {
      await own.close();
    }
  });
});

/**
 * Status changes on Monday 2026-03-02 (UTC). Stretches that end on the day:
 *   s1 08:00–09:10  70 min, compliant (exactly 70)
 *   s1 09:20–10:31  71 min, not compliant: the 3-minute break at 09:50 does not end it
 *   s1 10:45–11:15  30 min, compliant (ends at offline); s1 12:00– still running: not counted
 *   s2 08:00–09:40  100 min, not compliant: the 4 min 59 s break at 08:30 does not end it
 *   s2 09:45–10:15  30 min, compliant: the break 09:40–09:45 lasts exactly 5 minutes and ends a stretch
 *   s3 Sun 23:30–Mon 00:20  50 min, compliant: counted on Monday, where it ends
 */
function statusDay(): Script {
  const s = new Script(ms('2026-03-02T00:00:00Z'), 'br-');
  s.add('agent.profile', '2026-02-01T00:00:00Z', { agent_id: 's1', line: 1, team_id: 't1' }).add(
    'agent.profile',
    '2026-02-01T00:00:00Z',
    { agent_id: 's2', line: 2, team_id: 't2' },
  );
  const st = (agent: string, at: string, status: 'available' | 'busy' | 'break' | 'offline') =>
    s.add('agent.status', at, { agent_id: agent, status });
  st('s1', '2026-03-02T08:00:00Z', 'available');
  st('s1', '2026-03-02T09:10:00Z', 'break');
  st('s1', '2026-03-02T09:20:00Z', 'available');
  st('s1', '2026-03-02T09:50:00Z', 'break');
  st('s1', '2026-03-02T09:53:00Z', 'busy');
  st('s1', '2026-03-02T10:31:00Z', 'break');
  st('s1', '2026-03-02T10:45:00Z', 'available');
  st('s1', '2026-03-02T11:15:00Z', 'offline');
  st('s1', '2026-03-02T12:00:00Z', 'available');
  st('s2', '2026-03-02T08:00:00Z', 'busy');
  st('s2', '2026-03-02T08:30:00Z', 'break');
  st('s2', '2026-03-02T08:34:59Z', 'available');
  st('s2', '2026-03-02T09:40:00Z', 'break');
  st('s2', '2026-03-02T09:45:00Z', 'available');
  st('s2', '2026-03-02T10:15:00Z', 'offline');
  st('s3', '2026-03-01T23:30:00Z', 'available');
  st('s3', '2026-03-02T00:20:00Z', 'break');
  return s;
}

const MONDAY = query('2026-03-02T00:00:00Z', '2026-03-03T00:00:00Z');

describe('break compliance', () => {
  let store: Store;
  beforeAll(async () => {
    store = await storeWith(statusDay().events);
  });
  afterAll(async () => {
    await store?.close();
  });
  const run = (q: KpiQuery = MONDAY) => computeKpis(store, q, ['break_compliance']);

  it('stretches of at most 70 minutes ÷ stretches that ended in the period', async () => {
    const v = rateOf(await run(), 'break_compliance');
    // compliant: s1 08:00, s1 10:45, s2 09:45, s3; not: s1 09:20 (71 min), s2 08:00 (100 min)
    expect(nd(v)).toEqual({ numerator: 4, denominator: 6, value: 4 / 6 });
    expect(v.ignored_filters).toBeUndefined();
  });

  it('by agent, team and line; an agent without a profile is "(none)" for team and line', async () => {
    expect(ratesByKey(rateOf(await run({ ...MONDAY, by: 'agent' }), 'break_compliance'))).toEqual({
      s1: [2, 3],
      s2: [1, 2],
      s3: [1, 1],
    });
    expect(ratesByKey(rateOf(await run({ ...MONDAY, by: 'team' }), 'break_compliance'))).toEqual({
      '(none)': [1, 1],
      t1: [2, 3],
      t2: [1, 2],
    });
    expect(ratesByKey(rateOf(await run({ ...MONDAY, by: 'line' }), 'break_compliance'))).toEqual({
      '(none)': [1, 1],
      '1': [2, 3],
      '2': [1, 2],
    });
  });

  it('filters by agent, team or line; ticket dimensions do not apply and are reported', async () => {
    expect(nd(rateOf(await run({ ...MONDAY, filters: { agent: ['s2'] } }), 'break_compliance'))).toEqual({
      numerator: 1,
      denominator: 2,
      value: 0.5,
    });
    expect(nd(rateOf(await run({ ...MONDAY, filters: { line: ['1'] } }), 'break_compliance'))).toEqual({
      numerator: 2,
      denominator: 3,
      value: 2 / 3,
    });
    const channel = rateOf(await run({ ...MONDAY, filters: { channel: ['phone'] } }), 'break_compliance');
    expect(nd(channel)).toEqual({ numerator: 4, denominator: 6, value: 4 / 6 });
    expect(channel.ignored_filters).toEqual(['channel']);
  });

  it('each stretch counts in the bucket where it ends', async () => {
    const v = rateOf(await run({ ...MONDAY, bucket: 'hour' }), 'break_compliance');
    const nonEmpty = (v.series ?? [])
      .filter((p) => p.denominator > 0)
      .map((p) => [p.label, p.numerator, p.denominator]);
    expect(nonEmpty).toEqual([
      ['2026-03-02T00:00', 1, 1], // s3 ends 00:20
      ['2026-03-02T09:00', 1, 2], // s1 ends 09:10 (ok), s2 ends 09:40 (100 min)
      ['2026-03-02T10:00', 1, 2], // s2 ends 10:15 (ok), s1 ends 10:31 (71 min)
      ['2026-03-02T11:00', 1, 1], // s1 ends 11:15
    ]);
  });

  it('drill-down: the stretches that broke the rule', async () => {
    const miss = await kpiItems(store, MONDAY, 'break_compliance', { offset: 0, limit: 10, state: 'miss' });
    expect(miss.items.map((i) => [i.id, i.at])).toEqual([
      ['s1@2026-03-02T09:20:00.000Z', '2026-03-02T10:31:00.000Z'],
      ['s2@2026-03-02T08:00:00.000Z', '2026-03-02T09:40:00.000Z'],
    ]);
  });

  it('nothing ended in the period: value null, not 0', async () => {
    const v = rateOf(await run(query('2026-03-05T00:00:00Z', '2026-03-06T00:00:00Z')), 'break_compliance');
    expect(nd(v)).toEqual({ numerator: 0, denominator: 0, value: null });
    expect(v.tier).toBeNull();
  });
});
