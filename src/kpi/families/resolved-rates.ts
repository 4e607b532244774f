import { type Computed, type Family, measure } from '../family.js';
import { type RateItem, rateReducer } from '../reducers.js';
import { fetchTicketRows, groupKeys, type TicketRow } from '../ticket-rows.js';
import type { KpiId, KpiQuery } from '../types.js';

type Rule = { include: (r: TicketRow) => boolean; hit: (r: TicketRow, q: KpiQuery) => boolean };

const reopenedWithin = (gap: unknown, q: KpiQuery) =>
  gap !== null && gap !== undefined && Number(gap) <= q.params.reopen_window_s;

/** SPEC §3 rates over resolved tickets (reference: the first resolution). */
const RULES: Partial<Record<KpiId, Rule>> = {
  // #9: tickets resolved without any response (spam, duplicates) are out on both sides (fcr_base null).
  fcr: {
    include: (r) => r.fcr_base !== null,
    hit: (r, q) => r.fcr_base === 1 && !reopenedWithin(r.first_reopen_gap_s, q),
  },
  l1_resolution: { include: () => true, hit: (r) => r.l1_resolved === 1 },
  escalation: { include: () => true, hit: (r) => Number(r.escalation_count) > 0 },
  reopen: { include: () => true, hit: (r, q) => reopenedWithin(r.min_reopen_gap_s, q) },
  rated: { include: () => true, hit: (r) => r.rating_score !== null },
  // a call-back counts when the customer was reached: an unanswered attempt collects no feedback
  callback: { include: () => true, hit: (r) => Number(r.callback_reached) > 0 },
};

export const resolvedRates: Family = async (ctx, wanted) => {
  const ids = (Object.keys(RULES) as KpiId[]).filter((id) => wanted.has(id));
  if (!ids.length) return {};
  const rows = await fetchTicketRows(ctx.db, ctx.q, [{ at: 'first_resolved_at' }], 'first_resolved_by', [
    'fcr_base',
    'first_reopen_gap_s',
    'min_reopen_gap_s',
    'l1_resolved',
    'escalation_count',
    'rating_score',
    'callback_reached',
  ]);
  const keys = await groupKeys(ctx.db, ctx.q, rows);
  const out: Partial<Record<KpiId, Computed>> = {};
  for (const id of ids) {
    const rule = RULES[id]!;
    const items: RateItem[] = rows
      .filter(rule.include)
      .map((r) => ({ id: r.ticket_id, at: r.at, groups: keys(r), hit: rule.hit(r, ctx.q) }));
    out[id] = { kind: 'rate', cut: measure(ctx, id, items, rateReducer) };
    if (id === 'fcr') {
      // FCR of a ticket resolved less than a reopen window ago may still fall; say how many such items there are.
      const open = items.filter(
        (it) =>
          it.at >= ctx.q.from && it.at < ctx.q.to && it.at > ctx.q.now - ctx.q.params.reopen_window_s * 1000,
      );
      out[id]!.extra = { provisional: open.length };
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
    const rows = (
      await fetchTicketRows(ctx.db, ctx.q, refs, 'classified_by', ['classified_l1', 'reclassify_count'])
    ).filter((r) => r.classified_l1 === 1);
    const keys = await groupKeys(ctx.db, ctx.q, rows);
    const items = rows.map((r) => ({
      id: r.ticket_id,
      at: r.at,
      groups: keys(r),
      hit: Number(r.reclassify_count) === 0,
    }));
    out.correct_classification = {
      kind: 'rate',
      cut: measure(ctx, 'correct_classification', items, rateReducer),
    };
  }
  if (wanted.has('correct_assignment')) {
    const rows = (
      await fetchTicketRows(ctx.db, ctx.q, refs, 'first_assigned_by', [
        'manual_assigned',
        'manual_assignment_kept',
      ])
    ).filter((r) => r.manual_assigned === 1);
    const keys = await groupKeys(ctx.db, ctx.q, rows);
    const items = rows.map((r) => ({
      id: r.ticket_id,
      at: r.at,
      groups: keys(r),
      hit: r.manual_assignment_kept === 1,
    }));
    out.correct_assignment = { kind: 'rate', cut: measure(ctx, 'correct_assignment', items, rateReducer) };
  }
  return out;
};
