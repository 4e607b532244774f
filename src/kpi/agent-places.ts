import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';

export type AgentPlaces = Map<string, { team_id: string | null; line: number | null }>;

/** Each agent's current team and line (work stretches and contacts are cut and grouped by them). */
export async function agentPlaces(db: Kysely<Database>): Promise<AgentPlaces> {
  const rows = await db.selectFrom('agents').select(['agent_id', 'team_id', 'line']).execute();
  return new Map(
    rows.map((r) => [r.agent_id, { team_id: r.team_id, line: r.line === null ? null : Number(r.line) }]),
  );
}

/** An agent's current team or line as a filter value and group key; null for no agent, or none set. */
export function placeOf(places: AgentPlaces, dim: 'team' | 'line', agent: string | null): string | null {
  const place = agent === null ? undefined : places.get(agent);
  const value = dim === 'team' ? place?.team_id : place?.line;
  return value === null || value === undefined ? null : String(value);
}
