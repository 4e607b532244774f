import type { DomainEvent } from '../../domain/events.js';
import type { Store } from '../../store/store.js';
import { ticketEventsOfTypes } from '../../store/ticket-events.js';
import { loadSlaSetup, SLA_CLOCKS, type SlaClocks, slaClocks } from './sla.js';

export const QUEUES = ['new', 'unassigned', 'mine', 'waiting', 'overdue'] as const;
export type QueueName = (typeof QUEUES)[number];

export interface QueueFilter {
  line?: number | undefined;
  team_id?: string | undefined;
}

export interface QueueRow {
  ticket_id: string;
  subject: string | null;
  channel: string;
  customer: string | null;
  category: string | null;
  priority: string | null;
  team_id: string | null;
  line: number | null;
  assignee_id: string | null;
  created_at: string;
  updated_at: string;
  version: number;
  queues: QueueName[];
  /** the earliest due time among the clocks still running (or overdue) */
  next_due_at: string | null;
  sla: SlaClocks;
}

/** Open tickets whose last public exchange is the agent's clarification request: the customer has the turn. */
async function waitingForCustomer(store: Store, ticketIds: readonly string[]): Promise<Set<string>> {
  const last = new Map<string, string>();
  for (const r of await ticketEventsOfTypes(store.db, ticketIds, [
    'ticket.replied',
    'ticket.customer_replied',
  ])) {
    const e = JSON.parse(r.body) as DomainEvent;
    last.set(r.ticket_id, e.type === 'ticket.replied' ? e.kind : 'customer');
  }
  return new Set([...last].filter(([, kind]) => kind === 'clarification').map(([t]) => t));
}

/**
 * The open tickets of a line or team, each with the queues it is in and its SLA clocks: new (no response
 * and never assigned), unassigned, mine, waiting for the customer, overdue (a running clock past its target).
 */
export async function queueRows(
  store: Store,
  filter: QueueFilter,
  me: string,
  now: number,
): Promise<QueueRow[]> {
  let q = store.db
    .selectFrom('tickets')
    .innerJoin('ticket_facts', 'ticket_facts.ticket_id', 'tickets.ticket_id')
    .select([
      'tickets.ticket_id',
      'tickets.subject',
      'tickets.channel',
      'tickets.customer',
      'tickets.category',
      'tickets.priority',
      'tickets.team_id',
      'tickets.line',
      'tickets.assignee_id',
      'tickets.created_at',
      'tickets.updated_at',
      'tickets.version',
      'tickets.status',
      'ticket_facts.start_at',
      'ticket_facts.first_response_at',
      'ticket_facts.first_assigned_at',
      'ticket_facts.first_resolved_at',
      'ticket_facts.calendar_id',
    ])
    .where('tickets.status', '=', 'open');
  if (filter.line !== undefined) q = q.where('tickets.line', '=', filter.line);
  if (filter.team_id !== undefined) q = q.where('tickets.team_id', '=', filter.team_id);
  const open = await q.execute();
  const setup = await loadSlaSetup(store);
  const waiting = await waitingForCustomer(
    store,
    open.map((t) => t.ticket_id),
  );
  const rows = open.map((t): QueueRow => {
    const sla = slaClocks(setup, t, now);
    const running = SLA_CLOCKS.map((c) => sla[c]).filter((c) => c.reached_at === null && c.due_at !== null);
    const queues: QueueName[] = [];
    if (t.first_response_at === null && t.first_assigned_at === null) queues.push('new');
    if (t.assignee_id === null) queues.push('unassigned');
    if (t.assignee_id === me) queues.push('mine');
    if (waiting.has(t.ticket_id)) queues.push('waiting');
    if (running.some((c) => c.state === 'breached')) queues.push('overdue');
    return {
      ticket_id: t.ticket_id,
      subject: t.subject,
      channel: t.channel,
      customer: t.customer,
      category: t.category,
      priority: t.priority,
      team_id: t.team_id,
      line: t.line,
      assignee_id: t.assignee_id,
      created_at: new Date(Number(t.created_at)).toISOString(),
      updated_at: new Date(Number(t.updated_at)).toISOString(),
      version: Number(t.version),
      queues,
      next_due_at: running.map((c) => c.due_at!).sort()[0] ?? null,
      sla,
    };
  });
  // most urgent first: the nearest (or most overdue) due time, then the oldest
  return rows.sort(
    (a, b) =>
      (a.next_due_at ?? '9999').localeCompare(b.next_due_at ?? '9999') ||
      a.created_at.localeCompare(b.created_at),
  );
}
