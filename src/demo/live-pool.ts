import { HOUR } from './clock.js';
import type { Agent } from './organisation.js';
import type { Shift } from './roster.js';

/** Pauses shorter than this do not end a work stretch (SPEC §3), so they are not worth taking. */
const MIN_PAUSE = 5 * 60_000;

/**
 * The first-line operators on live duty, as servers of one FIFO queue (phone and chat). A contact that
 * joins the queue goes to the operator who can answer first: free, on shift and not on a break. So waits
 * grow by themselves when arrivals outpace the operators on shift, and an operator never has two calls.
 */
export class LivePool {
  // A large desk is several default-sized groups, each with its own queue: the work per contact stays
  // constant whatever the scale, and so do the service levels.
  private readonly groups: Shift[][];

  constructor(readonly size: number) {
    this.groups = Array.from({ length: size }, () => []);
  }

  add(shift: Shift): void {
    this.groups[shift.group % this.size]!.push(shift);
  }

  /** Forgets shifts that ended well before `now`. */
  prune(now: number): void {
    for (const [i, shifts] of this.groups.entries()) {
      this.groups[i] = shifts.filter((s) => s.stretches.at(-1)!.end > now - 2 * HOUR);
    }
  }

  /**
   * Answers a contact queued at `queuedAt` if an operator can pick it up within `patienceMs`. The contact
   * lasts `handleMs` (running into the operator's break if need be) and takes `occupancy` of their
   * attention: 1 for a call, less for a chat, which leaves room for another contact alongside.
   */
  answer(
    group: number,
    queuedAt: number,
    patienceMs: number,
    handleMs: number,
    occupancy = 1,
  ): { agent: Agent; at: number } | null {
    let best: { shift: Shift; k: number; at: number } | null = null;
    for (const shift of this.groups[group % this.size]!) {
      // A second after the last contact ends, so its 'available' is recorded before the next 'busy'.
      const from = Math.max(queuedAt, shift.freeAt + 1000);
      if (from - queuedAt > patienceMs) continue;
      const slot = earliest(shift, from);
      if (!slot || slot.at - queuedAt > patienceMs) continue;
      // The longest-idle operator gets the call when several are free (the usual ACD rule).
      if (!best || slot.at < best.at || (slot.at === best.at && shift.freeAt < best.shift.freeAt)) {
        best = { shift, ...slot };
      }
    }
    if (!best) return null;
    const { shift, k, at } = best;
    const done = at + handleMs;
    shift.freeAt = at + Math.round(handleMs * occupancy);
    const stretch = shift.stretches[k]!;
    if (stretch.end <= done) {
      stretch.end = done + 1000;
      // A break squeezed below five minutes is no break: the two stretches become one.
      for (;;) {
        const next = shift.stretches[k + 1];
        if (!next || next.start - stretch.end >= MIN_PAUSE) break;
        stretch.end = Math.max(stretch.end, next.end);
        shift.stretches.splice(k + 1, 1);
      }
    }
    return { agent: shift.agent, at };
  }
}

/** The first instant at or after `from` at which the operator is working, and the stretch it falls in. */
function earliest(shift: Shift, from: number): { k: number; at: number } | null {
  const list = shift.stretches;
  for (let k = 0; k < list.length; k++) {
    const s = list[k]!;
    if (s.end <= from) continue;
    // A second after the stretch begins, so the status change is recorded before the call.
    const at = Math.max(from, s.start + 1000);
    if (at < s.end) return { k, at };
  }
  return null;
}
