import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Desk, openDesk } from '../../../test/support/desk.js';
import { storeKinds } from '../../../test/support/stores.js';

// Friday 2026-03-06 17:00 in Moscow (UTC+3) is one hour before the office calendar closes for the weekend.
const FRIDAY_1700_MSK = Date.parse('2026-03-06T14:00:00Z');
const SATURDAY_NOON_UTC = Date.parse('2026-03-07T12:00:00Z');

describe('queues and SLA clocks', () => {
  let d: Desk;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    d = await openDesk(storeKinds[0]!, FRIDAY_1700_MSK);
    const office = [['09:00', '18:00']];
    const setup = await d.app.inject({
      method: 'POST',
      url: '/api/v1/events',
      headers: d.admin,
      payload: [
        {
          id: 'cal-office',
          type: 'calendar.defined',
          at: '2026-01-01T00:00:00Z',
          calendar_id: 'office',
          time_zone: 'Europe/Moscow',
          week: { mon: office, tue: office, wed: office, thu: office, fri: office, sat: [], sun: [] },
        },
        {
          id: 'team-apps',
          type: 'team.profile',
          at: '2026-01-01T00:00:00Z',
          team_id: 'apps',
          calendar_id: 'office',
        },
      ],
    });
    expect(setup.statusCode).toBe(200);
    // A: e-mail handed to the apps team (office hours) after 10 minutes
    ids.A = (await d.create('anna', { channel: 'email', subject: 'A' })).json().ticket.ticket_id;
    // B: a chat nobody touched
    ids.B = (await d.create('anna', { channel: 'chat', subject: 'B' })).json().ticket.ticket_id;
    // C: anna takes it and asks the customer a question after 5 minutes
    ids.C = (await d.create('anna', { channel: 'email', subject: 'C' })).json().ticket.ticket_id;
    d.clock.now = FRIDAY_1700_MSK + 5 * 60_000;
    await d.act('anna', ids.C!, 'take');
    await d.act('anna', ids.C!, 'reply', { kind: 'clarification', text: 'Which order?' });
    d.clock.now = FRIDAY_1700_MSK + 10 * 60_000;
    await d.act('anna', ids.A!, 'assign', { team_id: 'apps' });
    d.clock.now = SATURDAY_NOON_UTC;
  });
  afterAll(() => d.close());

  it('counts the queues and lists the most urgent first', async () => {
    const res = await d.get('anna', '/api/v1/queues');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.counts).toEqual({ open: 3, new: 1, unassigned: 2, mine: 1, waiting: 1, overdue: 1 });
    const byId = Object.fromEntries(
      body.tickets.map((t: { ticket_id: string; queues: string[] }) => [t.ticket_id, t.queues]),
    );
    expect(byId[ids.A!]).toEqual(['unassigned']);
    expect(byId[ids.B!]).toEqual(['new', 'unassigned', 'overdue']);
    expect(byId[ids.C!]).toEqual(['mine', 'waiting']);
    // B was due Friday 14:05 UTC (chat, 5 min), C's resolution is due Saturday 14:00 UTC, A's response Monday
    expect(body.tickets.map((t: { ticket_id: string }) => t.ticket_id)).toEqual([ids.B, ids.C, ids.A]);

    const mine = (await d.get('anna', '/api/v1/queues?queue=mine')).json();
    expect(mine.tickets.map((t: { ticket_id: string }) => t.ticket_id)).toEqual([ids.C]);
    expect((await d.get('boris', '/api/v1/queues?queue=mine')).json().total).toBe(0);
    const line2 = (await d.get('boris', '/api/v1/queues?line=2')).json();
    expect(line2.tickets.map((t: { ticket_id: string }) => t.ticket_id)).toEqual([ids.A]);
    expect((await d.get('boris', '/api/v1/queues?team_id=apps&queue=overdue')).json().total).toBe(0);
    expect((await d.get('boris', '/api/v1/queues?queue=sideways')).statusCode).toBe(400);
  });

  it('a customer reply takes the ticket out of "waiting"', async () => {
    await d.act('anna', ids.C!, 'customer-reply', { text: 'Order 42' });
    expect((await d.get('anna', '/api/v1/queues')).json().counts.waiting).toBe(0);
  });

  it("runs each clock in its team's business hours: the weekend does not count", async () => {
    const res = await d.get('boris', `/api/v1/tickets/${ids.A}/sla`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      calendar_id: 'office',
      working_now: false,
      // e-mail: 4 business hours; one went on Friday 17:00–18:00, three remain for Monday 09:00–12:00 MSK
      first_response: {
        target_s: 14_400,
        due_at: '2026-03-09T09:00:00.000Z',
        state: 'running',
        elapsed_s: 3600,
        left_s: 10_800,
        reached_at: null,
      },
      // assigned to the team 10 minutes after the start: within the hour
      assignment: {
        target_s: 3600,
        due_at: '2026-03-06T15:00:00.000Z',
        state: 'met',
        elapsed_s: 600,
        left_s: null,
        reached_at: '2026-03-06T14:10:00.000Z',
      },
      // 24 business hours: Friday 1 + Monday 9 + Tuesday 9 + Wednesday 5 (until 14:00 MSK)
      resolution: {
        target_s: 86_400,
        due_at: '2026-03-11T11:00:00.000Z',
        state: 'running',
        elapsed_s: 3600,
        left_s: 82_800,
        reached_at: null,
      },
    });
    // the chat in the organisation's default calendar (around the clock) is long overdue
    const b = (await d.get('boris', `/api/v1/tickets/${ids.B}/sla`)).json();
    expect(b.first_response).toMatchObject({
      target_s: 300,
      state: 'breached',
      elapsed_s: 79_200,
      left_s: -78_900,
    });
    expect((await d.get('boris', '/api/v1/tickets/none/sla')).statusCode).toBe(404);
  });

  it('answers actions with the SLA clocks after the action', async () => {
    const res = await d.act('boris', ids.A!, 'reply', { kind: 'comment', text: 'Looking into it' });
    // the reply on Saturday is the first response: one business hour after the start, well in time
    expect(res.json().sla.first_response).toEqual({
      target_s: 14_400,
      due_at: '2026-03-09T09:00:00.000Z',
      state: 'met',
      elapsed_s: 3600,
      left_s: null,
      reached_at: '2026-03-07T12:00:00.000Z',
    });
  });
});
