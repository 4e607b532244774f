import type { EventOf } from '../domain/events.js';
import { byTime, type Sequenced } from './sequenced.js';
import type { AgentStretch } from './types.js';

/** SPEC §3 work stretches: a pause shorter than this does not end a stretch. */
export const SHORT_BREAK_MS = 5 * 60_000;
/** Seed 000: a 10-minute break every 60–70 minutes; a longer stretch breaks the rule. */
export const MAX_STRETCH_S = 70 * 60;

type Status = Sequenced<EventOf<'agent.status'>>;
const working = (s: Status) => s.event.status === 'available' || s.event.status === 'busy';

/**
 * An agent's status changes → maximal runs of available/busy. A stretch ends where a break of at least
 * five minutes or an offline begins; a break still running ends the stretch for now, and a status that
 * arrives within five minutes of it reopens the stretch when the agent's stretches are derived again.
 */
export function deriveStretches(agentId: string, input: readonly Status[]): AgentStretch[] {
  const events = [...input].sort(byTime);
  const out: AgentStretch[] = [];
  let start: number | null = null;
  let pauseAt: number | null = null;
  const close = (end: number | null) => {
    if (start === null) return;
    const duration = end === null ? null : (end - start) / 1000;
    out.push({
      agent_id: agentId,
      start_at: start,
      end_at: end,
      duration_s: duration,
      compliant: duration === null ? null : Number(duration <= MAX_STRETCH_S),
    });
    start = null;
    pauseAt = null;
  };
  for (const s of events) {
    if (working(s)) {
      if (start !== null && pauseAt !== null && s.at - pauseAt >= SHORT_BREAK_MS) close(pauseAt);
      if (start === null) start = s.at;
      pauseAt = null;
    } else if (s.event.status === 'offline') {
      close(pauseAt ?? s.at);
    } else if (start !== null && pauseAt === null) {
      pauseAt = s.at;
    }
  }
  close(pauseAt);
  return out;
}
