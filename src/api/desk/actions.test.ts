import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Desk, eventsOf, openDesk } from '../../../test/support/desk.js';
import { storeKinds } from '../../../test/support/stores.js';

// Every action of the workspace through the API, each answered with exactly the SPEC §2 events it appended.
describe('ticket actions', () => {
  let d: Desk;
  const iso = (minutes: number) => new Date(d.at(minutes)).toISOString();
  beforeAll(async () => {
    d = await openDesk(storeKinds[0]!);
  });
  afterAll(() => d.close());

  let id = '';
  it('create: ticket.created by the signed-in agent, with a generated id', async () => {
    const res = await d.create('anna', {
      channel: 'email',
      customer: 'ivan@example.com',
      subject: 'Parcel late',
      text: 'Ordered on Monday, still nothing.',
      priority: 'high',
      tags: ['delivery'],
    });
    expect(res.statusCode).toBe(201);
    id = res.json().ticket.ticket_id;
    expect(id).toMatch(/^T-[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(eventsOf(res)).toEqual([
      {
        type: 'ticket.created',
        at: iso(0),
        ticket_id: id,
        channel: 'email',
        customer: 'ivan@example.com',
        subject: 'Parcel late',
        text: 'Ordered on Monday, still nothing.',
        priority: 'high',
        tags: ['delivery'],
        by: 'anna',
      },
    ]);
    expect(res.json().events[0].id).toMatch(/^act-/);
    expect(res.json().ticket).toMatchObject({ version: 1, status: 'open', created_at: d.at(0) });
    // the same id again is refused
    const again = await d.create('anna', { ticket_id: id, channel: 'web' });
    expect(again.statusCode).toBe(409);
  });

  it('classify, then reclassify; the same category again is refused', async () => {
    d.clock.now = d.at(2);
    expect(eventsOf(await d.act('anna', id, 'classify', { category: 'delivery' }))).toEqual([
      { type: 'ticket.classified', at: iso(2), ticket_id: id, category: 'delivery', by: 'anna' },
    ]);
    d.clock.now = d.at(3);
    expect(eventsOf(await d.act('dima', id, 'classify', { category: 'warranty' }))).toEqual([
      {
        type: 'ticket.reclassified',
        at: iso(3),
        ticket_id: id,
        from: 'delivery',
        to: 'warranty',
        by: 'dima',
      },
    ]);
    const same = await d.act('dima', id, 'classify', { category: 'warranty' });
    expect(same.statusCode).toBe(400);
  });

  it('reply of each kind, internal note, customer reply', async () => {
    d.clock.now = d.at(5);
    for (const kind of ['comment', 'clarification'] as const) {
      expect(eventsOf(await d.act('anna', id, 'reply', { kind, text: `a ${kind}` }))).toEqual([
        { type: 'ticket.replied', at: iso(5), ticket_id: id, by: 'anna', kind, text: `a ${kind}` },
      ]);
    }
    expect(eventsOf(await d.act('anna', id, 'note', { text: 'asked the warehouse' }))).toEqual([
      { type: 'ticket.note', at: iso(5), ticket_id: id, by: 'anna', text: 'asked the warehouse' },
    ]);
    expect(eventsOf(await d.act('anna', id, 'customer-reply', { text: 'order 42' }))).toEqual([
      { type: 'ticket.customer_replied', at: iso(5), ticket_id: id, text: 'order 42' },
    ]);
    expect((await d.act('anna', id, 'reply', { kind: 'shout' })).statusCode).toBe(400);
  });

  it('assign to a person (team and line follow), to a team (its line follows), take', async () => {
    d.clock.now = d.at(10);
    expect(eventsOf(await d.act('anna', id, 'assign', { assignee_id: 'galya' }))).toEqual([
      {
        type: 'ticket.assigned',
        at: iso(10),
        ticket_id: id,
        assignee_id: 'galya',
        team_id: 'apps',
        line: 2,
        mode: 'manual',
        by: 'anna',
      },
    ]);
    expect(eventsOf(await d.act('sveta', id, 'assign', { team_id: 'desk' }))).toEqual([
      {
        type: 'ticket.assigned',
        at: iso(10),
        ticket_id: id,
        team_id: 'desk',
        line: 1,
        mode: 'manual',
        by: 'sveta',
      },
    ]);
    expect(eventsOf(await d.act('boris', id, 'take'))).toEqual([
      {
        type: 'ticket.assigned',
        at: iso(10),
        ticket_id: id,
        assignee_id: 'boris',
        team_id: 'apps',
        line: 2,
        mode: 'manual',
        by: 'boris',
      },
    ]);
    expect((await d.act('boris', id, 'take')).statusCode).toBe(400); // already his
    expect((await d.act('anna', id, 'assign', { assignee_id: 'vera' })).statusCode).toBe(400); // no agent
    expect((await d.act('anna', id, 'assign', {})).statusCode).toBe(400);
  });

  it('tag, prioritize, log work time', async () => {
    d.clock.now = d.at(12);
    expect(eventsOf(await d.act('boris', id, 'tag', { tags: ['delivery', 'courier'] }))).toEqual([
      { type: 'ticket.tagged', at: iso(12), ticket_id: id, tags: ['courier'], by: 'boris' },
    ]);
    expect(eventsOf(await d.act('boris', id, 'prioritize', { priority: 'urgent' }))).toEqual([
      { type: 'ticket.prioritized', at: iso(12), ticket_id: id, priority: 'urgent', by: 'boris' },
    ]);
    expect(eventsOf(await d.act('boris', id, 'work', { seconds: 600 }))).toEqual([
      { type: 'ticket.worked', at: iso(12), ticket_id: id, agent_id: 'boris', seconds: 600 },
    ]);
    expect((await d.act('boris', id, 'work', { seconds: 0 })).statusCode).toBe(400);
  });

  it('escalate to a line (with a team: then assigned), to a senior; never downwards', async () => {
    d.clock.now = d.at(20);
    expect((await d.act('boris', id, 'escalate', { to_line: 2, reason: 'x' })).statusCode).toBe(400);
    expect((await d.act('boris', id, 'escalate', { to_line: 3 })).statusCode).toBe(400); // a reason is required
    expect(
      eventsOf(
        await d.act('boris', id, 'escalate', { to_line: 3, reason: 'courier API down', team_id: 'experts' }),
      ),
    ).toEqual([
      {
        type: 'ticket.escalated',
        at: iso(20),
        ticket_id: id,
        to_line: 3,
        reason: 'courier API down',
        by: 'boris',
      },
      {
        type: 'ticket.assigned',
        at: iso(20),
        ticket_id: id,
        team_id: 'experts',
        line: 3,
        mode: 'manual',
        by: 'boris',
      },
    ]);
    expect(
      eventsOf(await d.act('lev', id, 'escalate', { to_role: 'manager', reason: 'refund over limit' })),
    ).toEqual([
      {
        type: 'ticket.escalated',
        at: iso(20),
        ticket_id: id,
        to_role: 'manager',
        reason: 'refund over limit',
        by: 'lev',
      },
    ]);
  });

  it('resolve (with the resolver’s line), reopen, close; each only from the states that allow it', async () => {
    d.clock.now = d.at(30);
    expect(eventsOf(await d.act('lev', id, 'resolve'))).toEqual([
      { type: 'ticket.resolved', at: iso(30), ticket_id: id, by: 'lev', line: 3 },
    ]);
    const twice = await d.act('lev', id, 'resolve');
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toMatchObject({ code: 'invalid_state', details: { status: 'resolved' } });
    expect(eventsOf(await d.act('anna', id, 'reopen'))).toEqual([
      { type: 'ticket.reopened', at: iso(30), ticket_id: id, by: 'anna' },
    ]);
    expect((await d.act('anna', id, 'reopen')).statusCode).toBe(409);
    expect(eventsOf(await d.act('lev', id, 'close'))).toEqual([
      { type: 'ticket.closed', at: iso(30), ticket_id: id, by: 'lev' },
    ]);
    expect((await d.act('anna', id, 'reply', { kind: 'comment' })).statusCode).toBe(409);
    // notes and work logs still go on a closed ticket
    expect((await d.act('lev', id, 'note', { text: 'for the record' })).statusCode).toBe(200);
  });

  it('spam: tagged and closed, never resolved, nothing deleted', async () => {
    const created = await d.create('anna', { channel: 'web', subject: 'WIN A PRIZE' });
    const spam = created.json().ticket.ticket_id;
    expect(eventsOf(await d.act('anna', spam, 'spam'))).toEqual([
      { type: 'ticket.tagged', at: iso(30), ticket_id: spam, tags: ['spam'], by: 'anna' },
      { type: 'ticket.closed', at: iso(30), ticket_id: spam, by: 'anna' },
    ]);
    const view = (await d.get('anna', `/api/v1/tickets/${spam}`)).json();
    expect(view.ticket).toMatchObject({ status: 'closed', tags: ['spam'], version: 3 });
    expect(view.facts.first_resolved_at).toBeNull();
  });

  it('answers 404 for an unknown ticket, 403 to a viewer, 401 to nobody', async () => {
    expect((await d.act('anna', 'nope', 'note', { text: 'x' })).statusCode).toBe(404);
    expect((await d.act('vera', id, 'note', { text: 'x' })).statusCode).toBe(403);
    const anon = await d.app.inject({
      method: 'POST',
      url: `/api/v1/tickets/${id}/note`,
      payload: { text: 'x' },
    });
    expect(anon.statusCode).toBe(401);
  });

  it('keeps the whole story in the timeline', async () => {
    const view = (await d.get('vera', `/api/v1/tickets/${id}`)).json();
    expect(view.timeline.map((e: { type: string }) => e.type)).toEqual([
      'ticket.created',
      'ticket.classified',
      'ticket.reclassified',
      'ticket.replied',
      'ticket.replied',
      'ticket.note',
      'ticket.customer_replied',
      'ticket.assigned',
      'ticket.assigned',
      'ticket.assigned',
      'ticket.tagged',
      'ticket.prioritized',
      'ticket.worked',
      'ticket.escalated',
      'ticket.assigned',
      'ticket.escalated',
      'ticket.resolved',
      'ticket.reopened',
      'ticket.closed',
      'ticket.note',
    ]);
    expect(view.ticket.version).toBe(20);
  });
});
