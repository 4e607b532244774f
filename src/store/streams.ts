import type { ContactEvent, DomainEvent, TicketEvent } from '../domain/events.js';

/** The entity an event belongs to; an entity's history is the events of its stream. */
export function streamOf(e: DomainEvent): string {
  switch (e.type) {
    case 'agent.profile':
      return `agent:${e.agent_id}`;
    case 'agent.status':
      return `agent-status:${e.agent_id}`;
    case 'customer.profile':
      return `customer:${e.customer_id}`;
    case 'customer.merged':
      return `customer:${e.from}`;
    case 'company.profile':
      return `company:${e.company_id}`;
    case 'calendar.defined':
      return `calendar:${e.calendar_id}`;
    case 'team.profile':
      return `team:${e.team_id}`;
    default:
      return e.type.startsWith('contact.')
        ? `contact:${(e as ContactEvent).contact_id}`
        : `ticket:${(e as TicketEvent).ticket_id}`;
  }
}

/** The agent who acted, when the event names one. */
export function actorOf(e: DomainEvent): string | null {
  if ('by' in e && e.by) return e.by;
  if (e.type === 'ticket.assigned') return e.assignee_id ?? null;
  if (e.type === 'ticket.worked' || e.type === 'contact.answered') return e.agent_id;
  return null;
}

/** The ticket an event concerns (contact events carry it when linked). */
export function ticketOf(e: DomainEvent): string | null {
  return 'ticket_id' in e && e.ticket_id ? e.ticket_id : null;
}

export const streamId = (stream: string) => stream.slice(stream.indexOf(':') + 1);
