import { describe, expect, it } from 'vitest';
import {
  contactFact,
  context,
  created,
  deriveTicket,
  type Row,
  reply,
  resolve,
  T0,
  ticketRows,
} from './test-helpers.js';
import { deriveTicketFacts, type TicketContext } from './ticket-facts.js';

const lines = { d1: 1, a1: 1, a2: 2, a3: 3 } as const;
const ctx = context({ lines, companies: { cust1: 'acme' } });
const derive = (rows: readonly Row[], c: TicketContext = ctx, origin = T0) => deriveTicket(rows, c, origin);
const facts = (rows: readonly Row[], c: TicketContext = ctx) => derive(rows, c).facts;
const phoneCreated = (contact?: string): Row =>
  created({ channel: 'phone', ...(contact ? { contact_id: contact } : {}) });

describe('deriveTicketFacts: lifecycle', () => {
  it('is null until ticket.created is known', () => {
    expect(
      deriveTicketFacts(ticketRows('t1', [[5, 'ticket.replied', { by: 'a1', kind: 'comment' }]]), ctx),
    ).toBe(null);
  });

  it('measures an e-mail ticket from its creation', () => {
    const f = facts([
      created({ customer: 'cust1', subject: 'where is my parcel' }),
      [30, 'ticket.replied', { by: 'a1', kind: 'solution' }],
      [90, 'ticket.resolved', { by: 'a1' }],
    ]);
    expect(f).toMatchObject({
      ticket_id: 't1',
      channel: 'email',
      customer: 'cust1',
      company_id: 'acme',
      contact_id: null,
      status: 'resolved',
      start_at: T0,
      created_at: T0,
      first_response_at: T0 + 1_800_000,
      first_response_by: 'a1',
      first_response_live: 0,
      first_response_s: 1800,
      first_response_bs: 1800,
      first_assigned_at: null,
      assign_s: null,
      first_resolved_at: T0 + 5_400_000,
      first_resolved_by: 'a1',
      resolved_line: 1,
      resolution_s: 5400,
      final_resolved_at: T0 + 5_400_000,
      final_resolution_s: 5400,
      reply_count: 1,
      responded: 1,
      fcr_base: 1,
      l1_resolved: 1,
      l1_outcome: 'resolved',
      l1_processed_at: T0 + 5_400_000,
      l1_processed_by: 'a1',
      negative_clamped: 0,
      calendar_id: 'default',
      last_event_at: T0 + 5_400_000,
    });
  });

  it("takes the customer's company as known at the creation", () => {
    const c: TicketContext = {
      ...ctx,
      companyOf: (customer, at) => `${customer}:${at === T0 ? 'created' : at}`,
    };
    expect(facts([created({ customer: 'cust1' }), reply(10), resolve(20)], c).company_id).toBe(
      'cust1:created',
    );
    expect(facts([created()], c).company_id).toBe(null);
  });

  it('leaves every missing milestone pending (null), never zero', () => {
    expect(facts([created()])).toMatchObject({
      status: 'open',
      first_response_at: null,
      first_response_s: null,
      first_response_bs: null,
      assign_s: null,
      resolution_s: null,
      final_resolution_s: null,
      fcr_base: null,
      l1_resolved: null,
      l1_outcome: null,
      responded: 0,
      rating_score: null,
      first_reopen_gap_s: null,
      min_reopen_gap_s: null,
    });
  });
});

