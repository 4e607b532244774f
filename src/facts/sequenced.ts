import type { DomainEvent } from '../domain/events.js';

/** An event as stored: its log position and its instant in epoch milliseconds. */
export interface Sequenced<E extends DomainEvent = DomainEvent> {
  seq: number;
  at: number;
  event: E;
}

/** Derivations replay in event time; the log position breaks ties so a rebuild replays identically. */
export function byTime<E extends DomainEvent>(a: Sequenced<E>, b: Sequenced<E>): number {
  return a.at - b.at || a.seq - b.seq;
}

/** Clock skew guard: a negative duration counts as 0 and is reported (SPEC §3). */
export class Clamp {
  count = 0;
  seconds(fromMs: number, toMs: number): number {
    if (toMs < fromMs) {
      this.count++;
      return 0;
    }
    return (toMs - fromMs) / 1000;
  }
}
