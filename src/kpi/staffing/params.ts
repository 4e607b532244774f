import { z } from 'zod';
import { channelList, whenString } from '../decision-params.js';
import { QueryError, toKpiQuery } from '../query-params.js';
import type { StaffingRequest } from './erlang.js';

const num = z.coerce.number({ error: 'must be a number' }).refine(Number.isFinite, 'must be a finite number');
const positive = num.pipe(z.number().positive());

/**
 * The staffing question as the CLI and the API take it (strings in): with `arrivals`, the plain Erlang
 * calculator for one interval; without, the plan of a typical week from the history of a period.
 */
export const staffingParams = z.strictObject({
  arrivals: num.pipe(z.number().min(0)).optional(),
  interval_s: positive.optional(),
  aht_s: positive.optional(),
  patience_s: positive.optional(),
  target_sl: num.pipe(z.number().gt(0).lt(1)).optional(),
  target_s: num.pipe(z.number().min(0)).optional(),
  target_asa_s: positive.optional(),
  max_occupancy: num.pipe(z.number().gt(0).max(1)).optional(),
  shrinkage: num.pipe(z.number().min(0).lt(1)).optional(),
  agents: z.coerce.number().int('must be a whole number').min(1).optional(),
  from: whenString.optional(),
  to: whenString.optional(),
  channel: channelList.optional(),
  fte_hours: positive.optional(),
  basis: z.enum(['history', 'forecast']).optional(),
});
export type StaffingParams = z.output<typeof staffingParams>;

/** The calculator's request, or a QueryError naming what is missing or contradictory. */
export function calculatorRequest(p: StaffingParams): { request: StaffingRequest; agents?: number } {
  if (p.interval_s === undefined) throw new QueryError('interval_s', 'is required with arrivals');
  if (p.aht_s === undefined) throw new QueryError('aht_s', 'is required with arrivals');
  if (p.target_asa_s !== undefined && p.target_sl !== undefined)
    throw new QueryError('target_asa_s', 'give either target_sl (with target_s) or target_asa_s, not both');
  if (p.target_asa_s === undefined && p.target_sl === undefined && p.agents === undefined)
    throw new QueryError('target_sl', 'give target_sl and target_s, or target_asa_s (or agents)');
  const withinS = p.target_s ?? 20;
  return {
    request: {
      arrivals: p.arrivals ?? 0,
      intervalS: p.interval_s,
      ahtS: p.aht_s,
      ...(p.patience_s !== undefined ? { patienceS: p.patience_s } : {}),
      target:
        p.target_asa_s !== undefined
          ? { kind: 'asa', asaS: p.target_asa_s }
          : { kind: 'service_level', level: p.target_sl ?? 0.8, withinS },
      slWithinS: withinS,
      ...(p.max_occupancy !== undefined ? { maxOccupancy: p.max_occupancy } : {}),
      ...(p.shrinkage !== undefined ? { shrinkage: p.shrinkage } : {}),
    },
    ...(p.agents !== undefined ? { agents: p.agents } : {}),
  };
}

/** Days of history a plan learns from by default: four whole weeks, so every slot is seen four times. */
export const DEFAULT_PLAN_DAYS = 28;

/** The plan's period: dates are whole local days (`to` inclusive); default the four weeks up to today. */
export function planPeriod(p: StaffingParams, timeZone: string, now: number): { from: number; to: number } {
  const { query } = toKpiQuery(
    { time: 'calendar', ...(p.to ? { to: p.to } : {}), ...(p.from ? { from: p.from } : {}) },
    timeZone,
    now,
  );
  return { from: p.from ? query.from : query.to - DEFAULT_PLAN_DAYS * 86_400_000, to: query.to };
}
