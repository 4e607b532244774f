import { firstEndingFrom } from '../../store/fact-cache/stretch-table.js';
import type { Item, Reducer } from '../aggregate.js';
import type { Computed, Family, FamilyContext } from '../family.js';
import { codeAt } from '../frame-columns.js';
import { countCurrent, foldFrame, measureFrame } from '../frame-fold.js';
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

/** Items per dictionary code of a text column (a code is stable for the life of the table it codes). */
const codeCountReducer: Reducer<Item & { code: number }, Map<number, number>, Map<number, number>> = {
  empty: () => new Map(),
  add: (s, it) => {
    s.set(it.code, (s.get(it.code) ?? 0) + 1);
  },
  value: (s) => s,
  merge: (into, from) => {
    for (const [code, n] of from) into.set(code, (into.get(code) ?? 0) + n);
  },
};

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
    // items per agent (by dictionary code) through per-day states; the hours come from outside the facts
    const perAgent = foldFrame(
      frame,
      { ...ctx.q, by: null, bucket: null },
      codeCountReducer,
      { code: -1 },
      (it, i) => {
        it.code = by.at(i);
        return it.code >= 0;
      },
      undefined,
      'tickets_processed:per_agent',
    ).total;
    const hours = await hoursWorked(ctx, [...perAgent.keys()].map(by.text));
    const totalHours = [...hours.values()].reduce((a, b) => a + b, 0);
    let withHours = 0;
    for (const [code, n] of perAgent) if (hours.has(by.text(code))) withHours += n;
    const resolved = outcome.of('resolved');
    const dispatched = outcome.of('dispatched');
    out.tickets_processed = {
      kind: 'count',
      cut: measureFrame(ctx, 'tickets_processed', frame, countReducer, {}, always),
      extra: {
        resolved_by_l1: countCurrent(
          frame,
          ctx.q,
          'tickets_processed:resolved',
          (i) => outcome.at(i) === resolved,
        ),
        dispatched: countCurrent(
          frame,
          ctx.q,
          'tickets_processed:dispatched',
          (i) => outcome.at(i) === dispatched,
        ),
        agent_hours: totalHours,
        per_agent_hour: totalHours > 0 ? withHours / totalHours : null,
      },
    };
  }
  return out;
};
