import type { Readable } from 'node:stream';
import type { DomainEvent } from '../../domain/events.js';
import { createdId } from './event-ids.js';
import { defined } from './event-log-events.js';
import { jsonRecords } from './json-records.js';
import { type FormatAdapter, type MappedRow, RowError, type SourceRow } from './types.js';
import { validateRowEvent } from './validate-row-event.js';
import { plannedEvents } from './zendesk-events.js';
import { type ZendeskTicket, zendeskChannel, zendeskTicket } from './zendesk-ticket.js';

export const ZENDESK = 'zendesk';

const TYPES: Record<string, string> = {
  reply: 'ticket.replied',
  assigned: 'ticket.assigned',
  resolved: 'ticket.resolved',
  reopened: 'ticket.reopened',
  closed: 'ticket.closed',
  rated: 'ticket.rated',
};

const FIELDS: Record<string, string> = {
  channel: 'via.channel',
  customer: 'requester_id',
  assignee_id: 'assignee_id',
  team_id: 'group_id',
  by: 'assignee_id',
  tags: 'tags',
  subject: 'subject',
  priority: 'priority',
};

function parseTicket(text: string): ZendeskTicket {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new RowError(undefined, `not JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const r = zendeskTicket.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const path = issue.path.map(String).join('.');
    const hint = path === 'metric_set' ? ' (export tickets with their metric sets: include=metric_sets)' : '';
    throw new RowError(path || undefined, `${issue.message}${hint}`);
  }
  return r.data;
}

function created(t: ZendeskTicket): DomainEvent {
  const raw = defined({
    type: 'ticket.created',
    at: new Date(Date.parse(t.created_at)).toISOString(),
    ticket_id: t.id,
    channel: zendeskChannel(t.via?.channel),
    subject: t.subject?.slice(0, 1000) ?? undefined,
    priority: t.priority ?? undefined,
    customer: t.requester_id ?? undefined,
    tags: t.tags?.length ? [...new Set(t.tags)].slice(0, 50) : undefined,
  });
  return validateRowEvent(raw, (f) => (f === 'at' ? 'created_at' : FIELDS[f]), {
    id: createdId(ZENDESK, t.id),
  });
}

/**
 * Zendesk ticket export (JSON lines, a JSON array, or API pages `{"tickets":[…]}`), each ticket with its
 * `metric_set`: a ticket becomes the events whose KPIs give Zendesk's own metric values (zendesk-events).
 * Event ids are `zendesk:<ticket id>:<role>`; an error's "column" is the ticket field's path.
 */
export function zendeskAdapter(): FormatAdapter<string> {
  return {
    format: ZENDESK,
    rows: (input: Readable): AsyncIterable<SourceRow<string>> => jsonRecords(input, 'tickets'),
    map({ data }): MappedRow {
      const t = parseTicket(data);
      const events = plannedEvents(t).map((p) => {
        const type = TYPES[p.role.replace(/-\d+$/, '')]!;
        const raw = defined({ type, at: new Date(p.at).toISOString(), ticket_id: t.id, ...p.fields });
        return validateRowEvent(raw, (f) => (f === 'at' ? p.field : FIELDS[f]), {
          id: `${ZENDESK}:${t.id}:${p.role}`,
        });
      });
      const at = Date.parse(t.created_at);
      return { events, ticket: { id: t.id, at, created: () => created(t) }, at };
    },
    columnOf: (field) => FIELDS[field] ?? field,
    describe: ({ line, data }) => ({ line, raw: data.length > 10_000 ? `${data.slice(0, 10_000)}…` : data }),
  };
}
