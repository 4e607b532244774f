import { type ContactRow, fetchContactRows } from '../contact-rows.js';
import { type Computed, type Family, inPeriod, measure } from '../family.js';
import { countReducer, durationReducer, rateReducer } from '../reducers.js';
import { thresholdsFor } from '../targets.js';
import { fetchTicketRows } from '../ticket-rows.js';
import type { KpiId } from '../types.js';

const groupsOf = (r: ContactRow) => (r.group === null ? [] : [r.group]);
const clamped = (r: ContactRow) => Number(r.negative_clamped) > 0;

/** SPEC §3 #1, #6, #7, #8 (contacts). */
export const contactCentre: Family = async (ctx, wanted) => {
  const { q } = ctx;
  const out: Partial<Record<KpiId, Computed>> = {};
  if (wanted.has('contacts_offered') || wanted.has('abandonment')) {
    const rows = await fetchContactRows(ctx.db, q, 'offered_at', [
      'live',
      'outcome',
      'abandon_wait_s',
      'negative_clamped',
    ]);
    if (wanted.has('contacts_offered')) {
      out.contacts_offered = {
        kind: 'count',
        cut: measure(
          ctx,
          'contacts_offered',
          rows.map((r) => ({ id: r.contact_id, at: r.at, groups: groupsOf(r) })),
          countReducer,
        ),
      };
    }
    if (wanted.has('abandonment')) {
      const short = (r: ContactRow) =>
        r.outcome === 'abandoned' && Number(r.abandon_wait_s) < q.params.short_abandon_s;
      const asked = rows.filter(
        (r) => r.live === 1 && (r.outcome === 'answered' || r.outcome === 'abandoned'),
      );
      const items = asked
        .filter((r) => !short(r))
        .map((r) => ({ id: r.contact_id, at: r.at, groups: groupsOf(r), hit: r.outcome === 'abandoned' }));
      const current = rows.filter((r) => inPeriod(r.at, q) && r.live === 1);
      out.abandonment = {
        kind: 'rate',
        cut: measure(ctx, 'abandonment', items, rateReducer),
        extra: {
          short_abandons: current.filter(short).length,
          self_served: current.filter((r) => r.outcome === 'self_served').length,
          // SPEC §3 clock skew: an abandon stamped before the queue entry (or arrival) waited 0 s; say how many
          negative_clamped: current.filter((r) => r.outcome === 'abandoned' && clamped(r)).length,
        },
      };
    }
  }
  if (wanted.has('wait')) {
    const answered = await fetchContactRows(
      ctx.db,
      q,
      'answered_at',
      ['channel', 'wait_s', 'negative_clamped'],
      (c) => c.live === 1,
    );
    const waiting = await fetchContactRows(
      ctx.db,
      q,
      'offered_at',
      ['channel'],
      (c) => c.live === 1 && c.outcome === 'pending',
    );
    const policies = ctx.targets.durations.wait;
    const items = [
      ...answered.map((r) => ({
        id: r.contact_id,
        at: r.at,
        groups: groupsOf(r),
        seconds: Number(r.wait_s),
        thresholds: thresholdsFor(policies, String(r.channel), null),
      })),
      ...waiting.map((r) => ({
        id: r.contact_id,
        at: r.at,
        groups: groupsOf(r),
        seconds: null,
        thresholds: null,
      })),
    ];
    out.wait = {
      kind: 'duration',
      cut: measure(ctx, 'wait', items, durationReducer),
      // SPEC §3 clock skew: answers stamped before the arrival count as 0 s, never silently
      extra: { negative_clamped: answered.filter((r) => inPeriod(r.at, q) && clamped(r)).length },
    };
  }
  if (wanted.has('handle_time')) {
    const handled = await fetchContactRows(
      ctx.db,
      q,
      'ended_at',
      ['handle_s', 'talk_s', 'hold_s', 'wrap_s'],
      (c) => c.outcome === 'answered',
    );
    const items = handled.map((r) => ({
      id: r.contact_id,
      at: r.at,
      groups: groupsOf(r),
      seconds: Number(r.handle_s),
      thresholds: null,
    }));
    const current = handled.filter((r) => inPeriod(r.at, q));
    const mean = (col: 'talk_s' | 'hold_s' | 'wrap_s') =>
      current.length ? current.reduce((s, r) => s + Number(r[col]), 0) / current.length : null;
    // Per ticket: the work logged on tickets resolved in the period (ticket.worked), for channels without calls.
    const worked = (
      await fetchTicketRows(ctx.db, q, [{ at: 'first_resolved_at' }], 'first_resolved_by', ['handle_s'])
    ).filter((r) => inPeriod(r.at, q) && Number(r.handle_s) > 0);
    out.handle_time = {
      kind: 'duration',
      cut: measure(ctx, 'handle_time', items, durationReducer),
      extra: {
        talk_mean_s: mean('talk_s'),
        hold_mean_s: mean('hold_s'),
        wrap_mean_s: mean('wrap_s'),
        per_ticket: {
          count: worked.length,
          mean_s: worked.length ? worked.reduce((s, r) => s + Number(r.handle_s), 0) / worked.length : null,
        },
      },
    };
  }
  return out;
};
