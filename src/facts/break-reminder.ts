import { MAX_STRETCH_S, SHORT_BREAK_MS } from './agent-stretches.js';

/** Seed 000: a 10-minute break every 60–70 minutes; the workspace reminds an agent from the 60th minute on. */
export const BREAK_DUE_S = 60 * 60;
export const SUGGESTED_BREAK_S = 10 * 60;

export type BreakState = 'working' | 'overdue' | 'on_break' | 'offline';

export interface BreakInput {
  /** the agent's latest status and when it was set (null: never set) */
  status: 'available' | 'busy' | 'break' | 'offline' | null;
  status_at: number | null;
  /** the agent's latest work stretch (SPEC §3 rules: breaks under five minutes do not end one) */
  stretch: { start_at: number; end_at: number | null } | null;
}

export interface BreakStatus {
  state: BreakState;
  status: BreakInput['status'];
  /** start of the stretch being worked (working or overdue) */
  working_since: string | null;
  worked_s: number | null;
  /** when the reminder is (or was) due: 60 minutes into the stretch */
  break_due_at: string | null;
  /** past 70 minutes: the stretch no longer complies (KPI 20) */
  over_limit: boolean;
  break_started_at: string | null;
  break_s: number | null;
  /** the break has lasted long enough to end the stretch (five minutes) */
  break_counts: boolean;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Where an agent stands against the break rule at `now`, from their status and latest stretch. */
export function breakStatus(input: BreakInput, now: number): BreakStatus {
  const base: BreakStatus = {
    state: 'offline',
    status: input.status,
    working_since: null,
    worked_s: null,
    break_due_at: null,
    over_limit: false,
    break_started_at: null,
    break_s: null,
    break_counts: false,
  };
  if (input.status === 'break' && input.status_at !== null) {
    const breakS = Math.max(0, (now - input.status_at) / 1000);
    return {
      ...base,
      state: 'on_break',
      break_started_at: iso(input.status_at),
      break_s: breakS,
      break_counts: breakS * 1000 >= SHORT_BREAK_MS,
    };
  }
  if (input.status !== 'available' && input.status !== 'busy') return base;
  // The open stretch; a status with no stretch yet (projection lagging) starts one at the status itself.
  const start =
    input.stretch && input.stretch.end_at === null ? input.stretch.start_at : (input.status_at ?? now);
  const worked = Math.max(0, (now - start) / 1000);
  return {
    ...base,
    state: worked >= BREAK_DUE_S ? 'overdue' : 'working',
    working_since: iso(start),
    worked_s: worked,
    break_due_at: iso(start + BREAK_DUE_S * 1000),
    over_limit: worked > MAX_STRETCH_S,
  };
}
