import { firstEndingFrom } from '../../store/fact-cache/stretch-table.js';
import type { Computed, Family, FamilyContext } from '../family.js';
import { codeAt } from '../frame-columns.js';
import { countCurrent, measureFrame } from '../frame-fold.js';
import { countReducer } from '../reducers.js';
import { ticketFrame } from '../ticket-frame.js';
import type { KpiId, KpiQuery } from '../types.js';
import { stretchesOf } from './stretches.js';

/**
 * Hours each agent worked inside the period: their work stretches clipped to it (a running stretch to now),
 * summed in whole milliseconds over the stretches held in memory.
 */
export async function hoursWorked(
  ctx: FamilyContext,
  agents: readonly string[],
  q: KpiQuery = ctx.q,
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (agents.length === 0) return out;
  const table = await stretchesOf(ctx.db);
  for (const agent of new Set(agents)) {
    const s = table.of(agent);
    if (!s) continue;
    let ms = 0;
    for (let i = firstEndingFrom(s, q.from); i < s.start.length && s.start[i]! < q.to; i++) {
      const end = Number.isNaN(s.end[i]!) ? q.now : s.end[i]!;
      const clippedEnd = Math.min(end, q.to);
      const clippedStart = Math.max(s.start[i]!, q.from);
      if (clippedEnd > clippedStart) ms += clippedEnd - clippedStart;
    }
    if (ms > 0) out.set(agent, ms / 3_600_000);
  }
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
