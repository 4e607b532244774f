import type { AgentEvent, ContactEvent, DomainEvent, EventOf, TicketEvent } from '../domain/events.js';
import { parseEvent } from '../domain/parse.js';
import type { Channel, Line } from '../domain/primitives.js';
import { ALWAYS_OPEN, type BusinessCalendar } from '../time/business-calendar.js';
import type { Sequenced } from './sequenced.js';
import { deriveTicketFacts, type TicketContext, type TicketDerivation } from './ticket-facts.js';
import type { ContactFacts } from './types.js';

/** Test origin: Monday 2026-03-02 09:00 UTC. */
export const T0 = Date.parse('2026-03-02T09:00:00Z');
/** The instant `minutes` after an origin (fractions allowed: 70 + 1/60 is 70 min 1 s), in epoch ms. */
export const min = (minutes: number, origin = T0): number => origin + Math.round(minutes * 60_000);

/** [minutes after the origin, type, payload without id/at/key field]. */
export type Row = readonly [minutes: number, type: string, payload?: Record<string, unknown>];

/**
 * Parses compact rows into stored events: ids and seq numbered in row order, `at` from the minute offset,
 * `key` (ticket_id, contact_id, agent_id) filled in. Throws when a row does not validate.
 */
function build<E extends DomainEvent>(
  prefix: string,
  key: Record<string, string>,
  rows: readonly Row[],
  origin: number,
): Sequenced<E>[] {
  return rows.map(([minutes, type, payload], i) => {
    const at = min(minutes, origin);
    const raw = { id: `e${i + 1}`, type, at: new Date(at).toISOString(), ...key, ...payload };
    const r = parseEvent(raw);
    if (!r.ok) throw new Error(`bad test row ${i} ${JSON.stringify(raw)}: ${JSON.stringify(r.issues)}`);
    if (!r.event.type.startsWith(prefix)) throw new Error(`row ${i}: ${type} is not a ${prefix} event`);
    return { seq: i + 1, at, event: r.event as E };
  });
}

export const ticketRows = (ticketId: string, rows: readonly Row[], origin = T0) =>
  build<TicketEvent>('ticket.', { ticket_id: ticketId }, rows, origin);

export const contactRows = (contactId: string, rows: readonly Row[], origin = T0) =>
  build<ContactEvent>('contact.', { contact_id: contactId }, rows, origin);

export const statusRows = (agentId: string, rows: readonly (readonly [number, string])[], origin = T0) =>
  build<AgentEvent>(
    'agent.status',
    { agent_id: agentId },
    rows.map(([m, status]) => [m, 'agent.status', { status }] as const),
    origin,
  ) as Sequenced<EventOf<'agent.status'>>[];

/** A contact's facts written out by hand (an input of a ticket derivation); times in minutes after T0. */
export function contactFact(
  c: {
    id: string;
    channel?: Channel;
    offered: number;
    answered?: number;
    agent?: string;
    ticket?: string;
  },
  origin = T0,
): ContactFacts {
  const channel = c.channel ?? 'phone';
  const live = channel === 'phone' || channel === 'chat' ? 1 : 0;
  const answered = c.answered === undefined ? null : min(c.answered, origin);
  return {
    contact_id: c.id,
    channel,
    live,
    queue: null,
    customer: null,
    ticket_id: c.ticket ?? null,
    agent_id: c.agent ?? null,
    offered_at: min(c.offered, origin),
    queued_at: null,
    answered_at: answered,
    abandoned_at: null,
    ended_at: null,
    outcome: live ? (answered === null ? 'abandoned' : 'answered') : 'received',
    wait_s: null,
    abandon_wait_s: null,
    talk_s: null,
    hold_s: null,
    wrap_s: null,
    handle_s: null,
    negative_clamped: 0,
    last_event_at: min(c.offered, origin),
  };
}

/** A TicketContext from plain lookups: agents' lines, team calendars (else ALWAYS_OPEN), customers' companies. */
export function context(
  opts: {
    contacts?: readonly ContactFacts[];
    lines?: Record<string, Line>;
    calendars?: Record<string, BusinessCalendar>;
    companies?: Record<string, string>;
  } = {},
): TicketContext {
  return {
    contacts: opts.contacts ?? [],
    lineOf: (agentId) => (agentId ? (opts.lines?.[agentId] ?? null) : null),
    calendarFor: (teamId) => (teamId ? opts.calendars?.[teamId] : undefined) ?? ALWAYS_OPEN,
    companyOf: (customer) => opts.companies?.[customer] ?? null,
  };
}

/** deriveTicketFacts of ticket 't1' from compact rows; throws when the rows hold no ticket.created. */
export function deriveTicket(rows: readonly Row[], ctx: TicketContext, origin = T0): TicketDerivation {
  const d = deriveTicketFacts(ticketRows('t1', rows, origin), ctx);
  if (!d) throw new Error('no ticket.created');
  return d;
}

/** Row shorthands for ticket histories (agent d1 creates and dispatches unless told). */
export const created = (payload: Record<string, unknown> = {}): Row => [
  0,
  'ticket.created',
  { channel: 'email', by: 'd1', ...payload },
];
export const assign = (m: number, payload: Record<string, unknown>): Row => [
  m,
  'ticket.assigned',
  { by: 'd1', ...payload },
];
export const reply = (m: number, by = 'a1', kind = 'comment'): Row => [m, 'ticket.replied', { by, kind }];
export const resolve = (m: number, by = 'a1', extra: Record<string, unknown> = {}): Row => [
  m,
  'ticket.resolved',
  { by, ...extra },
];
export const customerReply = (m: number): Row => [m, 'ticket.customer_replied', {}];
export const reopen = (m: number): Row => [m, 'ticket.reopened', {}];
