import type { Channel, Line, Priority } from '../domain/primitives.js';

/** One row per ticket: everything a KPI needs, so that KPI queries aggregate and never replay events. */
export interface TicketFacts {
  ticket_id: string;
  channel: Channel;
  priority: Priority | null;
  category: string | null;
  first_category: string | null;
  team_id: string | null;
  line: Line | null;
  assignee_id: string | null;
  customer: string | null;
  company_id: string | null;
  contact_id: string | null;
  status: 'open' | 'resolved' | 'closed';
  /** SPEC "a ticket's start": the originating contact's arrival, else ticket.created */
  start_at: number;
  created_at: number;
  /** the agent who registered the ticket */
  created_by: string | null;
  first_response_at: number | null;
  first_response_by: string | null;
  first_response_live: number;
  first_response_s: number | null;
  first_response_bs: number | null;
  first_assigned_at: number | null;
  first_assigned_by: string | null;
  assign_s: number | null;
  assign_bs: number | null;
  first_resolved_at: number | null;
  first_resolved_by: string | null;
  resolved_line: Line | null;
  resolution_s: number | null;
  resolution_bs: number | null;
  final_resolved_at: number | null;
  final_resolution_s: number | null;
  final_resolution_bs: number | null;
  closed_at: number | null;
  /** public replies up to the first resolution */
  reply_count: number;
  /** customer replies after the first response and before the first resolution */
  customer_reply_count: number;
  reassign_count: number;
  reassign_before_resolution: number;
  reclassify_count: number;
  escalation_count: number;
  escalation_before_resolution: number;
  reopen_count: number;
  /** seconds from the first resolution to the reopen that follows it */
  first_reopen_gap_s: number | null;
  /** smallest gap between any resolution and the reopen that follows it */
  min_reopen_gap_s: number | null;
  classified_by: string | null;
  classified_l1: number | null;
  manual_assigned: number;
  manual_assignment_kept: number | null;
  /** 1 when resolved by line 1 and never escalated; null while unresolved */
  l1_resolved: number | null;
  /** 1 when the ticket got a response (live answer or public reply) before its first resolution */
  responded: number;
  /** FCR before the reopen window is applied (that window is a query parameter) */
  fcr_base: number | null;
  l1_processed_at: number | null;
  l1_processed_by: string | null;
  l1_outcome: 'resolved' | 'dispatched' | null;
  handle_s: number;
  rating_score: number | null;
  rating_via: string | null;
  rated_at: number | null;
  callback_count: number;
  callback_reached: number;
  first_callback_at: number | null;
  negative_clamped: number;
  calendar_id: string;
  last_event_at: number;
}

/** An interval during which the ticket was open, on one line and team (for backlog at a bucket end). */
export interface TicketSegment {
  ticket_id: string;
  seg_no: number;
  from_at: number;
  to_at: number | null;
  line: Line | null;
  team_id: string | null;
}

export interface ContactFacts {
  contact_id: string;
  channel: Channel;
  live: number;
  queue: string | null;
  customer: string | null;
  ticket_id: string | null;
  agent_id: string | null;
  offered_at: number;
  queued_at: number | null;
  answered_at: number | null;
  abandoned_at: number | null;
  ended_at: number | null;
  outcome: 'answered' | 'abandoned' | 'self_served' | 'pending' | 'received';
  wait_s: number | null;
  /** abandoned − (queued, else offered): compared with short_abandon_s at query time */
  abandon_wait_s: number | null;
  talk_s: number | null;
  hold_s: number | null;
  wrap_s: number | null;
  handle_s: number | null;
  negative_clamped: number;
  last_event_at: number;
}

export interface AgentStretch {
  agent_id: string;
  start_at: number;
  /** null while the stretch is still running */
  end_at: number | null;
  duration_s: number | null;
  compliant: number | null;
}
