import type { DomainEventInput } from '../domain/events.js';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An event before the generator gives it an id and formats its instant. */
export type EventBody = DistributiveOmit<DomainEventInput, 'id' | 'at'>;

/**
 * What a simulated process does next, at an instant (epoch ms): emit an event, start another process,
 * or neither (it only wakes up to look at the world again).
 */
export interface Step {
  at: number;
  body?: EventBody;
  spawn?: Proc;
}

/** A simulated process: a generator whose steps never go back in time. */
export type Proc = Generator<Step, void, undefined>;

interface Entry {
  at: number;
  seq: number;
  step: Step;
  proc: Proc;
}

const before = (x: Entry, y: Entry) => x.at < y.at || (x.at === y.at && x.seq < y.seq);

/**
 * Discrete-event simulation: a min-heap holds the next step of every live process, so events come out in
 * global time order while only the processes still running (open tickets, today's shifts) are in memory.
 * Instants are whole seconds; ties keep the order in which the steps were scheduled.
 */
export class Scheduler {
  private readonly heap: Entry[] = [];
  private seq = 0;
  private now = Number.NEGATIVE_INFINITY;

  get size(): number {
    return this.heap.length;
  }

  /** Starts a process: schedules its first step. */
  start(proc: Proc): void {
    const r = proc.next();
    if (r.done) return;
    const at = Math.round(r.value.at / 1000) * 1000;
    if (!(at >= this.now)) {
      throw new Error(
        `a demo process went back in time: ${r.value.body?.type ?? 'wake-up'} at ${at} ms, now ${this.now} ms`,
      );
    }
    this.push({ at, seq: this.seq++, step: r.value, proc });
  }

  /** Runs every process, yielding the events that happen before endMs, in time order. */
  *run(endMs: number): Generator<{ at: number; body: EventBody }> {
    while (this.heap.length > 0) {
      const e = this.pop();
      if (e.at >= endMs) return;
      this.now = e.at;
      if (e.step.spawn) this.start(e.step.spawn);
      if (e.step.body) yield { at: e.at, body: e.step.body };
      this.start(e.proc);
    }
  }

  private push(e: Entry): void {
    const h = this.heap;
    h.push(e);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(e, h[parent]!)) break;
      h[i] = h[parent]!;
      i = parent;
    }
    h[i] = e;
  }

  private pop(): Entry {
    const h = this.heap;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= h.length) break;
        const r = l + 1;
        const c = r < h.length && before(h[r]!, h[l]!) ? r : l;
        if (!before(h[c]!, last)) break;
        h[i] = h[c]!;
        i = c;
      }
      h[i] = last;
    }
    return top;
  }
}