describe('deriveTicketFacts: start and first response', () => {
  it('starts a phone ticket at the first ring and takes the live answer as first response', () => {
    const c = context({
      lines,
      contacts: [contactFact({ id: 'c1', offered: -3, answered: -2, agent: 'a1' })],
    });
    const f = facts(
      [
        phoneCreated('c1'),
        [5, 'ticket.assigned', { assignee_id: 'a2', line: 2, by: 'a1' }],
        [10, 'ticket.replied', { by: 'a2', kind: 'comment' }],
      ],
      c,
    );
    expect(f).toMatchObject({
      contact_id: 'c1',
      start_at: T0 - 180_000,
      created_at: T0,
      first_response_at: T0 - 120_000,
      first_response_by: 'a1',
      first_response_live: 1,
      first_response_s: 60,
      first_assigned_by: 'a1',
      assign_s: 480,
      reply_count: 1,
    });
  });

  it('without a named contact takes the earliest linked contact that arrived by the creation', () => {
    const contacts = [
      contactFact({ id: 'cLate', offered: 20, answered: 21, agent: 'a3' }),
      contactFact({ id: 'cEarly', offered: -5, answered: -4, agent: 'a1' }),
      contactFact({ id: 'cMid', offered: -2, answered: -1, agent: 'a2' }),
    ];
    const f = facts([phoneCreated()], context({ lines, contacts }));
    expect(f).toMatchObject({ contact_id: 'cEarly', start_at: T0 - 300_000, first_response_by: 'a1' });
    expect(f.first_response_s).toBe(60);
  });

  it('a contact arriving after the creation is a follow-up, not the origin', () => {
    const contacts = [contactFact({ id: 'cLate', offered: 20, answered: 21, agent: 'a3' })];
    const f = facts(
      [phoneCreated(), [30, 'ticket.replied', { by: 'a1', kind: 'comment' }]],
      context({ contacts }),
    );
    expect(f).toMatchObject({
      contact_id: null,
      start_at: T0,
      first_response_live: 0,
      first_response_s: 1800,
    });
  });

  it('the contact named on ticket.created wins over an earlier linked one', () => {
    const contacts = [
      contactFact({ id: 'cA', offered: -10, answered: -9, agent: 'a1' }),
      contactFact({ id: 'cB', offered: -3, answered: -1, agent: 'a2' }),
    ];
    const f = facts([phoneCreated('cB')], context({ contacts }));
    expect(f).toMatchObject({ contact_id: 'cB', start_at: T0 - 180_000, first_response_by: 'a2' });
    expect(f.first_response_s).toBe(120);
  });

  it('a phone ticket whose call was never answered takes the first public reply, from the ring', () => {
    const c = context({ contacts: [contactFact({ id: 'c1', offered: -3 })] });
    const f = facts([phoneCreated('c1'), [12, 'ticket.replied', { by: 'a1', kind: 'clarification' }]], c);
    expect(f).toMatchObject({ start_at: T0 - 180_000, first_response_live: 0, first_response_s: 900 });
  });

  it('a phone ticket with no contact at all takes the first public reply', () => {
    const f = facts([phoneCreated(), [7, 'ticket.replied', { by: 'a1', kind: 'comment' }]]);
    expect(f).toMatchObject({
      contact_id: null,
      start_at: T0,
      first_response_live: 0,
      first_response_s: 420,
    });
  });

  it('an e-mail born from a contact starts at its arrival; only a live answer is a response', () => {
    const c = context({ contacts: [contactFact({ id: 'm1', channel: 'email', offered: -1, answered: 2 })] });
    const f = facts([created({ contact_id: 'm1' }), [9, 'ticket.replied', { by: 'a1', kind: 'comment' }]], c);
    expect(f).toMatchObject({ start_at: T0 - 60_000, first_response_live: 0, first_response_s: 600 });
  });

  it('internal notes never count as a response', () => {
    const f = facts([
      created(),
      [5, 'ticket.note', { by: 'a1' }],
      [20, 'ticket.replied', { by: 'a2', kind: 'comment' }],
    ]);
    expect(f).toMatchObject({ first_response_s: 1200, first_response_by: 'a2', reply_count: 1 });
    const onlyNote = facts([
      created(),
      [5, 'ticket.note', { by: 'a1' }],
      [10, 'ticket.resolved', { by: 'a1' }],
    ]);
    expect(onlyNote).toMatchObject({
      first_response_at: null,
      responded: 0,
      fcr_base: null,
      resolution_s: 600,
    });
  });
});

describe('deriveTicketFacts: event order', () => {
  const rows: Row[] = [
    created({ customer: 'cust1' }),
    [5, 'ticket.assigned', { assignee_id: 'a1', team_id: 'desk', line: 1, by: 'd1' }],
    [10, 'ticket.replied', { by: 'a1', kind: 'comment' }],
    [10, 'ticket.replied', { by: 'a2', kind: 'comment' }],
    [20, 'ticket.resolved', { by: 'a1' }],
    [20, 'ticket.reopened', {}],
  ];

  it('replays by time then log position whatever the input order', () => {
    const inOrder = ticketRows('t1', rows);
    const reversed = deriveTicketFacts([...inOrder].reverse(), ctx);
    const shuffled = deriveTicketFacts(
      [inOrder[3]!, inOrder[5]!, inOrder[0]!, inOrder[4]!, inOrder[2]!, inOrder[1]!],
      ctx,
    );
    expect(reversed).toEqual(deriveTicketFacts(inOrder, ctx));
    expect(shuffled).toEqual(deriveTicketFacts(inOrder, ctx));
    expect(reversed?.facts).toMatchObject({
      first_response_by: 'a1',
      first_response_s: 600,
      assign_s: 300,
      reply_count: 2,
      status: 'open',
      reopen_count: 1,
      first_reopen_gap_s: 0,
      resolution_s: 1200,
      final_resolved_at: null,
    });
  });
});
