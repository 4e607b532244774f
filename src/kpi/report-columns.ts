import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { factCacheOf } from '../store/store.js';

/**
 * The facts columns the full KPI set reads in calendar time, under any cut (every dimension's column, and
 * each KPI's own agent column). The facts copy reads them together the first time any is asked for.
 * Business-time durations are left to be read when a query asks for them. report-columns.test.ts keeps
 * this list equal to what a full report reads.
 */
export const REPORT_COLUMNS = {
  ticket_facts: [
    'assign_s',
    'assignee_id',
    'callback_reached',
    'category',
    'channel',
    'classified_by',
    'classified_l1',
    'closed_at',
    'company_id',
    'created_at',
    'created_by',
    'escalation_count',
    'fcr_base',
    'final_resolution_s',
    'final_resolved_at',
    'first_assigned_at',
    'first_assigned_by',
    'first_reopen_gap_s',
    'first_resolved_at',
    'first_resolved_by',
    'first_response_at',
    'first_response_by',
    'first_response_s',
    'handle_s',
    'l1_outcome',
    'l1_processed_at',
    'l1_processed_by',
    'l1_resolved',
    'line',
    'manual_assigned',
    'manual_assignment_kept',
    'min_reopen_gap_s',
    'negative_clamped',
    'priority',
    'rated_at',
    'rating_score',
    'rating_via',
    'reclassify_count',
    'resolution_s',
    'start_at',
    'status',
    'team_id',
  ],
  contact_facts: [
    'abandon_wait_s',
    'agent_id',
    'answered_at',
    'channel',
    'ended_at',
    'handle_s',
    'hold_s',
    'live',
    'negative_clamped',
    'offered_at',
    'outcome',
    'talk_s',
    'wait_s',
    'wrap_s',
  ],
} as const;

/** Tells this connection's facts copy (if it has one) to read the report's columns together. */
export function readReportColumnsTogether(db: Kysely<Database>): void {
  const cache = factCacheOf(db);
  if (!cache) return;
  cache.readTogether('ticket_facts', REPORT_COLUMNS.ticket_facts);
  cache.readTogether('contact_facts', REPORT_COLUMNS.contact_facts);
}

/** Fills this connection's facts copy with what a full report reads (a server does it at start). */
export async function fillFactsCopy(db: Kysely<Database>): Promise<boolean> {
  const cache = factCacheOf(db);
  if (!cache) return false;
  readReportColumnsTogether(db);
  await cache.table('ticket_facts', REPORT_COLUMNS.ticket_facts);
  await cache.table('contact_facts', REPORT_COLUMNS.contact_facts);
  await cache.segments(['start_at']);
  await cache.stretches();
  return true;
}
