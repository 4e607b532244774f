/** How a queue performs with a given number of agents (the shape the CLI and the API print). */
export interface QueueFigures {
  agents: number;
  /** probability that a caller waits at all (all agents busy on arrival) */
  p_wait: number;
  /** share of offered callers answered within the target time */
  service_level: number;
  /** average speed of answer of answered callers, seconds; null when the queue never settles */
  asa_s: number | null;
  /** share of the agents' time spent handling */
  occupancy: number;
  /** share of callers who hang up before an answer (Erlang A only, else null) */
  p_abandon: number | null;
}

/** What "enough agents" means: a service level (e.g. 80 % within 20 s) or an average speed of answer. */
export type StaffingTarget =
  | { kind: 'service_level'; level: number; withinS: number }
  | { kind: 'asa'; asaS: number };

/** One live queue for one interval. */
export interface QueueSpec {
  /** contacts arriving in the interval */
  arrivals: number;
  intervalS: number;
  /** average handle time (talk + hold + wrap), seconds */
  ahtS: number;
  /** mean patience of callers, seconds (Erlang A); absent for Erlang C, where nobody hangs up */
  patienceS?: number;
}
