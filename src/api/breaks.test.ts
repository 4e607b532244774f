import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstLineApp } from '../../test/support/first-line-app.js';
import { ingest } from '../ingest/ingest.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';

const T0 = Date.parse('2026-03-02T09:00:00Z');
const MIN = 60_000;

describe('break reminders and the supervisors’ board', () => {
  let app: FastifyInstance;
  let store: Store;
  let clock = T0;
  beforeAll(async () => {
    store = await openStore('sqlite::memory:');
    app = await firstLineApp(store, {}, () => clock);
    await ingest(store, [
      {
        id: 'a1',
        type: 'agent.profile',
        at: '2026-03-01T00:00:00Z',
        agent_id: 'anna',
        name: 'Anna',
        line: 1,
        team_id: 'l1',
      },
      {
        id: 'a2',
        type: 'agent.profile',
        at: '2026-03-01T00:00:00Z',
        agent_id: 'olga',
        name: 'Olga',
        line: 1,
        team_id: 'l1',
      },
      {
        id: 'a3',
        type: 'agent.profile',
        at: '2026-03-01T00:00:00Z',
        agent_id: 'ivan',
        name: 'Ivan',
        line: 2,
        team_id: 'l2',
      },
    ]);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });
  const setStatus = (agent: string, status: string, atMin: number) => {
    clock = T0 + atMin * MIN;
    return app.inject({ method: 'POST', url: `/api/v1/agents/${agent}/status`, payload: { status } });
  };
  const reminder = async (agent: string, atMin: number) => {
    clock = T0 + atMin * MIN;
    return (await app.inject({ method: 'GET', url: `/api/v1/agents/${agent}/break` })).json();
  };

  it('reminds after 60 minutes of continuous work; a break under five minutes does not reset the clock', async () => {
    expect((await setStatus('anna', 'available', 0)).json()).toMatchObject({ state: 'working', worked_s: 0 });
    await setStatus('anna', 'busy', 20);
    expect(await reminder('anna', 59)).toMatchObject({
      state: 'working',
      worked_s: 3540,
      break_due_at: '2026-03-02T10:00:00.000Z',
    });
    expect(await reminder('anna', 61)).toMatchObject({ state: 'overdue', over_limit: false });
    expect((await setStatus('anna', 'break', 61)).json()).toMatchObject({ state: 'on_break', break_s: 0 });
    await setStatus('anna', 'available', 64);
    // three minutes off: the same stretch goes on
    expect(await reminder('anna', 72)).toMatchObject({
      state: 'overdue',
      working_since: '2026-03-02T09:00:00.000Z',
      over_limit: true,
    });
    await setStatus('anna', 'break', 72);
    expect(await reminder('anna', 82)).toMatchObject({ state: 'on_break', break_s: 600, break_counts: true });
    expect((await setStatus('anna', 'available', 82)).json()).toMatchObject({
      state: 'working',
      working_since: '2026-03-02T10:22:00.000Z',
      worked_s: 0,
    });
  });

  it('the board: who is working, overdue, on a break or offline, with counts; filters by team and line', async () => {
    await setStatus('olga', 'busy', 0);
    await setStatus('ivan', 'break', 80);
    clock = T0 + 90 * MIN;
    const board = (await app.inject({ method: 'GET', url: '/api/v1/agents/breaks' })).json();
    expect(board.counts).toEqual({ working: 1, overdue: 1, on_break: 1, offline: 0 });
    expect(board.agents.map((a: { agent_id: string; state: string }) => [a.agent_id, a.state])).toEqual([
      ['anna', 'working'],
      ['ivan', 'on_break'],
      ['olga', 'overdue'],
    ]);
    const l2 = (await app.inject({ method: 'GET', url: '/api/v1/agents/breaks?line=2' })).json();
    expect(l2.agents.map((a: { agent_id: string }) => a.agent_id)).toEqual(['ivan']);
  });

  it('the break compliance KPI sees the same stretches', async () => {
    const rows = await store.db
      .selectFrom('agent_stretches')
      .selectAll()
      .where('agent_id', '=', 'anna')
      .orderBy('start_at')
      .execute();
    // 09:00–10:12 (72 min, over 70: not compliant), then from 10:22 (open)
    expect(
      rows.map((r) => [Number(r.start_at), r.end_at === null ? null : Number(r.end_at), r.compliant]),
    ).toEqual([
      [T0, T0 + 72 * MIN, 0],
      [T0 + 82 * MIN, null, null],
    ]);
  });

  it('unknown agent: 404; a bad status: 400 naming the field', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/agents/nobody/break' })).statusCode).toBe(404);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/agents/anna/status',
      payload: { status: 'lunch' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('status');
  });
});
