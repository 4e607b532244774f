import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';

/** Each agent's current team and line (work stretches and contacts are cut and grouped by them). */
export async function agentPlaces(
  db: Kysely<Database>,
): Promise<Map<string, { team_id: string | null; line: number | null }>> {
  const rows = await db.selectFrom('agents').select(['agent_id', 'team_id', 'line']).execute();
  return new Map(
    rows.map((r) => [r.agent_id, { team_id: r.team_id, line: r.line === null ? null : Number(r.line) }]),
  );
}
