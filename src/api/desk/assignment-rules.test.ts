import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Desk, eventsOf, openDesk } from '../../../test/support/desk.js';
import { storeKinds } from '../../../test/support/stores.js';

const RULES = [
  { id: 'off', enabled: false, when: { channel: ['web'] }, route: { team_id: 'experts' } },
  { id: 'delivery', name: 'Delivery to apps', when: { category: ['delivery'] }, route: { team_id: 'apps' } },
  { id: 'chats', when: { channel: ['chat'] }, route: { team_id: 'desk', strategy: 'least_loaded' } },
  {
    id: 'vip',
    when: { priority: ['urgent'], tag: ['vip', 'press'] },
    route: { line: 3, strategy: 'team_only' },
  },
];

describe('automatic assignment rules', () => {
  let d: Desk;
  const status = (login: string, s: string) =>
    d.app.inject({
      method: 'POST',
      url: `/api/v1/agents/${login}/status`,
      payload: { status: s },
      headers: d.as[login],
    });
  const assigned = (res: Awaited<ReturnType<Desk['create']>>) =>
    eventsOf(res)
      .filter((e) => e.type === 'ticket.assigned')
      .map(({ at: _a, ticket_id: _t, ...rest }) => rest);
  beforeAll(async () => {
    d = await openDesk(storeKinds[0]!);
    for (const who of ['anna', 'dima', 'boris', 'galya'])
      expect((await status(who, 'available')).statusCode).toBe(200);
  });
  afterAll(() => d.close());

  it('are edited by supervisors, read by agents, validated', async () => {
    const put = (login: string, payload: unknown) =>
      d.app.inject({
        method: 'PUT',
        url: '/api/v1/assignment-rules',
        payload: payload as object,
        headers: d.as[login],
      });
    expect((await put('anna', RULES)).statusCode).toBe(403);
    expect((await put('sveta', [{ id: 'x', route: { strategy: 'round_robin' } }])).statusCode).toBe(400);
    expect((await put('sveta', [RULES[1], RULES[1]])).statusCode).toBe(400);
    const ok = await put('sveta', RULES);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()[2]).toEqual({
      id: 'chats',
      enabled: true,
      when: { channel: ['chat'] },
      route: { team_id: 'desk', strategy: 'least_loaded' },
    });
    expect(
      (await d.get('boris', '/api/v1/assignment-rules')).json().map((r: { id: string }) => r.id),
    ).toEqual(['off', 'delivery', 'chats', 'vip']);
  });

  it('round robin: available agents of the team in turn, mode auto, at the moment of creation', async () => {
    const got: unknown[] = [];
    for (let i = 0; i < 3; i++)
      got.push(...assigned(await d.create('anna', { channel: 'email', category: 'delivery' })));
    expect(got).toEqual([
      { type: 'ticket.assigned', assignee_id: 'boris', team_id: 'apps', line: 2, mode: 'auto' },
      { type: 'ticket.assigned', assignee_id: 'galya', team_id: 'apps', line: 2, mode: 'auto' },
      { type: 'ticket.assigned', assignee_id: 'boris', team_id: 'apps', line: 2, mode: 'auto' },
    ]);
    // an agent on a break is skipped; with nobody available the team gets it
    await status('boris', 'break');
    expect(assigned(await d.create('anna', { channel: 'email', category: 'delivery' }))[0]).toMatchObject({
      assignee_id: 'galya',
    });
    expect(assigned(await d.create('anna', { channel: 'email', category: 'delivery' }))[0]).toMatchObject({
      assignee_id: 'galya',
    });
    await status('galya', 'offline');
    expect(assigned(await d.create('anna', { channel: 'email', category: 'delivery' }))).toEqual([
      { type: 'ticket.assigned', team_id: 'apps', line: 2, mode: 'auto' },
    ]);
  });

  it('least loaded: the available agent with the fewest open tickets', async () => {
    // anna holds two open tickets, dima none
    for (let i = 0; i < 2; i++) {
      const t = (await d.create('anna', { channel: 'email' })).json().ticket.ticket_id;
      await d.act('anna', t, 'take');
    }
    const picks: unknown[] = [];
    for (let i = 0; i < 4; i++)
      picks.push(assigned(await d.create('sveta', { channel: 'chat' }))[0]?.assignee_id);
    // dima 0 → 1 → 2 (ties go in turn after the last pick: anna), then the one with fewer
    expect(picks).toEqual(['dima', 'dima', 'anna', 'dima']);
  });

  it('first matching enabled rule wins; tags match any; team_only routes to a line without a person', async () => {
    // chat + delivery: the delivery rule comes first; web: the disabled rule is skipped
    expect(assigned(await d.create('anna', { channel: 'chat', category: 'delivery' }))[0]).toMatchObject({
      team_id: 'apps',
    });
    expect(assigned(await d.create('anna', { channel: 'web' }))).toEqual([]);
    expect(
      assigned(await d.create('anna', { channel: 'phone', priority: 'urgent', tags: ['press'] })),
    ).toEqual([{ type: 'ticket.assigned', line: 3, mode: 'auto' }]);
    expect(
      assigned(await d.create('anna', { channel: 'phone', priority: 'urgent', tags: ['other'] })),
    ).toEqual([]);
  });

  it('routes an unassigned ticket when it is classified, not one somebody holds', async () => {
    await status('galya', 'available');
    const t = (await d.create('anna', { channel: 'email' })).json().ticket.ticket_id;
    expect(
      eventsOf(await d.act('anna', t, 'classify', { category: 'delivery' })).map((e) => [
        e.type,
        e.assignee_id,
        e.mode,
      ]),
    ).toEqual([
      ['ticket.classified', undefined, undefined],
      ['ticket.assigned', 'galya', 'auto'],
    ]);
    const held = (await d.create('anna', { channel: 'email' })).json().ticket.ticket_id;
    await d.act('anna', held, 'take');
    expect(
      eventsOf(await d.act('anna', held, 'classify', { category: 'delivery' })).map((e) => e.type),
    ).toEqual(['ticket.classified']);
  });

  it('leaves raw ingest (imports, integrations) alone, and automatic assignments out of correct assignment', async () => {
    const raw = await d.app.inject({
      method: 'POST',
      url: '/api/v1/events',
      headers: d.admin,
      payload: {
        id: 'raw-1',
        type: 'ticket.created',
        at: '2026-03-02T09:00:00Z',
        ticket_id: 'RAW',
        channel: 'chat',
      },
    });
    expect(raw.statusCode).toBe(200);
    expect((await d.get('anna', '/api/v1/tickets/RAW')).json().ticket.assignee_id).toBeNull();
    const auto = (await d.create('anna', { channel: 'email', category: 'delivery' })).json();
    expect(auto.facts).toMatchObject({ manual_assigned: 0, first_assigned_at: d.clock.now, assign_s: 0 });
  });
});
