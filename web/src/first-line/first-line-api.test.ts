import { describe, expect, it } from 'vitest';
import type { BoardAgent, BreakState } from '../api/first-line-types.js';
import { boardOrder, wholeMinutes } from './first-line-api.js';

const agent = (
  agent_id: string,
  state: BreakState,
  worked_s: number | null,
  break_s: number | null = null,
): BoardAgent => ({
  agent_id,
  name: agent_id.toUpperCase(),
  state,
  status: state === 'on_break' ? 'break' : state === 'offline' ? 'offline' : 'available',
  working_since: null,
  worked_s,
  break_due_at: null,
  over_limit: false,
  break_started_at: null,
  break_s,
  break_counts: false,
  line: 1,
  team_id: null,
});

describe('the break board’s order', () => {
  it('puts the overdue first (longest stretch first), then breaks, then work, then offline', () => {
    const order = boardOrder([
      agent('w-short', 'working', 600),
      agent('off', 'offline', null),
      agent('o-61', 'overdue', 61 * 60),
      agent('b', 'on_break', null, 120),
      agent('o-90', 'overdue', 90 * 60),
      agent('w-long', 'working', 3000),
      agent('b-long', 'on_break', null, 700),
    ]).map((a) => a.agent_id);
    expect(order).toEqual(['o-90', 'o-61', 'b-long', 'b', 'w-long', 'w-short', 'off']);
  });

  it('leaves its input alone and says whole minutes, never negative', () => {
    const input = [agent('a', 'working', 10), agent('b', 'overdue', 4000)];
    boardOrder(input);
    expect(input.map((a) => a.agent_id)).toEqual(['a', 'b']);
    expect([wholeMinutes(3599), wholeMinutes(3600), wholeMinutes(null), wholeMinutes(-5)]).toEqual([
      59, 60, 0, 0,
    ]);
  });
});
