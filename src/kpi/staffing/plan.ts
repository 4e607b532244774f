import { CHANNELS, type Channel, LIVE_CHANNELS } from '../../domain/primitives.js';
import type { Store } from '../../store/store.js';
import { formatBucketLabel } from '../../time/buckets.js';
import { type TargetSettings, thresholdsFor } from '../targets.js';
import {
  firstLineAgents,
  liveHistory,
  measuredShrinkage,
  type Period,
  staffedHours,
  writtenHistory,
} from './history.js';
import { type ChannelPlan, MIN_ABANDONS, planChannel } from './plan-channel.js';
import { pooledRequirement } from './plan-pool.js';
import { headcountSummary, type PlanSummary } from './plan-summary.js';
import { hourOf, SLOTS, slotHours, weekdayOf } from './week-slots.js';

export interface PlanOptions extends Period {
  targets: TargetSettings;
  /** only these channels (default: every channel with arrivals in the period) */
  channels?: readonly Channel[];
  /** share answered within the target time (default 0.8) */
  serviceLevel?: number;
  /** the live channels' target time, seconds (default: each channel's "good" wait target) */
  withinS?: number;
  maxOccupancy?: number;
  /** a given shrinkage; absent: measured from the agents' breaks */
  shrinkage?: number;
  fteHoursPerWeek?: number;
  /** arrivals per channel multiplied by this (a forecast's growth against the period) */
  volumeFactor?: Partial<Record<Channel, number>>;
  basis?: 'history' | 'forecast';
}

export interface PlanSlot {
  /** ISO weekday, 1 = Monday … 7 = Sunday, and local hour 0–23 */
  weekday: number;
  hour: number;
  /** agents needed at work for all channels with blended operators (see plan-pool.ts) */
  required: number;
  /** the sum of the channels' own requirements, were each staffed by dedicated agents */
  required_dedicated: number;
  /** first-line agents actually at work (average over the period's hours of this slot), and staffed − required */
  staffed: number;
  gap: number;
  channels: Partial<Record<Channel, ChannelSlot>>;
}

export interface ChannelSlot {
  arrivals: number;
  aht_s: number;
  required: number;
  /** the staffed agents attributed to the channel by its share of the first line's work in the slot */
  staffed: number;
  service_level: number;
  p_wait: number;
  asa_s: number | null;
  occupancy: number;
  p_abandon: number | null;
}

