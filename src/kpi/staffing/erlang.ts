import { erlangA } from './erlang-a.js';
import { ErlangBTable } from './erlang-b.js';
import { erlangC } from './erlang-c.js';
import { scheduledHeadcount } from './shrinkage.js';
import type { QueueFigures, QueueSpec, StaffingTarget } from './types.js';

export type { QueueFigures, QueueSpec, StaffingTarget } from './types.js';

/** A staffing question that names the field it cannot accept. */
export class StaffingInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

export interface StaffingRequest extends QueueSpec {
  target: StaffingTarget;
  /** the service level's threshold when the target is an ASA (default 20 s) */
  slWithinS?: number;
  /** occupancy above this burns agents out; more agents are added until it holds (default 1: no cap) */
  maxOccupancy?: number;
  /** share of paid time not available for contacts (breaks, training, meetings), in [0, 1) */
  shrinkage?: number;
}

export interface StaffingAnswer extends QueueFigures {
  /** agents to schedule so that `agents` are on the phones after shrinkage */
  scheduled: number;
  model: 'erlang_c' | 'erlang_a';
  /** offered load, erlangs: arrivals × AHT / interval */
  load_erlangs: number;
}

function check(req: StaffingRequest): void {
  const need = (ok: boolean, field: string, message: string) => {
    if (!ok) throw new StaffingInputError(field, message);
  };
  need(Number.isFinite(req.arrivals) && req.arrivals >= 0, 'arrivals', 'must be a number ≥ 0');
  need(Number.isFinite(req.intervalS) && req.intervalS > 0, 'interval_s', 'must be a number > 0');
  need(Number.isFinite(req.ahtS) && req.ahtS > 0, 'aht_s', 'must be a number > 0');
  if (req.patienceS !== undefined)
    need(req.patienceS > 0, 'patience_s', 'must be a number > 0 (or absent: nobody hangs up)');
  const t = req.target;
  if (t.kind === 'service_level') {
    need(t.level > 0 && t.level < 1, 'target_sl', 'must be a share strictly between 0 and 1');
    need(Number.isFinite(t.withinS) && t.withinS >= 0, 'target_s', 'must be a number of seconds ≥ 0');
  } else need(Number.isFinite(t.asaS) && t.asaS > 0, 'target_asa_s', 'must be a number of seconds > 0');
  const occ = req.maxOccupancy ?? 1;
  need(occ > 0 && occ <= 1, 'max_occupancy', 'must be a share in (0, 1]');
  const shrink = req.shrinkage ?? 0;
  need(shrink >= 0 && shrink < 1, 'shrinkage', 'must be a share in [0, 1)');
}

/** Figures for n agents under the request's model (Erlang A when a patience is given). */
function evaluator(req: StaffingRequest): { load: number; at: (n: number) => QueueFigures } {
  const load = (req.arrivals * req.ahtS) / req.intervalS;
  const withinS = req.target.kind === 'service_level' ? req.target.withinS : (req.slWithinS ?? 20);
  if (load === 0)
    return {
      load,
      at: (n) => ({ agents: n, p_wait: 0, service_level: 1, asa_s: 0, occupancy: 0, p_abandon: null }),
    };
  const table = new ErlangBTable(load);
  const patience = req.patienceS;
  return {
    load,
    at: (n) =>
      patience !== undefined && Number.isFinite(patience)
        ? erlangA(table, n, req.ahtS, patience, withinS)
        : erlangC(table, n, req.ahtS, withinS),
  };
}

function meets(f: QueueFigures, req: StaffingRequest): boolean {
  const t = req.target;
  const ok = t.kind === 'service_level' ? f.service_level >= t.level : f.asa_s !== null && f.asa_s <= t.asaS;
  // A hair of tolerance: A/n = 0.85 exactly must count as within an 85 % cap despite rounding.
  return ok && f.occupancy <= (req.maxOccupancy ?? 1) + 1e-12;
}

/** The smallest staffing that can possibly pass: at least one agent, more than A (Erlang C), enough for the caps. */
function lowerBound(req: StaffingRequest, load: number): number {
  const occ = req.maxOccupancy ?? 1;
  const byOccupancy = Math.ceil(load / occ - 1e-9);
  if (req.patienceS === undefined) return Math.max(1, Math.floor(load) + 1, byOccupancy);
  // Erlang A answers at most n/A of the callers, so a service level L needs n ≥ L·A.
  return Math.max(1, req.target.kind === 'service_level' ? Math.floor(req.target.level * load) : 1);
}

const LIMIT = 50_000_000;

/**
 * The fewest agents that reach the target within the occupancy cap, with their figures and the
 * headcount to schedule. Every figure improves with each agent added, so the answer is found by
 * doubling the step from a lower bound and then halving the bracket: O(log n) evaluations.
 */
export function requiredAgents(req: StaffingRequest): StaffingAnswer {
  check(req);
  const { load, at } = evaluator(req);
  const answer = (n: number): StaffingAnswer => ({
    ...(load === 0 ? at(0) : at(n)),
    agents: n,
    scheduled: scheduledHeadcount(n, req.shrinkage ?? 0),
    model: req.patienceS === undefined ? 'erlang_c' : 'erlang_a',
    load_erlangs: load,
  });
  if (load === 0) return answer(0);
  const start = lowerBound(req, load);
  if (meets(at(start), req)) return answer(start);
  let failing = start;
  let step = 1;
  while (!meets(at(start + step), req)) {
    failing = start + step;
    step *= 2;
    if (step > LIMIT)
      throw new StaffingInputError('target', 'cannot be reached with any sensible number of agents');
  }
  let passing = start + step;
  while (passing - failing > 1) {
    const mid = Math.floor((failing + passing) / 2);
    if (meets(at(mid), req)) passing = mid;
    else failing = mid;
  }
  return answer(passing);
}

/** The figures with a given number of agents (the calculator's `--agents`). */
export function figuresWithAgents(req: StaffingRequest, agents: number): StaffingAnswer {
  check(req);
  if (!Number.isInteger(agents) || agents < 1)
    throw new StaffingInputError('agents', 'must be a whole number ≥ 1');
  const { load, at } = evaluator(req);
  return {
    ...at(agents),
    scheduled: scheduledHeadcount(agents, req.shrinkage ?? 0),
    model: req.patienceS === undefined ? 'erlang_c' : 'erlang_a',
    load_erlangs: load,
  };
}
