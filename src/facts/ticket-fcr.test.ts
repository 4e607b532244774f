import { describe, expect, it } from 'vitest';
import {
  assign,
  contactFact,
  context,
  customerReply as customer,
  deriveTicket,
  type Row,
  reopen,
  reply,
  resolve,
  T0,
} from './test-helpers.js';
import type { TicketContext } from './ticket-facts.js';
import type { TicketFacts } from './types.js';

const lines = { d1: 1, a1: 1, a2: 2, a3: 2 } as const;
const known = context({ lines });
const unknownLines = context();

function facts(rows: readonly Row[], c: TicketContext = known, createdExtra = {}): TicketFacts {
  return deriveTicket([[0, 'ticket.created', { channel: 'email', by: 'd1', ...createdExtra }], ...rows], c)
    .facts;
}

// SPEC §3 FCR details and L1 handling (lines when unknown).
describe('FCR base', () => {
  it.each<[string, Row[], number, number | null]>([
    [
      'a customer reply before the first response does not count',
      [customer(5), reply(10), resolve(20)],
      0,
      1,
    ],
    [
      'a customer reply between first response and resolution disqualifies',
      [reply(10), customer(15), resolve(20)],
      1,
      0,
    ],
    ['a customer reply after the resolution does not count', [reply(10), resolve(20), customer(25)], 0, 1],
  ])('%s', (_name, rows, customerReplies, fcr) => {
    expect(facts(rows)).toMatchObject({ customer_reply_count: customerReplies, fcr_base: fcr });
  });

  it('allows at most one public reply up to the first resolution', () => {
    expect(facts([reply(10), reply(15, 'a1', 'solution'), resolve(20)])).toMatchObject({
      reply_count: 2,
      fcr_base: 0,
    });
    expect(facts([reply(10), resolve(20), reopen(25), reply(30)])).toMatchObject({
      reply_count: 1,
      fcr_base: 1,
    });
  });

  it('a live answer plus one public reply is still first contact', () => {
    const c = context({
      lines,
      contacts: [contactFact({ id: 'c1', offered: -2, answered: -1, agent: 'a1', ticket: 't1' })],
    });
    expect(facts([reply(10, 'a1', 'solution'), resolve(20)], c)).toMatchObject({
      first_response_live: 1,
      reply_count: 1,
      fcr_base: 1,
    });
    expect(facts([customer(5), reply(10, 'a1', 'solution'), resolve(20)], c)).toMatchObject({
      customer_reply_count: 1,
      fcr_base: 0,
    });
  });

  it('reassignment or escalation before the resolution disqualifies', () => {
    expect(
      facts([assign(2, { assignee_id: 'a1' }), assign(3, { assignee_id: 'd1' }), reply(10), resolve(20)])
        .fcr_base,
    ).toBe(0);
    expect(
      facts([reply(10), [12, 'ticket.escalated', { to_role: 'senior', by: 'a1' }], resolve(20)]),
    ).toMatchObject({
      escalation_count: 1,
      escalation_before_resolution: 1,
      fcr_base: 0,
    });
  });

  it('a ticket resolved without any response is left out on both sides', () => {
    expect(facts([resolve(20)])).toMatchObject({ responded: 0, fcr_base: null });
    expect(facts([resolve(20), reply(30)])).toMatchObject({
      responded: 0,
      fcr_base: null,
      first_response_s: 1800,
    });
  });

  it.each<[string, Row[], Partial<TicketFacts>]>([
    [
      'several resolutions: first gap, smallest gap, first and final resolution',
      [reply(10), resolve(20), reopen(80), resolve(100), reopen(110), resolve(130)],
      {
        reopen_count: 2,
        first_reopen_gap_s: 3600,
        min_reopen_gap_s: 600,
        resolution_s: 1200,
        final_resolution_s: 7800,
        fcr_base: 1,
      },
    ],
    [
      'the first gap can be the smallest',
      [reply(10), resolve(20), reopen(30), resolve(40), reopen(100)],
      {
        status: 'open',
        reopen_count: 2,
        first_reopen_gap_s: 600,
        min_reopen_gap_s: 600,
        final_resolved_at: null,
      },
    ],
    [
      'a repeated resolve is no new resolution',
      [reply(10), resolve(20), resolve(25)],
      {
        reopen_count: 0,
        first_resolved_at: T0 + 1_200_000,
        final_resolved_at: T0 + 1_200_000,
        first_reopen_gap_s: null,
      },
    ],
  ])('%s', (_name, rows, expected) => {
    expect(facts(rows)).toMatchObject(expected);
  });
});