export interface StaffingPlan {
  /** the history learnt from: instants, and the local dates (to inclusive) */
  period: { from: string; to: string; from_date: string; to_date: string; time_zone: string; weeks: number };
  settings: {
    service_level: number;
    max_occupancy: number;
    shrinkage: number;
    shrinkage_source: 'measured' | 'given' | 'none';
    fte_hours_per_week: number;
    /** history as it was, or its arrivals grown to the forecast of the next four weeks (see volume_factors) */
    basis: 'history' | 'forecast';
    volume_factors: Partial<Record<Channel, number>>;
  };
  /** per channel: agent-hours a week it would need with dedicated agents, and the staffed hours attributed to it */
  channels: (Omit<ChannelPlan, 'slots'> & {
    dedicated_hours_per_week: number;
    staffed_hours_per_week: number;
  })[];
  slots: PlanSlot[];
  summary: PlanSummary;
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * The staffing plan of a typical week: per channel and slot (weekday × hour), arrivals and AHT from the
 * period's history, the agents they need, the first-line agents who were actually at work, the gap, and
 * the headcount it comes to.
 */
export async function staffingPlan(store: Store, o: PlanOptions): Promise<StaffingPlan> {
  const level = o.serviceLevel ?? 0.8;
  const maxOccupancy = o.maxOccupancy ?? 0.85;
  const agents = await firstLineAgents(store);
  const written = CHANNELS.filter((c) => !LIVE_CHANNELS.includes(c));
  const histories = new Map([
    ...(await liveHistory(store, o)),
    ...(await writtenHistory(store, o, written, new Set(agents))),
  ]);
  const wanted = CHANNELS.filter((c) => histories.has(c) && (!o.channels || o.channels.includes(c)));
  const hours = slotHours(o.from, o.to, o.timeZone);
  const plans = wanted.map((c) => {
    const live = LIVE_CHANNELS.includes(c);
    const list = live ? o.targets.durations.wait : o.targets.durations.first_response;
    const good = thresholdsFor(list, c, null)?.[1];
    return planChannel(histories.get(c)!, hours, {
      kind: live ? 'live' : 'written',
      level,
      withinS: (live ? o.withinS : undefined) ?? good ?? (live ? 20 : 4 * 3600),
      maxOccupancy,
      volumeFactor: o.volumeFactor?.[c] ?? 1,
    });
  });
  const staffedTotal = await staffedHours(store, o, agents);
  const measured = o.shrinkage === undefined ? await measuredShrinkage(store, o, agents) : null;
  const shrinkage = o.shrinkage ?? measured ?? 0;

  let waited = 0;
  let abandoned = 0;
  for (const p of plans) {
    if (p.kind !== 'live') continue;
    waited += histories.get(p.channel)!.waitedS;
    abandoned += histories.get(p.channel)!.abandoned;
  }
  const pooledPatience = abandoned >= MIN_ABANDONS ? waited / abandoned : null;

  const slots: PlanSlot[] = [];
  const channelStaffed = new Map<Channel, number>(wanted.map((c) => [c, 0]));
  for (let i = 0; i < SLOTS; i++) {
    const staffed = hours[i]! > 0 ? staffedTotal[i]! / hours[i]! : 0;
    const work = plans.map((p) => histories.get(p.channel)!.workS[i]!);
    const totalWork = work.reduce((a, b) => a + b, 0);
    const dedicated = plans.reduce((a, p) => a + p.slots[i]!.agents, 0);
    const required = pooledRequirement(plans, i, pooledPatience, level, maxOccupancy);
    const channels: Partial<Record<Channel, ChannelSlot>> = {};
    plans.forEach((p, k) => {
      const s = p.slots[i]!;
      // No work seen in the slot: the agents there are split as the requirement is.
      const share = totalWork > 0 ? work[k]! / totalWork : dedicated > 0 ? s.agents / dedicated : 0;
      channelStaffed.set(p.channel, channelStaffed.get(p.channel)! + staffed * share);
      channels[p.channel] = {
        arrivals: round(s.arrivals),
        aht_s: round(s.aht_s, 1),
        required: s.agents,
        staffed: round(staffed * share),
        service_level: round(s.service_level, 4),
        p_wait: round(s.p_wait, 4),
        asa_s: s.asa_s === null ? null : round(s.asa_s, 1),
        occupancy: round(s.occupancy, 4),
        p_abandon: s.p_abandon === null ? null : round(s.p_abandon, 4),
      };
    });
    slots.push({
      weekday: weekdayOf(i) + 1,
      hour: hourOf(i),
      required,
      required_dedicated: dedicated,
      staffed: round(staffed),
      gap: round(staffed - required),
      channels,
    });
  }
  const fteHours = o.fteHoursPerWeek ?? 40;
  return {
    period: {
      from: new Date(o.from).toISOString(),
      to: new Date(o.to).toISOString(),
      from_date: formatBucketLabel(o.from, 'day', o.timeZone),
      to_date: formatBucketLabel(o.to - 1, 'day', o.timeZone),
      time_zone: o.timeZone,
      weeks: round((o.to - o.from) / (7 * 86_400_000)),
    },
    settings: {
      service_level: level,
      max_occupancy: maxOccupancy,
      shrinkage: round(shrinkage, 4),
      shrinkage_source: o.shrinkage !== undefined ? 'given' : measured !== null ? 'measured' : 'none',
      fte_hours_per_week: fteHours,
      basis: o.basis ?? 'history',
      volume_factors: o.volumeFactor ?? {},
    },
    channels: plans.map(({ slots: s, ...rest }) => ({
      ...rest,
      aht_s: round(rest.aht_s, 1),
      patience_s: rest.patience_s === null ? null : round(rest.patience_s, 1),
      dedicated_hours_per_week: s.reduce((a, x) => a + x.agents, 0),
      staffed_hours_per_week: round(channelStaffed.get(rest.channel)!, 1),
    })),
    slots,
    summary: headcountSummary(slots, shrinkage, fteHours),
  };
}
