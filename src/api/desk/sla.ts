import { loadTargets } from '../../kpi/engine.js';
import { type TargetSettings, thresholdsFor } from '../../kpi/targets.js';
import type { Store } from '../../store/store.js';
import { calendarFromSpec } from '../../store/ticket-context.js';
import {
  ALWAYS_OPEN,
  addBusinessSeconds,
  type BusinessCalendar,
  businessSeconds,
  isWorkingAt,
} from '../../time/business-calendar.js';

export const SLA_CLOCKS = ['first_response', 'assignment', 'resolution'] as const;
export type SlaClockName = (typeof SLA_CLOCKS)[number];

export interface SlaClock {
  /** the target: the "good" threshold of the ticket's policy, in business seconds (null: no policy applies) */
  target_s: number | null;
  /** when the target is (or was) due, in the team's business time */
  due_at: string | null;
  /** running: not reached yet, in time; breached: reached late, or not reached and past due; met: reached in time */
  state: 'running' | 'met' | 'breached' | 'none' | 'stopped';
  /** business seconds from the ticket's start to the milestone (or to now while running) */
  elapsed_s: number;
  /** business seconds left to the target (negative when overdue); null once the milestone is reached */
  left_s: number | null;
  reached_at: string | null;
}

export interface SlaClocks {
  calendar_id: string;
  /** false outside the team's working hours: running clocks stand still */
  working_now: boolean;
  first_response: SlaClock;
  assignment: SlaClock;
  resolution: SlaClock;
}

const KPI_OF: Record<SlaClockName, 'first_response' | 'time_to_assign' | 'resolution'> = {
  first_response: 'first_response',
  assignment: 'time_to_assign',
  resolution: 'resolution',
};

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The calendars and targets SLA clocks are computed in, loaded once for a batch of tickets. */
export interface SlaSetup {
  targets: TargetSettings;
  calendar(id: string): BusinessCalendar;
}

export async function loadSlaSetup(store: Store): Promise<SlaSetup> {
  const rows = await store.db.selectFrom('calendars').select(['calendar_id', 'spec']).execute();
  const calendars = new Map(rows.map((r) => [r.calendar_id, calendarFromSpec(r.spec)]));
  return { targets: await loadTargets(store), calendar: (id) => calendars.get(id) ?? ALWAYS_OPEN };
}

/** The facts a ticket's clocks depend on (a ticket_facts row has them all). */
export interface ClockFacts {
  channel: string;
  priority: string | null;
  status: string;
  start_at: number;
  first_response_at: number | null;
  first_assigned_at: number | null;
  first_resolved_at: number | null;
  calendar_id: string;
}

/** A ticket's three SLA clocks at `now`, in its team's business time. */
export function slaClocks(setup: SlaSetup, f: ClockFacts, now: number): SlaClocks {
  const cal = setup.calendar(f.calendar_id);
  const reachedAt: Record<SlaClockName, number | null> = {
    first_response: f.first_response_at,
    assignment: f.first_assigned_at,
    resolution: f.first_resolved_at,
  };
  const clock = (name: SlaClockName): SlaClock => {
    const t = thresholdsFor(setup.targets.durations[KPI_OF[name]], f.channel, f.priority);
    const target = t ? t[1] : null;
    const reached = reachedAt[name] === null ? null : Number(reachedAt[name]);
    const start = Number(f.start_at);
    const elapsed = businessSeconds(start, reached ?? Math.max(now, start), cal);
    // a ticket closed without reaching the milestone (spam, duplicate) has nothing left to run
    const stopped = reached === null && f.status !== 'open';
    const state: SlaClock['state'] = stopped
      ? 'stopped'
      : target === null
        ? 'none'
        : reached !== null
          ? elapsed <= target
            ? 'met'
            : 'breached'
          : elapsed <= target
            ? 'running'
            : 'breached';
    return {
      target_s: target,
      due_at: target === null ? null : iso(addBusinessSeconds(start, target, cal)),
      state,
      elapsed_s: elapsed,
      left_s: target === null || reached !== null || stopped ? null : target - elapsed,
      reached_at: iso(reached),
    };
  };
  return {
    calendar_id: f.calendar_id,
    working_now: isWorkingAt(now, cal),
    first_response: clock('first_response'),
    assignment: clock('assignment'),
    resolution: clock('resolution'),
  };
}

export async function ticketSla(store: Store, facts: ClockFacts, now: number): Promise<SlaClocks> {
  return slaClocks(await loadSlaSetup(store), facts, now);
}
