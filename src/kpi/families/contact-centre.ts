import { contactFrame } from '../contact-frame.js';
import type { Computed, Family } from '../family.js';
import type { Frame } from '../frame.js';
import { codeAt, numberAt, thresholdsAt } from '../frame-columns.js';
import { countCurrent, foldFrame, measureFrame } from '../frame-fold.js';
import { countReducer, durationReducer, rateReducer, sumReducer, type Thresholds } from '../reducers.js';
import { ticketFrame } from '../ticket-frame.js';
import type { KpiId } from '../types.js';

interface DurationFields {
  seconds: number | null;
  thresholds: Thresholds | null;
}
const always = () => true;

/** SPEC §3 #1, #6, #7, #8 (contacts). */
export const contactCentre: Family = async (ctx, wanted) => {
  const { q } = ctx;
  const out: Partial<Record<KpiId, Computed>> = {};
  if (wanted.has('contacts_offered') || wanted.has('abandonment')) {
    const frame = await contactFrame(ctx, [{ at: 'offered_at' }], ['abandon_wait_s', 'negative_clamped']);
    const live = numberAt(frame, 'live');
    const outcome = codeAt(frame, 'outcome');
    const abandonWait = numberAt(frame, 'abandon_wait_s');
    const clamped = numberAt(frame, 'negative_clamped');
    const [answered, abandoned, selfServed] = ['answered', 'abandoned', 'self_served'].map(outcome.of) as [
      number,
      number,
      number,
    ];
    if (wanted.has('contacts_offered')) {
      out.contacts_offered = {
        kind: 'count',
        cut: measureFrame(ctx, 'contacts_offered', frame, countReducer, {}, always),
      };
    }
    if (wanted.has('abandonment')) {
      const short = (i: number) =>
        outcome.at(i) === abandoned && (abandonWait(i) ?? 0) < q.params.short_abandon_s;
      const cut = measureFrame(ctx, 'abandonment', frame, rateReducer, { hit: false }, (it, i) => {
        const o = outcome.at(i);
        if (live(i) !== 1 || (o !== answered && o !== abandoned) || short(i)) return false;
        it.hit = o === abandoned;
        return true;
      });
      out.abandonment = {
        kind: 'rate',
        cut,
        extra: {
          short_abandons: countCurrent(frame, q, 'abandonment:short', (i) => live(i) === 1 && short(i)),
          self_served: countCurrent(
            frame,
            q,
            'abandonment:self_served',
            (i) => live(i) === 1 && outcome.at(i) === selfServed,
          ),
          // SPEC §3 clock skew: an abandon stamped before the queue entry (or arrival) waited 0 s; say how many
          negative_clamped: countCurrent(
            frame,
            q,
            'abandonment:negative_clamped',
            (i) => live(i) === 1 && outcome.at(i) === abandoned && (clamped(i) ?? 0) > 0,
          ),
        },
      };
    }
  }
  if (wanted.has('wait')) {
    // answered contacts by their answer; those still waiting (pending) by their arrival
    const frame = await contactFrame(
      ctx,
      [{ at: 'answered_at' }, { at: 'offered_at' }],
      ['channel', 'wait_s', 'negative_clamped'],
    );
    const live = numberAt(frame, 'live');
    const outcome = codeAt(frame, 'outcome');
    const pending = outcome.of('pending');
    const wait = numberAt(frame, 'wait_s');
    const clamped = numberAt(frame, 'negative_clamped');
    const thresholds = thresholdsAt(frame, ctx.targets.durations.wait, null);
    const fill = (it: DurationFields, i: number) => {
      if (live(i) !== 1) return false;
      if (frame.ref[i] === 0) {
        it.seconds = wait(i) ?? 0;
        it.thresholds = thresholds(i);
        return true;
      }
      it.seconds = null;
      it.thresholds = null;
      return outcome.at(i) === pending;
    };
    out.wait = {
      kind: 'duration',
      cut: measureFrame(ctx, 'wait', frame, durationReducer, { seconds: null, thresholds: null }, fill),
      // SPEC §3 clock skew: answers stamped before the arrival count as 0 s, never silently
      extra: {
        negative_clamped: countCurrent(
          frame,
          q,
          'wait:negative_clamped',
          (i) => frame.ref[i] === 0 && live(i) === 1 && (clamped(i) ?? 0) > 0,
        ),
      },
    };
  }
  if (wanted.has('handle_time')) {
    const frame = await contactFrame(ctx, [{ at: 'ended_at' }], ['handle_s', 'talk_s', 'hold_s', 'wrap_s']);
    const answered = codeAt(frame, 'outcome');
    const isAnswered = answered.of('answered');
    const handle = numberAt(frame, 'handle_s');
    const fill = (it: DurationFields, i: number) => {
      if (answered.at(i) !== isAnswered) return false;
      it.seconds = handle(i) ?? 0;
      return true;
    };
    // means of the parts over answered contacts, and the work logged per ticket, through per-day states
    const sumOf = (f: Frame, slot: string, value: (i: number) => number | null) =>
      foldFrame(
        f,
        { ...q, by: null, bucket: null },
        sumReducer,
        { value: 0 },
        (it, i) => {
          const v = value(i);
          if (v === null) return false;
          it.value = v;
          return true;
        },
        undefined,
        slot,
      ).total;
    const mean = (col: 'talk_s' | 'hold_s' | 'wrap_s') => {
      const v = numberAt(frame, col);
      const { count, sum } = sumOf(frame, `handle_time:${col}`, (i) =>
        answered.at(i) === isAnswered ? (v(i) ?? 0) : null,
      );
      return count ? sum / count : null;
    };
    // Per ticket: the work logged on tickets resolved in the period (ticket.worked), for channels without calls.
    const resolved = await ticketFrame(ctx, [{ at: 'first_resolved_at' }], 'first_resolved_by', ['handle_s']);
    const worked = numberAt(resolved, 'handle_s');
    const { count, sum } = sumOf(resolved, 'handle_time:per_ticket', (i) => {
      const s = worked(i) ?? 0;
      return s > 0 ? s : null;
    });
    out.handle_time = {
      kind: 'duration',
      cut: measureFrame(
        ctx,
        'handle_time',
        frame,
        durationReducer,
        { seconds: null, thresholds: null },
        fill,
      ),
      extra: {
        talk_mean_s: mean('talk_s'),
        hold_mean_s: mean('hold_s'),
        wrap_mean_s: mean('wrap_s'),
        per_ticket: { count, mean_s: count ? sum / count : null },
      },
    };
  }
  return out;
};
