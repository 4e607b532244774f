import { describe, expect, it } from 'vitest';
import { assign, context, deriveTicket, type Row, reopen, reply, resolve, T0 } from './test-helpers.js';
import type { TicketContext } from './ticket-facts.js';
import type { TicketFacts } from './types.js';

const lines = { d1: 1, a1: 1, a2: 2, a3: 2 } as const;
const known = context({ lines });
const unknownLines = context();

function facts(rows: readonly Row[], c: TicketContext = known, createdExtra = {}): TicketFacts {
  return deriveTicket([[0, 'ticket.created', { channel: 'email', by: 'd1', ...createdExtra }], ...rows], c)
    .facts;
}

// SPEC §3: reassignment, correct assignment, classification.
describe('reassignment', () => {
  it.each<[string, Row[], number]>([
    [
      'a different assignee counts, a repeat of the same one does not',
      [
        assign(5, { assignee_id: 'a1', team_id: 't1' }),
        assign(10, { assignee_id: 'a2', team_id: 't1' }),
        assign(15, { assignee_id: 'a2', team_id: 't1' }),
      ],
      1,
    ],
    [
      'a team change counts; picking the ticket up inside the team does not',
      [
        assign(5, { team_id: 't1' }),
        assign(8, { assignee_id: 'a1' }),
        assign(10, { team_id: 't2' }),
        assign(15, { assignee_id: 'a3', team_id: 't2' }),
      ],
      1,
    ],
    [
      'an assignment naming neither assignee nor team counts',
      [assign(5, { assignee_id: 'a1', team_id: 't1' }), assign(10, {}), assign(12, {})],
      2,
    ],
    [
      'the first assignment after an escalation does not count, the next one does',
      [
        assign(5, { assignee_id: 'a1', team_id: 't1', line: 1 }),
        [10, 'ticket.escalated', { to_line: 2, by: 'a1' }],
        assign(12, { assignee_id: 'a2', team_id: 't2', line: 2 }),
        assign(14, { assignee_id: 'a3', team_id: 't2' }),
      ],
      1,
    ],
  ])('%s', (_name, rows, count) => {
    const f = facts(rows);
    expect(f.reassign_count).toBe(count);
    expect(f.reassign_before_resolution).toBe(count);
    expect(f.fcr_base).toBe(null);
  });

  it('a reassignment after the first resolution does not spoil FCR but does spoil the manual assignment', () => {
    const f = facts([
      assign(5, { assignee_id: 'a1' }),
      reply(10),
      resolve(20),
      reopen(30),
      assign(35, { assignee_id: 'a2' }),
    ]);
    expect(f).toMatchObject({
      first_assigned_at: T0 + 300_000,
      first_assigned_by: 'd1',
      assign_s: 300,
      reassign_count: 1,
      reassign_before_resolution: 0,
      fcr_base: 1,
      manual_assigned: 1,
      manual_assignment_kept: 0,
    });
  });
});

describe('correct assignment (manual_assignment_kept)', () => {
  it.each<[string, Row[], number, number | null]>([
    ['an imported assignment without mode is manual', [assign(5, { assignee_id: 'a1' })], 1, 1],
    [
      'a manual assignment changed later is not kept',
      [assign(5, { assignee_id: 'a1' }), assign(10, { assignee_id: 'a2' })],
      1,
      0,
    ],
    [
      'a change through an escalation keeps it',
      [
        assign(5, { assignee_id: 'a1', mode: 'manual' }),
        [10, 'ticket.escalated', { to_line: 2 }],
        assign(12, { assignee_id: 'a2', mode: 'auto' }),
      ],
      1,
      1,
    ],
    [
      'auto assignments are outside the rate',
      [assign(5, { assignee_id: 'a1', mode: 'auto' }), assign(10, { assignee_id: 'a2', mode: 'auto' })],
      0,
      null,
    ],
    [
      'a manual reassignment of an auto assignment that then holds is kept',
      [assign(5, { assignee_id: 'a1', mode: 'auto' }), assign(10, { assignee_id: 'a2', mode: 'manual' })],
      1,
      1,
    ],
  ])('%s', (_name, rows, manual, kept) => {
    expect(facts(rows)).toMatchObject({ manual_assigned: manual, manual_assignment_kept: kept });
  });
});

describe('classification', () => {
  it('a category on ticket.created is the first classification, by the creator; other categories later count', () => {
    const rows: Row[] = [
      [5, 'ticket.classified', { category: 'delivery', by: 'a2' }],
      [10, 'ticket.classified', { category: 'warranty', by: 'a2' }],
      [20, 'ticket.reclassified', { from: 'warranty', to: 'defect', by: 'a2' }],
      [25, 'ticket.reclassified', { to: 'defect', by: 'a2' }],
    ];
    expect(facts(rows, known, { category: 'delivery' })).toMatchObject({
      first_category: 'delivery',
      category: 'defect',
      classified_by: 'd1',
      classified_l1: 1,
      reclassify_count: 2,
    });
  });

  it('a ticket.reclassified with no earlier classification is the first classification', () => {
    const rows: Row[] = [[5, 'ticket.reclassified', { from: 'delivery', to: 'warranty', by: 'a2' }]];
    expect(facts(rows)).toMatchObject({
      first_category: 'warranty',
      classified_by: 'a2',
      classified_l1: 0,
      reclassify_count: 0,
    });
  });

  it.each<[string, Row[], TicketContext, Partial<TicketFacts>]>([
    [
      'classified by a line-2 agent is not L1 classification',
      [[5, 'ticket.classified', { category: 'warranty', by: 'a2' }]],
      known,
      { classified_by: 'a2', classified_l1: 0, first_category: 'warranty', reclassify_count: 0 },
    ],
    [
      'an agent of unknown line counts as L1 (imported history)',
      [[5, 'ticket.classified', { category: 'warranty', by: 'x9' }]],
      known,
      { classified_by: 'x9', classified_l1: 1 },
    ],
    [
      'no agent named at all counts as L1',
      [[5, 'ticket.classified', { category: 'warranty' }]],
      unknownLines,
      { classified_by: null, classified_l1: 1 },
    ],
    [
      'never classified',
      [],
      known,
      { classified_l1: null, classified_by: null, first_category: null, category: null },
    ],
  ])('%s', (_name, rows, c, expected) => {
    expect(facts(rows, c)).toMatchObject(expected);
  });
});
