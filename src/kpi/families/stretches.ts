import type { Kysely } from 'kysely';
import { FactCache } from '../../store/fact-cache/fact-cache.js';
import type { StretchTable } from '../../store/fact-cache/stretch-table.js';
import type { Database } from '../../store/schema.js';
import { factCacheOf } from '../../store/store.js';

/** Every agent's work stretches, from the store's copy (a transaction's connection reads one for the query). */
export function stretchesOf(db: Kysely<Database>): Promise<StretchTable> {
  return (factCacheOf(db) ?? new FactCache(db, 0)).stretches();
}

/** Each agent's current team and line (stretches are cut and grouped by them). */
export async function agentPlaces(
  db: Kysely<Database>,
): Promise<Map<string, { team_id: string | null; line: number | null }>> {
  const rows = await db.selectFrom('agents').select(['agent_id', 'team_id', 'line']).execute();
  return new Map(
    rows.map((r) => [r.agent_id, { team_id: r.team_id, line: r.line === null ? null : Number(r.line) }]),
  );
}
