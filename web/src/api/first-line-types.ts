// The first-line API's answers (breaks, board, call-backs), as pure types: tests outside the web app import them.
/** An agent's status as agent.status records it (SPEC §2). */
export type AgentStatus = 'available' | 'busy' | 'break' | 'offline';
export type BreakState = 'working' | 'overdue' | 'on_break' | 'offline';

/** Where an agent stands against the break rule (GET /api/v1/agents/:id/break). */
export interface BreakStatus {
  agent_id: string;
  name: string | null;
  state: BreakState;
  status: AgentStatus | null;
  working_since: string | null;
  worked_s: number | null;
  break_due_at: string | null;
  over_limit: boolean;
  break_started_at: string | null;
  break_s: number | null;
  break_counts: boolean;
}

export interface BoardAgent extends BreakStatus {
  line: number | null;
  team_id: string | null;
}

export interface BoardAnswer {
  at: string;
  counts: Record<BreakState, number>;
  agents: BoardAgent[];
}

export interface CallbackItem {
  ticket_id: string;
  subject: string | null;
  channel: string;
  category: string | null;
  resolved_at: string;
  resolved_by: string | null;
  attempts: number;
  customer: { ref: string | null; customer_id: string | null; name: string | null; phones: string[] };
}

export interface CallbacksAnswer {
  share: number;
  from: string;
  to: string;
  items: CallbackItem[];
}

export type CallbackOutcome =
  | { outcome: 'reached'; score: number; comment?: string }
  | { outcome: 'no_answer' };

/** Seed 000: the reminder comes after 60 minutes of continuous work and suggests a 10-minute break. */
