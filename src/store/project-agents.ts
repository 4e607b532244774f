import type { Kysely } from 'kysely';
import type { EventOf } from '../domain/events.js';
import { deriveStretches } from '../facts/agent-stretches.js';
import { byTime, type Sequenced } from '../facts/sequenced.js';
import type { DialectHelpers } from './dialect.js';
import { keyed } from './load.js';
import type { Database } from './schema.js';
import { upsertRows } from './upsert.js';

/**
 * Derives the work stretches (break compliance) and the current status of the given agents. Only the
 * stretches from the one that holds (or precedes) the earliest new status are derived again, so the cost
 * of a status change does not grow with the agent's history.
 */
export async function projectAgentStatuses(
  trx: Kysely<Database>,
  helpers: DialectHelpers,
  earliest: ReadonlyMap<string, number>,
  rev: number,
): Promise<void> {
  if (earliest.size === 0) return;
  await helpers.lockKeys(trx, keyed('agent-status', earliest.keys()));
  for (const [agentId, from] of earliest) {
    const anchorRow = await trx
      .selectFrom('agent_stretches')
      .select((eb) => eb.fn.max('start_at').as('start'))
      .where('agent_id', '=', agentId)
      .where('start_at', '<=', from)
      .executeTakeFirst();
    const anchor =
      anchorRow?.start === null || anchorRow?.start === undefined
        ? Number.NEGATIVE_INFINITY
        : Number(anchorRow.start);
    let q = trx
      .selectFrom('events')
      .select(['seq', 'at', 'body'])
      .where('stream', '=', `agent-status:${agentId}`);
    if (Number.isFinite(anchor)) q = q.where('at', '>=', anchor);
    const statuses = (await q.execute()).map((r) => ({
      seq: Number(r.seq),
      at: Number(r.at),
      event: JSON.parse(r.body) as EventOf<'agent.status'>,
    })) as Sequenced<EventOf<'agent.status'>>[];
    let del = trx.deleteFrom('agent_stretches').where('agent_id', '=', agentId);
    if (Number.isFinite(anchor)) del = del.where('start_at', '>=', anchor);
    await del.execute();
    const stretches = deriveStretches(agentId, statuses);
    if (stretches.length)
      await upsertRows(
        trx,
        helpers,
        'agent_stretches',
        ['agent_id', 'start_at'],
        stretches as unknown as Record<string, unknown>[],
      );
    const last = [...statuses].sort(byTime).at(-1);
    const current = await trx
      .selectFrom('agents')
      .select(['status_at'])
      .where('agent_id', '=', agentId)
      .executeTakeFirst();
    const newer = last !== undefined && (current?.status_at == null || Number(current.status_at) <= last.at);
    if (current) {
      await trx
        .updateTable('agents')
        .set(
          newer
            ? { status: last.event.status, status_at: last.at, stretches_rev: rev }
            : { stretches_rev: rev },
        )
        .where('agent_id', '=', agentId)
        .execute();
    } else {
      await upsertRows(
        trx,
        helpers,
        'agents',
        ['agent_id'],
        [
          {
            agent_id: agentId,
            name: null,
            line: null,
            team_id: null,
            role: null,
            profile_at: 0,
            status: last?.event.status ?? null,
            status_at: last?.at ?? null,
            stretches_rev: rev,
          },
        ],
      );
    }
  }
}
