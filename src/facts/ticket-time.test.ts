import { describe, expect, it } from 'vitest';
import { compileCalendar } from '../time/business-calendar.js';
import { context, created, deriveTicket, type Row, T0 } from './test-helpers.js';
import type { TicketContext } from './ticket-facts.js';

const lines = { d1: 1, a1: 1, a2: 2, a3: 3 } as const;
const ctx = context({ lines, companies: { cust1: 'acme' } });
const derive = (rows: readonly Row[], c: TicketContext = ctx, origin = T0) => deriveTicket(rows, c, origin);
const facts = (rows: readonly Row[], c: TicketContext = ctx) => derive(rows, c).facts;

describe('deriveTicketFacts: business time and clock skew', () => {
  const office = compileCalendar({
    calendar_id: 'office-hours',
    time_zone: 'Europe/Moscow',
    week: {
      mon: [['09:00', '18:00']],
      tue: [['09:00', '18:00']],
      wed: [['09:00', '18:00']],
      thu: [['09:00', '18:00']],
      fri: [['09:00', '18:00']],
      sat: [],
      sun: [],
    },
    exceptions: [],
  });

  it('Friday 17:00 → Monday 10:00 is 65 h calendar and 2 h business on the team calendar', () => {
    const friday17 = Date.parse('2026-03-13T17:00:00+03:00');
    const f = derive(
      [
        created(),
        [0, 'ticket.assigned', { assignee_id: 'a1', team_id: 'office', line: 1, by: 'd1' }],
        [65 * 60, 'ticket.replied', { by: 'a1', kind: 'comment' }],
        [67 * 60, 'ticket.resolved', { by: 'a1' }],
      ],
      context({ lines, calendars: { office } }),
      friday17,
    ).facts;
    expect(f.first_response_at).toBe(Date.parse('2026-03-16T10:00:00+03:00'));
    expect(f).toMatchObject({
      calendar_id: 'office-hours',
      assign_s: 0,
      assign_bs: 0,
      first_response_s: 234_000,
      first_response_bs: 7200,
      resolution_s: 241_200,
      resolution_bs: 14_400,
    });
  });

  it('a reply stamped before the creation counts as 0 and is reported', () => {
    const f = facts([
      created(),
      [-5, 'ticket.replied', { by: 'a1', kind: 'comment' }],
      [30, 'ticket.resolved', { by: 'a1' }],
    ]);
    expect(f).toMatchObject({
      first_response_s: 0,
      first_response_bs: 0,
      resolution_s: 1800,
      negative_clamped: 1,
      responded: 1,
    });
  });

  it('a resolution stamped before the creation clamps every span and leaves no open segment', () => {
    const d = derive([
      created(),
      [-5, 'ticket.replied', { by: 'a1', kind: 'comment' }],
      [-1, 'ticket.resolved', { by: 'a1' }],
    ]);
    expect(d.facts).toMatchObject({
      status: 'resolved',
      first_response_s: 0,
      resolution_s: 0,
      final_resolution_s: 0,
      negative_clamped: 3,
    });
    expect(d.segments).toEqual([]);
  });
});

describe('deriveTicketFacts: ratings, call-backs, work, tags', () => {
  it('keeps the latest rating, counts call-backs and sums worked seconds', () => {
    const d = derive([
      created({ tags: ['b', 'a'], priority: 'high' }),
      [10, 'ticket.replied', { by: 'a1', kind: 'solution' }],
      [15, 'ticket.worked', { agent_id: 'a1', seconds: 300 }],
      [18, 'ticket.worked', { agent_id: 'a2', seconds: 120.5 }],
      [19, 'ticket.tagged', { tags: ['c', 'a'], by: 'a1' }],
      [19, 'ticket.prioritized', { priority: 'urgent', by: 'a1' }],
      [20, 'ticket.resolved', { by: 'a1' }],
      [30, 'ticket.callback', { outcome: 'no_answer', by: 'd1' }],
      [45, 'ticket.callback', { outcome: 'reached', by: 'd1' }],
      [50, 'ticket.rated', { score: 2, via: 'callback' }],
      [200, 'ticket.rated', { score: 5, via: 'link' }],
    ]);
    expect(d.tags).toEqual(['a', 'b', 'c']);
    expect(d.facts).toMatchObject({
      priority: 'urgent',
      rating_score: 5,
      rating_via: 'link',
      rated_at: T0 + 12_000_000,
      callback_count: 2,
      callback_reached: 1,
      first_callback_at: T0 + 1_800_000,
      handle_s: 420.5,
      last_event_at: T0 + 12_000_000,
    });
  });
});

describe('deriveTicketFacts: backlog segments', () => {
  it('splits open time at line and team changes, closes at resolution and opens again at a reopen', () => {
    const d = derive([
      created(),
      [0, 'ticket.assigned', { assignee_id: 'd1', team_id: 'desk', line: 1, by: 'd1' }],
      [30, 'ticket.escalated', { to_line: 2, by: 'd1' }],
      [40, 'ticket.assigned', { assignee_id: 'a2', team_id: 'l2', line: 2, by: 'd1' }],
      [45, 'ticket.assigned', { assignee_id: 'a2', team_id: 'l2', line: 2, by: 'a2' }],
      [60, 'ticket.resolved', { by: 'a2' }],
      [70, 'ticket.closed', {}],
      [100, 'ticket.reopened', {}],
      [120, 'ticket.resolved', { by: 'a2' }],
      [130, 'ticket.closed', {}],
    ]);
    const seg = (seg_no: number, from: number, to: number, line: number, team_id: string) => ({
      ticket_id: 't1',
      seg_no,
      from_at: T0 + from * 60_000,
      to_at: T0 + to * 60_000,
      line,
      team_id,
    });
    expect(d.segments).toEqual([
      seg(0, 0, 30, 1, 'desk'),
      seg(1, 30, 40, 2, 'desk'),
      seg(2, 40, 60, 2, 'l2'),
      seg(3, 100, 120, 2, 'l2'),
    ]);
    expect(d.facts).toMatchObject({
      status: 'closed',
      closed_at: T0 + 7_800_000,
      line: 2,
      team_id: 'l2',
      assignee_id: 'a2',
      reassign_count: 0,
      escalation_count: 1,
      reopen_count: 1,
      first_reopen_gap_s: 2400,
      min_reopen_gap_s: 2400,
      resolution_s: 3600,
      final_resolved_at: T0 + 7_200_000,
      final_resolution_s: 7200,
      l1_outcome: 'dispatched',
      l1_processed_at: T0 + 1_800_000,
      l1_resolved: 0,
    });
  });

  it('a ticket closed without resolution has one segment and no resolution', () => {
    const d = derive([created(), [10, 'ticket.closed', {}]]);
    expect(d.segments).toEqual([
      { ticket_id: 't1', seg_no: 0, from_at: T0, to_at: T0 + 600_000, line: 1, team_id: null },
    ]);
    expect(d.facts).toMatchObject({
      status: 'closed',
      closed_at: T0 + 600_000,
      first_resolved_at: null,
      final_resolved_at: null,
    });
  });
});
