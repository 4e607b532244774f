import { chunk } from '../../store/chunks.js';
import type { FamilyContext } from '../family.js';
import { type Computed, type Family, inPeriod, measure } from '../family.js';
import { countReducer } from '../reducers.js';
import { fetchTicketRows, groupKeys } from '../ticket-rows.js';
import type { KpiId, KpiQuery } from '../types.js';

/** Hours each agent worked inside the period: their work stretches clipped to it (a running stretch to now). */
export async function hoursWorked(
  ctx: FamilyContext,
  agents: readonly string[],
  q: KpiQuery = ctx.q,
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const part of chunk([...new Set(agents)], 900)) {
    const rows = await ctx.db
      .selectFrom('agent_stretches')
      .select(['agent_id', 'start_at', 'end_at'])
      .where('agent_id', 'in', part)
      // two ranges on (end_at, start_at): the cost follows the period, not each agent's whole history
      .where((eb) =>
        eb.or([
          eb.and([eb('end_at', 'is', null), eb('start_at', '<', q.to)]),
          eb.and([eb('end_at', '>', q.from), eb('start_at', '<', q.to)]),
        ]),
      )
      .execute();
    for (const r of rows) {
      const end = Math.min(r.end_at === null ? q.now : Number(r.end_at), q.to);
      const start = Math.max(Number(r.start_at), q.from);
      if (end > start) out.set(r.agent_id, (out.get(r.agent_id) ?? 0) + (end - start) / 3_600_000);
    }
  }
  return out;
}

/** SPEC §3 #2 and #3. */
export const volume: Family = async (ctx, wanted) => {
  const { q } = ctx;
  const out: Partial<Record<KpiId, Computed>> = {};
  if (wanted.has('tickets_created')) {
    const rows = await fetchTicketRows(ctx.db, q, [{ at: 'created_at' }], 'created_by', []);
    const keys = await groupKeys(ctx.db, q, rows);
    out.tickets_created = {
      kind: 'count',
      cut: measure(
        ctx,
        'tickets_created',
        rows.map((r) => ({ id: r.ticket_id, at: r.at, groups: keys(r) })),
        countReducer,
      ),
    };
  }
  if (wanted.has('tickets_processed')) {
    const rows = await fetchTicketRows(ctx.db, q, [{ at: 'l1_processed_at' }], 'l1_processed_by', [
      'l1_outcome',
      'l1_processed_by',
    ]);
    const keys = await groupKeys(ctx.db, q, rows);
    const current = rows.filter((r) => inPeriod(r.at, q));
    // Per agent-hour of the agents who did this first-line work, over the hours they were working.
    const agents = [
      ...new Set(current.map((r) => r.l1_processed_by).filter((a): a is string => typeof a === 'string')),
    ];
    const hours = await hoursWorked(ctx, agents);
    const totalHours = [...hours.values()].reduce((a, b) => a + b, 0);
    const withHours = current.filter((r) => hours.has(String(r.l1_processed_by))).length;
    out.tickets_processed = {
      kind: 'count',
      cut: measure(
        ctx,
        'tickets_processed',
        rows.map((r) => ({ id: r.ticket_id, at: r.at, groups: keys(r) })),
        countReducer,
      ),
      extra: {
        resolved_by_l1: current.filter((r) => r.l1_outcome === 'resolved').length,
        dispatched: current.filter((r) => r.l1_outcome === 'dispatched').length,
        agent_hours: totalHours,
        per_agent_hour: totalHours > 0 ? withHours / totalHours : null,
      },
    };
  }
  return out;
};
