import type { Store } from '../../store/store.js';
import { loadTargets } from '../engine.js';
import { orgTimeZone } from '../org.js';
import { figuresWithAgents, requiredAgents, type StaffingAnswer } from './erlang.js';
import { forecastVolumeFactors } from './forecast-basis.js';
import { calculatorRequest, planPeriod, type StaffingParams } from './params.js';
import { type StaffingPlan, staffingPlan } from './plan.js';

/** The calculator's answer in the shape the issue fixes (p_abandon only under Erlang A). */
export function calculatorJson(a: StaffingAnswer): Record<string, number | null> {
  return {
    agents: a.agents,
    scheduled: a.scheduled,
    p_wait: a.p_wait,
    service_level: a.service_level,
    asa_s: a.asa_s,
    occupancy: a.occupancy,
    ...(a.model === 'erlang_a' ? { p_abandon: a.p_abandon } : {}),
  };
}

/** The calculator's figures for one interval (with `arrivals`), worked from the parameters alone. */
export function calculatorAnswer(p: StaffingParams): {
  answer: StaffingAnswer;
  request: ReturnType<typeof calculatorRequest>['request'];
} {
  const { request, agents } = calculatorRequest(p);
  return {
    request,
    answer: agents === undefined ? requiredAgents(request) : figuresWithAgents(request, agents),
  };
}

/** The plan of a typical week the parameters ask for (CLI and API alike). */
export async function planFromParams(store: Store, p: StaffingParams, now: number): Promise<StaffingPlan> {
  const timeZone = await orgTimeZone(store);
  const period = planPeriod(p, timeZone, now);
  const factors = p.basis === 'forecast' ? await forecastVolumeFactors(store, { ...period, timeZone }) : null;
  return staffingPlan(store, {
    ...period,
    timeZone,
    now,
    targets: await loadTargets(store),
    ...(factors ? { basis: 'forecast' as const, volumeFactor: factors } : {}),
    ...(p.channel ? { channels: p.channel } : {}),
    ...(p.target_sl !== undefined ? { serviceLevel: p.target_sl } : {}),
    ...(p.target_s !== undefined ? { withinS: p.target_s } : {}),
    ...(p.max_occupancy !== undefined ? { maxOccupancy: p.max_occupancy } : {}),
    ...(p.shrinkage !== undefined ? { shrinkage: p.shrinkage } : {}),
    ...(p.fte_hours !== undefined ? { fteHoursPerWeek: p.fte_hours } : {}),
  });
}
