/** A work stretch as the database returns it. */
export interface StretchRow {
  agent_id: string;
  start_at: unknown;
  end_at: unknown;
  compliant: unknown;
}

/** One agent's work stretches in start order; they never overlap, so ends are in order too (NaN last, running). */
export interface AgentStretches {
  readonly start: Float64Array;
  /** NaN while the stretch runs */
  readonly end: Float64Array;
  /** 1 compliant, 0 not, -1 not yet known (running) */
  readonly compliant: Int8Array;
}

/**
 * Every agent's work stretches (agent_stretches) in memory, for break compliance and hours worked. A
 * derivation rewrites an agent's stretches from some point on, deleting some, so an agent's stretches are
 * always replaced whole; `revs` holds the agent's stretches_rev they were read at.
 */
export class StretchTable {
  private readonly byAgent = new Map<string, AgentStretches>();
  readonly revs = new Map<string, number>();

  /** Replaces the stretches of the given agents by `rows` (ordered by agent, then start). */
  replace(agents: readonly string[], rows: readonly StretchRow[]): void {
    for (const a of agents) this.byAgent.delete(a);
    let i = 0;
    while (i < rows.length) {
      const agent = rows[i]!.agent_id;
      let j = i;
      while (j < rows.length && rows[j]!.agent_id === agent) j++;
      const n = j - i;
      const s: AgentStretches = {
        start: new Float64Array(n),
        end: new Float64Array(n),
        compliant: new Int8Array(n),
      };
      for (let k = 0; k < n; k++) {
        const r = rows[i + k]!;
        s.start[k] = Number(r.start_at);
        s.end[k] = r.end_at === null || r.end_at === undefined ? Number.NaN : Number(r.end_at);
        s.compliant[k] = r.compliant === null || r.compliant === undefined ? -1 : Number(r.compliant);
      }
      this.byAgent.set(agent, s);
      i = j;
    }
  }

  agents(): IterableIterator<[string, AgentStretches]> {
    return this.byAgent.entries();
  }

  of(agent: string): AgentStretches | undefined {
    return this.byAgent.get(agent);
  }
}

/** The first stretch that ends at or after `at` (a running one counts as ending last). */
export function firstEndingFrom(s: AgentStretches, at: number): number {
  let lo = 0;
  let hi = s.end.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const e = s.end[mid]!;
    if (!Number.isNaN(e) && e < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
