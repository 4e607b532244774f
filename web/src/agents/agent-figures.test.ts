import { describe, expect, it } from 'vitest';
import type { AgentRow } from '../api/insights.js';
import { FIGURE_COLUMNS, sortAgents, versusMedian } from './agent-figures.js';

const col = (id: string) => FIGURE_COLUMNS.find((c) => c.id === id)!;
const row = (agent_id: string, fcr: number | null): AgentRow =>
  ({ agent_id, name: agent_id, figures: { fcr } }) as unknown as AgentRow;

describe('agents table columns', () => {
  it('judges a figure against the team median the way it reads', () => {
    expect(versusMedian(col('fcr'), 0.61, 0.84, 'en')).toBe('worse');
    expect(versusMedian(col('reopen'), 0.02, 0.04, 'en')).toBe('better');
    // 84.01 % and 84.04 % both read 84.0 %: no verdict on a difference nobody can see
    expect(versusMedian(col('fcr'), 0.8401, 0.8404, 'en')).toBe('same');
    // handle time has no better side on its own
    expect(versusMedian(col('handle_time'), 300, 450, 'en')).toBeNull();
    expect(versusMedian(col('csat'), null, 0.8, 'en')).toBeNull();
  });

  it('sorts by a figure with missing values last, ties by name', () => {
    const rows = [row('b', 0.5), row('a', null), row('c', 0.9), row('d', 0.5)];
    expect(sortAgents(rows, 'fcr', true).map((r) => r.agent_id)).toEqual(['c', 'b', 'd', 'a']);
    expect(sortAgents(rows, 'fcr', false).map((r) => r.agent_id)).toEqual(['b', 'd', 'c', 'a']);
    expect(sortAgents(rows, 'name', false).map((r) => r.agent_id)).toEqual(['a', 'b', 'c', 'd']);
  });
});
