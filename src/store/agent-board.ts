import type { Kysely } from 'kysely';
import type { BreakInput } from '../facts/break-reminder.js';
import type { Database } from './schema.js';

export interface AgentBreakRow extends BreakInput {
  agent_id: string;
  name: string | null;
  line: number | null;
  team_id: string | null;
}

/** Agents (all, or the one named) with their latest status and latest work stretch. */
export async function readAgentBreakRows(db: Kysely<Database>, agentId?: string): Promise<AgentBreakRow[]> {
  let q = db.selectFrom('agents').select(['agent_id', 'name', 'line', 'team_id', 'status', 'status_at']);
  if (agentId !== undefined) q = q.where('agent_id', '=', agentId);
  const agents = await q.orderBy('agent_id').execute();
  let s = db
    .selectFrom('agent_stretches as s')
    .select(['s.agent_id', 's.start_at', 's.end_at'])
    .where('s.start_at', '=', (eb) =>
      eb
        .selectFrom('agent_stretches as l')
        .select((e) => e.fn.max('l.start_at').as('m'))
        .whereRef('l.agent_id', '=', 's.agent_id'),
    );
  if (agentId !== undefined) s = s.where('s.agent_id', '=', agentId);
  const latest = new Map((await s.execute()).map((r) => [r.agent_id, r]));
  return agents.map((a) => {
    const st = latest.get(a.agent_id);
    return {
      agent_id: a.agent_id,
      name: a.name,
      line: a.line === null ? null : Number(a.line),
      team_id: a.team_id,
      status: a.status as BreakInput['status'],
      status_at: a.status_at === null ? null : Number(a.status_at),
      stretch: st
        ? { start_at: Number(st.start_at), end_at: st.end_at === null ? null : Number(st.end_at) }
        : null,
    };
  });
}
