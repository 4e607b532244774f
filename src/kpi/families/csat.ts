import type { Item, Reducer } from '../aggregate.js';
import { cut } from '../aggregate.js';
import { type Family, measure } from '../family.js';
import { fetchTicketRows, groupKeys } from '../ticket-rows.js';
import type { RateValue } from '../types.js';

export interface CsatValue extends RateValue {
  mean_score: number | null;
}

interface ScoreItem extends Item {
  score: number;
}

/** Satisfied share (4–5 ÷ rated) with the mean score beside it. */
export const csatReducer: Reducer<ScoreItem, { n: number; sat: number; sum: number }, CsatValue> = {
  empty: () => ({ n: 0, sat: 0, sum: 0 }),
  add: (s, i) => {
    s.n++;
    s.sum += i.score;
    if (i.score >= 4) s.sat++;
  },
  value: (s) => ({
    numerator: s.sat,
    denominator: s.n,
    value: s.n ? s.sat / s.n : null,
    mean_score: s.n ? s.sum / s.n : null,
  }),
};

/** SPEC §3 #16: by rating instant; the latest rating of a ticket counts; broken down by rating channel. */
export const csat: Family = async (ctx, wanted) => {
  if (!wanted.has('csat')) return {};
  const rows = await fetchTicketRows(ctx.db, ctx.q, [{ at: 'rated_at' }], 'first_resolved_by', [
    'rating_score',
    'rating_via',
  ]);
  const keys = await groupKeys(ctx.db, ctx.q, rows);
  const items = rows.map((r) => ({
    id: r.ticket_id,
    at: r.at,
    groups: keys(r),
    score: Number(r.rating_score),
    hit: Number(r.rating_score) >= 4,
    via: String(r.rating_via),
  }));
  const byVia = Object.fromEntries(
    ['link', 'callback', 'portal'].map((via) => [
      via,
      cut(
        items.filter((i) => i.via === via),
        { ...ctx.q, by: null, bucket: null },
        csatReducer,
      ).total,
    ]),
  );
  return { csat: { kind: 'rate', cut: measure(ctx, 'csat', items, csatReducer), extra: { by_via: byVia } } };
};
