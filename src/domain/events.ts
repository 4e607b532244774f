import { z } from 'zod';
import {
  channel,
  id,
  instant,
  interval,
  line,
  localDate,
  priority,
  seconds,
  tags,
  timeZone,
} from './primitives.js';

const base = { id, at: instant };
const ev = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.strictObject({ type: z.literal(type), ...base, ...shape });

const optionalTicket = { ticket_id: id.optional() };

export const contactEvents = [
  ev('contact.offered', {
    contact_id: id,
    channel,
    customer: id.optional(),
    queue: id.optional(),
    ...optionalTicket,
  }),
  ev('contact.queued', { contact_id: id, queue: id.optional(), ...optionalTicket }),
  ev('contact.answered', { contact_id: id, agent_id: id, ...optionalTicket }),
  ev('contact.abandoned', { contact_id: id, ...optionalTicket }),
  ev('contact.ended', {
    contact_id: id,
    talk_s: seconds.default(0),
    hold_s: seconds.default(0),
    wrap_s: seconds.default(0),
    ...optionalTicket,
  }),
  ev('contact.linked', { contact_id: id, ticket_id: id }),
] as const;

const by = { by: id.optional() };
const ticket = { ticket_id: id };
/** What was written (a reply, a note, the request itself): optional, so integrations may send only the facts. */
const text = { text: z.string().max(100_000).optional() };

export const ticketEvents = [
  ev('ticket.created', {
    ...ticket,
    channel,
    customer: id.optional(),
    subject: z.string().max(1000).optional(),
    category: id.optional(),
    priority: priority.optional(),
    tags: tags.optional(),
    contact_id: id.optional(),
    ...text,
    ...by,
  }),
  ev('ticket.classified', { ...ticket, category: id, ...by }),
  ev('ticket.reclassified', { ...ticket, from: id.optional(), to: id, ...by }),
  ev('ticket.assigned', {
    ...ticket,
    assignee_id: id.optional(),
    team_id: id.optional(),
    line: line.optional(),
    mode: z.enum(['manual', 'auto']).default('manual'),
    ...by,
  }),
  ev('ticket.replied', {
    ...ticket,
    by: id,
    kind: z.enum(['comment', 'clarification', 'solution']),
    ...text,
  }),
  ev('ticket.note', { ...ticket, ...text, ...by }),
  ev('ticket.customer_replied', { ...ticket, ...text }),
  ev('ticket.escalated', {
    ...ticket,
    to_line: line.optional(),
    to_role: z.enum(['senior', 'manager']).optional(),
    reason: z.string().max(1000).optional(),
    ...by,
  }),
  ev('ticket.tagged', { ...ticket, tags, ...by }),
  ev('ticket.prioritized', { ...ticket, priority, ...by }),
  ev('ticket.resolved', { ...ticket, line: line.optional(), ...by }),
  ev('ticket.reopened', { ...ticket, ...by }),
  ev('ticket.closed', { ...ticket, ...by }),
  ev('ticket.rated', {
    ...ticket,
    score: z.number().int('must be a whole number').min(1, 'must be 1..5').max(5, 'must be 1..5'),
    via: z.enum(['link', 'callback', 'portal']),
    comment: z.string().max(5000).optional(),
  }),
  ev('ticket.callback', { ...ticket, outcome: z.enum(['reached', 'no_answer']), ...by }),
  ev('ticket.worked', { ...ticket, agent_id: id, seconds }),
] as const;

export const agentEvents = [
  ev('agent.profile', {
    agent_id: id,
    name: z.string().max(200).optional(),
    line: line.optional(),
    team_id: id.optional(),
    role: z.enum(['agent', 'senior', 'supervisor', 'admin']).optional(),
  }),
  ev('agent.status', { agent_id: id, status: z.enum(['available', 'busy', 'break', 'offline']) }),
] as const;

export const customerEvents = [
  ev('customer.profile', {
    customer_id: id,
    name: z.string().max(200).optional(),
    company_id: id.optional(),
    phones: z.array(id).optional(),
    emails: z.array(id).optional(),
    handles: z.array(id).optional(),
  }),
  ev('company.profile', { company_id: id, name: z.string().max(200) }),
  ev('customer.merged', { from: id, into: id }),
] as const;

/** Organisation set-up: business calendars and the teams that use them (not in SPEC §2; kept as events so a rebuild reproduces them). */
export const setupEvents = [
  ev('calendar.defined', {
    calendar_id: id,
    name: z.string().max(200).optional(),
    time_zone: timeZone,
    week: z.strictObject({
      mon: z.array(interval).default([]),
      tue: z.array(interval).default([]),
      wed: z.array(interval).default([]),
      thu: z.array(interval).default([]),
      fri: z.array(interval).default([]),
      sat: z.array(interval).default([]),
      sun: z.array(interval).default([]),
    }),
    exceptions: z.array(z.strictObject({ date: localDate, intervals: z.array(interval) })).default([]),
  }),
  ev('team.profile', { team_id: id, name: z.string().max(200).optional(), calendar_id: id.optional() }),
] as const;

export const domainEvent = z.discriminatedUnion('type', [
  ...contactEvents,
  ...ticketEvents,
  ...agentEvents,
  ...customerEvents,
  ...setupEvents,
]);

export type DomainEvent = z.infer<typeof domainEvent>;
export type DomainEventInput = z.input<typeof domainEvent>;
export type EventType = DomainEvent['type'];
export type EventOf<T extends EventType> = Extract<DomainEvent, { type: T }>;
export type TicketEvent = Extract<DomainEvent, { type: `ticket.${string}` }>;
export type ContactEvent = Extract<DomainEvent, { type: `contact.${string}` }>;
export type AgentEvent = Extract<DomainEvent, { type: `agent.${string}` }>;
export type CalendarDefined = EventOf<'calendar.defined'>;

export const EVENT_TYPES: readonly EventType[] = domainEvent.options.map((o) => o.shape.type.value);
