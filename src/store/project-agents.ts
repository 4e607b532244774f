import type { Kysely } from 'kysely';
import type { EventOf } from '../domain/events.js';
import { deriveStretches } from '../facts/agent-stretches.js';
import { byTime, type Sequenced } from '../facts/sequenced.js';
import type { DialectHelpers } from './dialect.js';
import { keyed, loadStreams } from './load.js';
import type { Database } from './schema.js';
import { streamId } from './streams.js';
import { replaceChildren, upsertRows } from './upsert.js';

/** Derives the work stretches (break compliance) and the current status of the given agents. */
export async function projectAgentStatuses(
  trx: Kysely<Database>,
  helpers: DialectHelpers,
  agentIds: ReadonlySet<string>,
): Promise<void> {
  if (agentIds.size === 0) return;
  const streams = keyed('agent-status', agentIds);
  await helpers.lockKeys(trx, streams);
  const loaded = await loadStreams(trx, streams);
  const stretches = [];
  const current = [];
  for (const [stream, events] of loaded) {
    const agentId = streamId(stream);
    const statuses = events as Sequenced<EventOf<'agent.status'>>[];
    stretches.push(...deriveStretches(agentId, statuses));
    const last = [...statuses].sort(byTime).at(-1);
    if (last) current.push({ agent_id: agentId, status: last.event.status, status_at: last.at });
  }
  await replaceChildren(
    trx,
    helpers,
    'agent_stretches',
    'agent_id',
    [...agentIds],
    stretches as unknown as Record<string, unknown>[],
  );
  for (const c of current) {
    const updated = await trx
      .updateTable('agents')
      .set({ status: c.status, status_at: c.status_at })
      .where('agent_id', '=', c.agent_id)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) {
      await upsertRows(
        trx,
        helpers,
        'agents',
        ['agent_id'],
        [
          {
            agent_id: c.agent_id,
            name: null,
            line: null,
            team_id: null,
            role: null,
            profile_at: 0,
            status: c.status,
            status_at: c.status_at,
          },
        ],
      );
    }
  }
}
