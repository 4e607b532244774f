import type { TicketFacts } from '../../facts/types.js';
import type { Computed, Family, FamilyContext } from '../family.js';
import { numberAt, thresholdsAt } from '../frame-columns.js';
import { foldFrame, measureFrame } from '../frame-fold.js';
import { durationReducer, type Thresholds } from '../reducers.js';
import type { DurationTargetKpi } from '../targets.js';
import { ticketFrame } from '../ticket-frame.js';
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

interface DurationFields {
  seconds: number | null;
  thresholds: Thresholds | null;
}
const scratch = (): DurationFields => ({ seconds: null, thresholds: null });

async function durationFrame(ctx: FamilyContext, id: keyof typeof SPECS, extraCols: Col[] = []) {
  const spec = SPECS[id];
  const col = ctx.q.time === 'business' ? spec.bs : spec.s;
  const frame = await ticketFrame(
    ctx,
    [{ at: spec.at }, { at: 'created_at', whenNull: spec.at, onlyOpen: true }],
    spec.agent,
    ['channel', 'priority', col, spec.at, ...extraCols],
  );
  const done = numberAt(frame, spec.at);
  const seconds = numberAt(frame, col);
  const thresholds = thresholdsAt(frame, ctx.targets.durations[id as DurationTargetKpi]);
  const fill = (it: DurationFields, i: number) => {
    it.seconds = done(i) === null ? null : (seconds(i) ?? 0);
    it.thresholds = thresholds(i);
    return true;
  };
  return { frame, fill };
}

export const ticketDurations: Family = async (ctx, wanted) => {
  const out: Partial<Record<KpiId, Computed>> = {};
  for (const id of ['first_response', 'time_to_assign'] as const) {
    if (!wanted.has(id)) continue;
    const { frame, fill } = await durationFrame(ctx, id);
    out[id] = { kind: 'duration', cut: measureFrame(ctx, id, frame, durationReducer, scratch(), fill) };
  }
  if (wanted.has('resolution')) {
    const { frame, fill } = await durationFrame(ctx, 'resolution', ['fcr_base', 'first_reopen_gap_s']);
    const window = ctx.q.params.reopen_window_s;
    const fcrBase = numberAt(frame, 'fcr_base');
    const reopenGap = numberAt(frame, 'first_reopen_gap_s');
    const isFcr = (i: number) => {
      const gap = reopenGap(i);
      return fcrBase(i) === 1 && (gap === null || gap > window);
    };
    const noGroups = { ...ctx.q, by: null, bucket: null };
    // "Time to resolution after dialogue": the same over resolved tickets that were not solved at first contact.
    const afterDialogue = foldFrame(
      frame,
      noGroups,
      durationReducer,
      scratch(),
      (it, i) => {
        fill(it, i);
        return it.seconds !== null && fcrBase(i) !== null && !isFcr(i);
      },
      undefined,
      'resolution:after_dialogue',
    );
    const finalCol = ctx.q.time === 'business' ? 'final_resolution_bs' : 'final_resolution_s';
    const finals = await ticketFrame(ctx, [{ at: 'final_resolved_at' }], 'first_resolved_by', [
      'channel',
      'priority',
      finalCol,
    ]);
    const finalSeconds = numberAt(finals, finalCol);
    const finalThresholds = thresholdsAt(finals, ctx.targets.durations.resolution);
    const final = foldFrame(
      finals,
      noGroups,
      durationReducer,
      scratch(),
      (it, i) => {
        it.seconds = finalSeconds(i) ?? 0;
        it.thresholds = finalThresholds(i);
        return true;
      },
      undefined,
      'resolution:final',
    );
    out.resolution = {
      kind: 'duration',
      cut: measureFrame(ctx, 'resolution', frame, durationReducer, scratch(), fill),
      extra: { final: strip(final.total), after_dialogue: strip(afterDialogue.total) },
    };
  }
  return out;
};

function strip<T extends { item_tier?: unknown }>(v: T): Omit<T, 'item_tier'> {
  const { item_tier: _, ...rest } = v;
  return rest;
}