describe('L1 handling (l1_resolved, l1_outcome, l1_processed_at)', () => {
  it.each<[string, Row[], TicketContext, Partial<TicketFacts>]>([
    [
      'resolved by line 1',
      [reply(10, 'd1'), resolve(20, 'd1')],
      known,
      {
        resolved_line: 1,
        l1_resolved: 1,
        l1_outcome: 'resolved',
        l1_processed_at: T0 + 1_200_000,
        l1_processed_by: 'd1',
      },
    ],
    [
      'assigned to line 2 (line from the assignee profile) first',
      [assign(5, { assignee_id: 'a2' }), resolve(30, 'a2')],
      known,
      {
        resolved_line: 2,
        l1_resolved: 0,
        l1_outcome: 'dispatched',
        l1_processed_at: T0 + 300_000,
        l1_processed_by: 'd1',
      },
    ],
    [
      'escalated first, even without a line, then resolved by line 1',
      [[5, 'ticket.escalated', { to_role: 'senior', by: 'd1' }], resolve(30, 'd1')],
      known,
      { resolved_line: 1, l1_resolved: 0, l1_outcome: 'dispatched', l1_processed_at: T0 + 300_000 },
    ],
    [
      'an assignment on line 1 is no dispatch',
      [assign(5, { assignee_id: 'a1', line: 1 }), resolve(20, 'a1')],
      known,
      { l1_resolved: 1, l1_outcome: 'resolved', l1_processed_at: T0 + 1_200_000 },
    ],
    [
      'unknown lines: never left line 1, so the resolution is L1',
      [assign(5, { assignee_id: 'x1' }), resolve(20, 'x1')],
      unknownLines,
      { line: 1, resolved_line: null, l1_resolved: 1, l1_outcome: 'resolved' },
    ],
    [
      'unknown resolving line after an assignment to line 2',
      [assign(5, { assignee_id: 'x2', line: 2, by: 'x1' }), resolve(20, 'x2')],
      unknownLines,
      { resolved_line: null, l1_resolved: 0, l1_outcome: 'dispatched', l1_processed_by: 'x1' },
    ],
    [
      'unknown resolving line after an escalation',
      [[5, 'ticket.escalated', { by: 'x1' }], resolve(20, 'x2')],
      unknownLines,
      { l1_resolved: 0, l1_outcome: 'dispatched' },
    ],
    [
      'unknown lines: an escalation after the first resolution does not undo the L1 resolution',
      [
        reply(10, 'x1'),
        resolve(20, 'x1'),
        reopen(30),
        [35, 'ticket.escalated', { to_line: 2, by: 'x1' }],
        resolve(50, 'x2'),
      ],
      unknownLines,
      {
        l1_resolved: 1,
        l1_outcome: 'resolved',
        l1_processed_at: T0 + 1_200_000,
        escalation_count: 1,
        escalation_before_resolution: 0,
      },
    ],
    [
      'unknown lines: an assignment to line 2 after the first resolution does not undo it either',
      [
        reply(10, 'x1'),
        resolve(20, 'x1'),
        reopen(30),
        assign(35, { assignee_id: 'x2', line: 2 }),
        resolve(50, 'x2'),
      ],
      unknownLines,
      { line: 2, l1_resolved: 1, l1_outcome: 'resolved', l1_processed_at: T0 + 1_200_000, reassign_count: 0 },
    ],
    [
      'known lines: the same history is an L1 resolution too',
      [
        reply(10, 'a1'),
        resolve(20, 'a1'),
        reopen(30),
        [35, 'ticket.escalated', { to_line: 2, by: 'a1' }],
        resolve(50, 'a2'),
      ],
      known,
      { l1_resolved: 1, l1_outcome: 'resolved', l1_processed_at: T0 + 1_200_000 },
    ],
    [
      'the line on ticket.resolved wins over the profile',
      [reply(10, 'd1'), resolve(20, 'd1', { line: 2 })],
      known,
      { resolved_line: 2, l1_resolved: 0, l1_outcome: null },
    ],
    [
      'open and never dispatched',
      [reply(10)],
      known,
      { l1_resolved: null, l1_outcome: null, l1_processed_at: null },
    ],
    [
      'open but dispatched',
      [assign(5, { assignee_id: 'a2', line: 2 })],
      known,
      { l1_resolved: null, l1_outcome: 'dispatched', line: 2 },
    ],
  ])('%s', (_name, rows, c, expected) => {
    expect(facts(rows, c)).toMatchObject(expected);
  });
});
