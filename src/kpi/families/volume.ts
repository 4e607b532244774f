import { sql } from 'kysely';
import type { Computed, Family, FamilyContext } from '../family.js';
import { codeAt } from '../frame-columns.js';
import { countCurrent, measureFrame } from '../frame-fold.js';
import { countReducer } from '../reducers.js';
import { ticketFrame } from '../ticket-frame.js';
import type { KpiId, KpiQuery } from '../types.js';

/**
 * Hours each agent worked inside the period: their work stretches clipped to it (a running stretch to now),
 * summed inside the database in whole milliseconds.
 */
export async function hoursWorked(
  ctx: FamilyContext,
  agents: readonly string[],
  q: KpiQuery = ctx.q,
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  // CASE rather than least()/greatest() (PostgreSQL) or min()/max() (SQLite): the same SQL on both
  const end = sql<number>`coalesce(end_at, ${q.now})`;
  const clippedEnd = sql<number>`case when ${end} < ${q.to} then ${end} else ${q.to} end`;
  const clippedStart = sql<number>`case when start_at > ${q.from} then start_at else ${q.from} end`;
  const wanted = new Set(agents);
  if (wanted.size === 0) return out;
  // Every agent's stretches of the period, the wanted kept here: a condition on agent_id would lead the
  // planner to the (agent_id, start_at) key and through each agent's whole history (5 s at 5M tickets,
  // against 50 ms over the two ranges on (end_at, start_at), whose cost follows the period).
  const rows = await ctx.db
    .selectFrom('agent_stretches')
    .select(['agent_id', sql<number | string>`sum(${clippedEnd} - ${clippedStart})`.as('ms')])
    .where((eb) =>
      eb.or([
        eb.and([eb('end_at', 'is', null), eb('start_at', '<', q.to)]),
        eb.and([eb('end_at', '>', q.from), eb('start_at', '<', q.to)]),
      ]),
    )
    .where(sql<boolean>`${clippedEnd} > ${clippedStart}`)
    .groupBy('agent_id')
    .execute();
  for (const r of rows) if (wanted.has(r.agent_id)) out.set(r.agent_id, Number(r.ms) / 3_600_000);
  return out;
}

/** SPEC §3 #2 and #3. */
export const volume: Family = async (ctx, wanted) => {
  const out: Partial<Record<KpiId, Computed>> = {};
  const always = () => true;
  if (wanted.has('tickets_created')) {
    const frame = await ticketFrame(ctx, [{ at: 'created_at' }], 'created_by', []);
    out.tickets_created = {
      kind: 'count',
      cut: measureFrame(ctx, 'tickets_created', frame, countReducer, {}, always),
    };
  }
  if (wanted.has('tickets_processed')) {
    const frame = await ticketFrame(ctx, [{ at: 'l1_processed_at' }], 'l1_processed_by', [
      'l1_outcome',
      'l1_processed_by',
    ]);
    const outcome = codeAt(frame, 'l1_outcome');
    const by = codeAt(frame, 'l1_processed_by');
    // Per agent-hour of the agents who did this first-line work, over the hours they were working.
    const codes = new Set<number>();
    for (let i = 0; i < frame.size; i++) if (frame.current[i] === 1 && by.at(i) >= 0) codes.add(by.at(i));
    const hours = await hoursWorked(ctx, [...codes].map(by.text));
    const totalHours = [...hours.values()].reduce((a, b) => a + b, 0);
    const withHours = countCurrent(frame, (i) => by.at(i) >= 0 && hours.has(by.text(by.at(i))));
    const resolved = outcome.of('resolved');
    const dispatched = outcome.of('dispatched');
    out.tickets_processed = {
      kind: 'count',
      cut: measureFrame(ctx, 'tickets_processed', frame, countReducer, {}, always),
      extra: {
        resolved_by_l1: countCurrent(frame, (i) => outcome.at(i) === resolved),
        dispatched: countCurrent(frame, (i) => outcome.at(i) === dispatched),
        agent_hours: totalHours,
        per_agent_hour: totalHours > 0 ? withHours / totalHours : null,
      },
    };
  }
  return out;
};
