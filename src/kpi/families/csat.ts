import type { Item, Reducer } from '../aggregate.js';
import type { Family } from '../family.js';
import { codeAt, numberAt } from '../frame-columns.js';
import { foldFrame, measureFrame } from '../frame-fold.js';
import { ticketFrame } from '../ticket-frame.js';
import type { RateValue } from '../types.js';

export interface CsatValue extends RateValue {
  mean_score: number | null;
}

interface ScoreItem extends Item {
  score: number;
}
type Scratch = { score: number; hit: boolean; via: string | null };
const scratch = (): Scratch => ({ score: 0, hit: false, via: null });

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
  merge: (into, from) => {
    into.n += from.n;
    into.sat += from.sat;
    into.sum += from.sum;
  },
};

/** SPEC §3 #16: by rating instant; the latest rating of a ticket counts; broken down by rating channel. */
export const csat: Family = async (ctx, wanted) => {
  if (!wanted.has('csat')) return {};
  const frame = await ticketFrame(ctx, [{ at: 'rated_at' }], 'first_resolved_by', [
    'rating_score',
    'rating_via',
  ]);
  const score = numberAt(frame, 'rating_score');
  const via = codeAt(frame, 'rating_via');
  // hit and via ride along for drill-down (satisfied or not, and how the rating came)
  const fill = (it: Scratch, i: number) => {
    it.score = score(i) ?? 0;
    it.hit = it.score >= 4;
    const code = via.at(i);
    it.via = code < 0 ? null : via.text(code);
    return true;
  };
  const noGroups = { ...ctx.q, by: null, bucket: null };
  const byVia = Object.fromEntries(
    ['link', 'callback', 'portal'].map((name) => {
      const code = via.of(name);
      const only = (it: Scratch, i: number) => via.at(i) === code && fill(it, i);
      return [
        name,
        foldFrame(frame, noGroups, csatReducer, scratch(), only, undefined, `csat:via:${name}`).total,
      ];
    }),
  );
  return {
    csat: {
      kind: 'rate',
      cut: measureFrame(ctx, 'csat', frame, csatReducer, scratch(), fill),
      extra: { by_via: byVia },
    },
  };
};
