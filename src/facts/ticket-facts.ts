import type { TicketEvent } from '../domain/events.js';
import type { Line } from '../domain/primitives.js';
import { type BusinessCalendar, businessSeconds } from '../time/business-calendar.js';
import { byTime, Clamp, type Sequenced } from './sequenced.js';
import { type AgentLookup, type Replay, replayTicket } from './ticket-replay.js';
import type { ContactFacts, TicketFacts, TicketSegment } from './types.js';

export interface TicketContext extends AgentLookup {
  /** facts of the contacts linked to the ticket (named on ticket.created or carrying its ticket_id) */
  contacts: readonly ContactFacts[];
  /** the business calendar of a team (the organisation default for null or an unknown team) */
  calendarFor(teamId: string | null): BusinessCalendar;
  /** the customer's client company as known at an instant */
  companyOf(customer: string, atMs: number): string | null;
}

export interface TicketDerivation {
  facts: TicketFacts;
  tags: string[];
  segments: TicketSegment[];
}

/**
 * SPEC §3 "a ticket's start": the contact named on ticket.created, else the earliest linked contact that
 * arrived no later than the ticket was created (a later call about the same ticket is a follow-up, not its origin).
 */
function originContact(createdAt: number, namedId: string | undefined, contacts: readonly ContactFacts[]) {
  if (namedId) return contacts.find((c) => c.contact_id === namedId) ?? null;
  const before = contacts
    .filter((c) => c.offered_at <= createdAt)
    .sort((a, b) => a.offered_at - b.offered_at);
  return before[0] ?? null;
}

/** SPEC "lines when unknown": an unknown resolving line is L1 only if the ticket never left line 1. */
function resolvedByL1(line: Line | null, r: Replay): boolean {
  return line === 1 || (line === null && !r.leftLine1);
}

