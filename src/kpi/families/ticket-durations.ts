import type { TicketFacts } from '../../facts/types.js';
import { cut } from '../aggregate.js';
import { type Computed, type Family, type FamilyContext, measure } from '../family.js';
import { type DurationItem, durationReducer } from '../reducers.js';
import { type DurationTargetKpi, thresholdsFor } from '../targets.js';
import { fetchTicketRows, groupKeys, type TicketRow } from '../ticket-rows.js';
import type { KpiId } from '../types.js';

type Col = keyof TicketFacts & string;
interface Spec {
  at: Col;
  s: Col;
  bs: Col;
  agent: Col;
}

/** SPEC §3 #4, #5, #14: each runs from the ticket's start; a missing milestone on an open ticket is pending. */
const SPECS: Record<'first_response' | 'time_to_assign' | 'resolution', Spec> = {
  first_response: {
    at: 'first_response_at',
    s: 'first_response_s',
    bs: 'first_response_bs',
    agent: 'first_response_by',
  },
  time_to_assign: { at: 'first_assigned_at', s: 'assign_s', bs: 'assign_bs', agent: 'first_assigned_by' },
  resolution: { at: 'first_resolved_at', s: 'resolution_s', bs: 'resolution_bs', agent: 'first_resolved_by' },
};

async function durationKpi(ctx: FamilyContext, id: keyof typeof SPECS, extraCols: Col[] = []) {
  const spec = SPECS[id];
  const col = ctx.q.time === 'business' ? spec.bs : spec.s;
  const rows = await fetchTicketRows(
    ctx.db,
    ctx.q,
    [{ at: spec.at }, { at: 'created_at', whenNull: spec.at, onlyOpen: true }],
    spec.agent,
    ['channel', 'priority', col, spec.at, ...extraCols],
  );
  const keys = await groupKeys(ctx.db, ctx.q, rows);
  const policies = ctx.targets.durations[id as DurationTargetKpi];
  const item = (r: TicketRow): DurationItem => ({
    id: r.ticket_id,
    at: r.at,
    groups: keys(r),
    seconds: r[spec.at] === null ? null : Number(r[col]),
    thresholds: thresholdsFor(policies, String(r.channel), (r.priority as string | null) ?? null),
  });
  return { rows, items: rows.map(item), col };
}

export const ticketDurations: Family = async (ctx, wanted) => {
  const out: Partial<Record<KpiId, Computed>> = {};
  for (const id of ['first_response', 'time_to_assign'] as const) {
    if (!wanted.has(id)) continue;
    const { items } = await durationKpi(ctx, id);
    out[id] = { kind: 'duration', cut: measure(ctx, id, items, durationReducer) };
  }
  if (wanted.has('resolution')) {
    const { items, rows } = await durationKpi(ctx, 'resolution', ['fcr_base', 'first_reopen_gap_s']);
    const window = ctx.q.params.reopen_window_s;
    const isFcr = (r: TicketRow) =>
      r.fcr_base === 1 && (r.first_reopen_gap_s === null || Number(r.first_reopen_gap_s) > window);
    // "Time to resolution after dialogue": the same over resolved tickets that were not solved at first contact.
    const afterDialogue = items.filter(
      (it, i) => it.seconds !== null && rows[i]!.fcr_base !== null && !isFcr(rows[i]!),
    );
    const finalCol = ctx.q.time === 'business' ? 'final_resolution_bs' : 'final_resolution_s';
    const finals = await fetchTicketRows(ctx.db, ctx.q, [{ at: 'final_resolved_at' }], 'first_resolved_by', [
      'channel',
      'priority',
      finalCol,
    ]);
    const policies = ctx.targets.durations.resolution;
    const finalItems = finals.map((r) => ({
      id: r.ticket_id,
      at: r.at,
      groups: [],
      seconds: Number(r[finalCol]),
      thresholds: thresholdsFor(policies, String(r.channel), (r.priority as string | null) ?? null),
    }));
    const noGroups = { ...ctx.q, by: null, bucket: null };
    out.resolution = {
      kind: 'duration',
      cut: measure(ctx, 'resolution', items, durationReducer),
      extra: {
        final: strip(cut(finalItems, noGroups, durationReducer).total),
        after_dialogue: strip(
          cut(
            afterDialogue.map((i) => ({ ...i, groups: [] })),
            noGroups,
            durationReducer,
          ).total,
        ),
      },
    };
  }
  return out;
};

function strip<T extends { item_tier?: unknown }>(v: T): Omit<T, 'item_tier'> {
  const { item_tier: _, ...rest } = v;
  return rest;
}
