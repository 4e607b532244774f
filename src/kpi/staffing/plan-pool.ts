import { requiredAgents } from './erlang.js';
import type { ChannelPlan } from './plan-channel.js';

/**
 * Agents a slot needs when first-line operators are blended, as they are at most desks: they take the
 * calls and chats of one pooled live queue (its arrivals summed, its AHT their weighted mean, the
 * strictest target, the pooled patience), and written work, which can wait, fills their time up to
 * the occupancy cap. So the slot needs the pooled queue's agents, or — when written work is heavier —
 * ⌈(live load carried + written load) / cap⌉. Dedicated per-channel figures overstate a quiet night,
 * where one operator covers every channel.
 */
export function pooledRequirement(
  plans: readonly ChannelPlan[],
  slot: number,
  patienceS: number | null,
  level: number,
  maxOccupancy: number,
): number {
  let arrivals = 0;
  let work = 0;
  let withinS = Number.POSITIVE_INFINITY;
  let writtenLoad = 0;
  for (const p of plans) {
    const s = p.slots[slot]!;
    if (p.kind === 'written') writtenLoad += s.load_erlangs;
    else if (s.arrivals > 0) {
      arrivals += s.arrivals;
      work += s.arrivals * s.aht_s;
      withinS = Math.min(withinS, p.target.within_s);
    }
  }
  let liveAgents = 0;
  let liveCarried = 0;
  if (arrivals > 0) {
    const pooled = requiredAgents({
      arrivals,
      intervalS: 3600,
      ahtS: work / arrivals,
      ...(patienceS !== null ? { patienceS } : {}),
      target: { kind: 'service_level', level, withinS },
      maxOccupancy,
    });
    liveAgents = pooled.agents;
    liveCarried = pooled.load_erlangs * (1 - (pooled.p_abandon ?? 0));
  }
  return Math.max(liveAgents, Math.ceil((liveCarried + writtenLoad) / maxOccupancy - 1e-9));
}