export function deriveTicketFacts(
  input: readonly Sequenced<TicketEvent>[],
  ctx: TicketContext,
): TicketDerivation | null {
  const events = [...input].sort(byTime);
  const createdEv = events.find((e) => e.event.type === 'ticket.created');
  if (!createdEv || createdEv.event.type !== 'ticket.created') return null;
  const created = createdEv.event;
  const r = replayTicket(events, ctx);
  const origin = originContact(createdEv.at, created.contact_id, ctx.contacts);
  const startAt = origin ? Math.min(origin.offered_at, createdEv.at) : createdEv.at;
  const liveAnswer = origin?.live && origin.answered_at !== null ? origin.answered_at : null;
  const firstResponse =
    liveAnswer !== null
      ? { at: liveAnswer, by: origin?.agent_id ?? null, live: 1 }
      : r.firstReply
        ? { ...r.firstReply, live: 0 }
        : null;
  const calendar = ctx.calendarFor(r.team);
  const clamp = new Clamp();
  const span = (to: number | null | undefined) =>
    to == null
      ? { s: null, bs: null }
      : { s: clamp.seconds(startAt, to), bs: businessSeconds(startAt, to, calendar) };

  const first = r.resolutions[0] ?? null;
  const final = r.status !== 'open' ? (r.resolutions.at(-1) ?? null) : null;
  const fr = span(firstResponse?.at);
  const fa = span(r.firstAssigned?.at);
  const res = span(first?.at);
  const fin = span(final?.at);
  const responded = firstResponse !== null && (first === null || firstResponse.at <= first.at);
  const customerReplies = firstResponse
    ? r.customerReplies.filter((c) => c.at > firstResponse.at && (!first || c.at <= first.at)).length
    : 0;
  const gaps = r.reopens
    .filter((o) => o.afterResolutionAt !== null)
    .map((o) => clamp.seconds(o.afterResolutionAt as number, o.at));
  const firstGap = first ? r.reopens.find((o) => o.afterResolutionAt === first.at) : undefined;
  const l1Resolved = first ? resolvedByL1(first.line, r) && r.escalationBeforeResolution === 0 : null;
  const dispatchedFirst = r.dispatched && (!first || r.dispatched.at <= first.at);
  const l1Processed = dispatchedFirst
    ? { at: r.dispatched!.at, by: r.dispatched!.by, outcome: 'dispatched' as const }
    : first && resolvedByL1(first.line, r)
      ? { at: first.at, by: first.by, outcome: 'resolved' as const }
      : null;
  const fcrBase =
    first && responded
      ? Number(
          customerReplies === 0 &&
            r.replyCount <= 1 &&
            r.reassignBeforeResolution === 0 &&
            r.escalationBeforeResolution === 0,
        )
      : null;

  const facts: TicketFacts = {
    ticket_id: created.ticket_id,
    channel: created.channel,
    priority: r.priority,
    category: r.category,
    first_category: r.firstCategory,
    team_id: r.team,
    line: r.line,
    assignee_id: r.assignee,
    customer: created.customer ?? null,
    company_id: created.customer ? ctx.companyOf(created.customer, createdEv.at) : null,
    contact_id: origin?.contact_id ?? created.contact_id ?? null,
    status: r.status,
    start_at: startAt,
    created_at: createdEv.at,
    created_by: created.by ?? null,
    first_response_at: firstResponse?.at ?? null,
    first_response_by: firstResponse?.by ?? null,
    first_response_live: firstResponse?.live ?? 0,
    first_response_s: fr.s,
    first_response_bs: fr.bs,
    first_assigned_at: r.firstAssigned?.at ?? null,
    first_assigned_by: r.firstAssigned?.by ?? null,
    assign_s: fa.s,
    assign_bs: fa.bs,
    first_resolved_at: first?.at ?? null,
    first_resolved_by: first?.by ?? null,
    resolved_line: first?.line ?? null,
    resolution_s: res.s,
    resolution_bs: res.bs,
    final_resolved_at: final?.at ?? null,
    final_resolution_s: fin.s,
    final_resolution_bs: fin.bs,
    closed_at: r.closedAt,
    reply_count: r.replyCount,
    customer_reply_count: customerReplies,
    reassign_count: r.reassignCount,
    reassign_before_resolution: r.reassignBeforeResolution,
    reclassify_count: r.reclassifyCount,
    escalation_count: r.escalationCount,
    escalation_before_resolution: r.escalationBeforeResolution,
    reopen_count: r.reopens.length,
    first_reopen_gap_s: first && firstGap ? (firstGap.at - first.at) / 1000 : null,
    min_reopen_gap_s: gaps.length ? Math.min(...gaps) : null,
    classified_by: r.classifiedBy,
    classified_l1: r.classified ? Number(r.classifiedLine === null || r.classifiedLine === 1) : null,
    manual_assigned: Number(r.manualAssigned),
    manual_assignment_kept: r.manualAssigned ? Number(r.manualKept) : null,
    l1_resolved: l1Resolved === null ? null : Number(l1Resolved),
    responded: Number(responded),
    fcr_base: fcrBase,
    l1_processed_at: l1Processed?.at ?? null,
    l1_processed_by: l1Processed?.by ?? null,
    l1_outcome: l1Processed?.outcome ?? null,
    handle_s: r.handleS,
    rating_score: r.rating?.score ?? null,
    rating_via: r.rating?.via ?? null,
    rated_at: r.rating?.at ?? null,
    callback_count: r.callbacks.length,
    callback_reached: r.callbacks.filter((c) => c.reached).length,
    first_callback_at: r.callbacks[0]?.at ?? null,
    negative_clamped: clamp.count,
    calendar_id: calendar.id,
    last_event_at: r.lastAt,
  };
  const segments = r.segments.map((s, i) => ({ ...s, ticket_id: facts.ticket_id, seg_no: i }));
  return { facts, tags: [...r.tags].sort(), segments };
}
