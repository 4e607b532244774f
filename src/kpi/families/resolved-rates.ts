import type { Computed, Family, FamilyContext } from '../family.js';
import { type Frame, forEachItemFrom } from '../frame.js';
import { numberAt } from '../frame-columns.js';
import { measureFrame } from '../frame-fold.js';
import { rateReducer } from '../reducers.js';
import { ticketFrame } from '../ticket-frame.js';
import type { KpiId } from '../types.js';

interface Hit {
  hit: boolean;
}
const scratch = (): Hit => ({ hit: false });

/** Which items a rate counts, and which of them are hits: item i of the frame, or null when left out. */
type Rule = (frame: Frame, ctx: FamilyContext) => (i: number) => boolean | null;

const reopenedWithin = (gap: number | null, window: number) => gap !== null && gap <= window;

/** SPEC §3 rates over resolved tickets (reference: the first resolution). */
const RULES: Partial<Record<KpiId, Rule>> = {
  // #9: tickets resolved without any response (spam, duplicates) are out on both sides (fcr_base null).
  fcr: (f, ctx) => {
    const base = numberAt(f, 'fcr_base');
    const gap = numberAt(f, 'first_reopen_gap_s');
    const window = ctx.q.params.reopen_window_s;
    return (i) => {
      const b = base(i);
      return b === null ? null : b === 1 && !reopenedWithin(gap(i), window);
    };
  },
  l1_resolution: (f) => {
    const l1 = numberAt(f, 'l1_resolved');
    return (i) => l1(i) === 1;
  },
  escalation: (f) => {
    const n = numberAt(f, 'escalation_count');
    return (i) => (n(i) ?? 0) > 0;
  },
  reopen: (f, ctx) => {
    const gap = numberAt(f, 'min_reopen_gap_s');
    const window = ctx.q.params.reopen_window_s;
    return (i) => reopenedWithin(gap(i), window);
  },
  rated: (f) => {
    const score = numberAt(f, 'rating_score');
    return (i) => score(i) !== null;
  },
  // a call-back counts when the customer was reached: an unanswered attempt collects no feedback
  callback: (f) => {
    const reached = numberAt(f, 'callback_reached');
    return (i) => (reached(i) ?? 0) > 0;
  },
};

/** A rate KPI over a frame: items where the rule says null are out, the others count with their hit. */
function rateOf(ctx: FamilyContext, id: KpiId, frame: Frame, rule: (i: number) => boolean | null) {
  return measureFrame(ctx, id, frame, rateReducer, scratch(), (it, i) => {
    const hit = rule(i);
    if (hit === null) return false;
    it.hit = hit;
    return true;
  });
}

export const resolvedRates: Family = async (ctx, wanted) => {
  const ids = (Object.keys(RULES) as KpiId[]).filter((id) => wanted.has(id));
  if (!ids.length) return {};
  const frame = await ticketFrame(ctx, [{ at: 'first_resolved_at' }], 'first_resolved_by', [
    'fcr_base',
    'first_reopen_gap_s',
    'min_reopen_gap_s',
    'l1_resolved',
    'escalation_count',
    'rating_score',
    'callback_reached',
  ]);
  const out: Partial<Record<KpiId, Computed>> = {};
  for (const id of ids) {
    const rule = RULES[id]!(frame, ctx);
    out[id] = { kind: 'rate', cut: rateOf(ctx, id, frame, rule) };
    if (id === 'fcr') {
      // FCR of a ticket resolved less than a reopen window ago may still fall; say how many such items there are.
      const { q } = ctx;
      const since = q.now - q.params.reopen_window_s * 1000;
      let provisional = 0;
      forEachItemFrom(frame, since, (i, current) => {
        if (current === 1 && frame.at[i]! > since && rule(i) !== null) provisional++;
      });
      out[id]!.extra = { provisional };
    }
  }
  return out;
};

/** SPEC §3 #11 and #12: reference is the resolution, or the closing of a ticket closed unresolved. */
export const dispatchQuality: Family = async (ctx, wanted) => {
  const out: Partial<Record<KpiId, Computed>> = {};
  const refs = [
    { at: 'first_resolved_at' as const },
    { at: 'closed_at' as const, whenNull: 'first_resolved_at' as const },
  ];
  if (wanted.has('correct_classification')) {
    const frame = await ticketFrame(ctx, refs, 'classified_by', ['classified_l1', 'reclassify_count']);
    const classified = numberAt(frame, 'classified_l1');
    const reclassified = numberAt(frame, 'reclassify_count');
    out.correct_classification = {
      kind: 'rate',
      cut: rateOf(ctx, 'correct_classification', frame, (i) =>
        classified(i) === 1 ? (reclassified(i) ?? 0) === 0 : null,
      ),
    };
  }
  if (wanted.has('correct_assignment')) {
    const frame = await ticketFrame(ctx, refs, 'first_assigned_by', [
      'manual_assigned',
      'manual_assignment_kept',
    ]);
    const manual = numberAt(frame, 'manual_assigned');
    const kept = numberAt(frame, 'manual_assignment_kept');
    out.correct_assignment = {
      kind: 'rate',
      cut: rateOf(ctx, 'correct_assignment', frame, (i) => (manual(i) === 1 ? kept(i) === 1 : null)),
    };
  }
  return out;
};
