import type { Channel } from '../../domain/primitives.js';
import { requiredAgents, type StaffingAnswer } from './erlang.js';
import type { ChannelHistory } from './history.js';
import { SLOTS } from './week-slots.js';

/** A slot's own AHT is used once it rests on this many handled items; below, the channel's. */
export const MIN_SLOT_SAMPLES = 20;
/** Erlang A needs a patience estimate; below this many abandons the channel is planned with Erlang C. */
export const MIN_ABANDONS = 20;
/** Handle time assumed when none was ever measured (no handled contact, no first-line work logged). */
export const DEFAULT_WRITTEN_AHT_S = 300;

export interface ChannelSettings {
  kind: 'live' | 'written';
  /** service level: this share answered (live) or first-responded (written) within `withinS` */
  level: number;
  withinS: number;
  maxOccupancy: number;
  /** arrivals are multiplied by this (a forecast's growth); 1 for history as it was */
  volumeFactor: number;
}

export interface ChannelPlan {
  channel: Channel;
  kind: 'live' | 'written';
  model: 'erlang_c' | 'erlang_a';
  target: { service_level: number; within_s: number };
  aht_s: number;
  aht_source: 'measured' | 'default';
  patience_s: number | null;
  /** contacts (live) or tickets (written) in the period */
  items: number;
  /** per slot, in a typical week: arrivals per hour and the agents they need */
  slots: (StaffingAnswer & { arrivals: number; aht_s: number })[];
}

const sum = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, b) => a + b, 0);

/**
 * A channel's requirement per slot. Live channels (phone, chat) are queues: Erlang A with the patience
 * measured from abandonment, Erlang C when too few callers hung up to tell. Written channels have no
 * live queue: what arrives within the first-response target can be answered within it, so each slot
 * must carry the work content (tickets × first-line handle time) of the trailing target window, at the
 * occupancy cap — Erlang C over that window's average arrivals, answered within the target.
 */
export function planChannel(h: ChannelHistory, hours: Float64Array, s: ChannelSettings): ChannelPlan {
  const handled = sum(h.handled);
  const measured = handled > 0;
  const aht = measured ? sum(h.handleS) / handled : DEFAULT_WRITTEN_AHT_S;
  const patience = s.kind === 'live' && h.abandoned >= MIN_ABANDONS ? h.waitedS / h.abandoned : null;
  const perHour = h.arrivals.map((a, i) => (hours[i]! > 0 ? (a / hours[i]!) * s.volumeFactor : 0));
  const window = s.kind === 'written' ? Math.max(1, Math.round(s.withinS / 3600)) : 1;
  const slots = Array.from({ length: SLOTS }, (_, i) => {
    let arrivals = 0;
    for (let k = 0; k < window; k++) arrivals += perHour[(i - k + SLOTS) % SLOTS]!;
    arrivals /= window;
    const slotAht = h.handled[i]! >= MIN_SLOT_SAMPLES ? h.handleS[i]! / h.handled[i]! : aht;
    const answer = requiredAgents({
      arrivals,
      intervalS: 3600,
      ahtS: slotAht,
      ...(patience !== null ? { patienceS: patience } : {}),
      target: { kind: 'service_level', level: s.level, withinS: s.withinS },
      maxOccupancy: s.maxOccupancy,
    });
    return { ...answer, arrivals, aht_s: slotAht };
  });
  return {
    channel: h.channel,
    kind: s.kind,
    model: patience !== null ? 'erlang_a' : 'erlang_c',
    target: { service_level: s.level, within_s: s.withinS },
    aht_s: aht,
    aht_source: measured ? 'measured' : 'default',
    patience_s: patience,
    items: sum(h.arrivals),
    slots,
  };
}
