import type { Kysely } from 'kysely';
import type { DomainEvent } from '../domain/events.js';
import type { TicketFacts } from '../facts/types.js';
import type { Database, TicketsTable } from './schema.js';

export interface TicketView {
  ticket: TicketsTable & { tags: string[] };
  facts: TicketFacts;
  /** the ticket's events and those of its contacts, in event time */
  timeline: (DomainEvent & { seq: number })[];
}

export async function readTicket(db: Kysely<Database>, ticketId: string): Promise<TicketView | null> {
  const ticket = await db
    .selectFrom('tickets')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .executeTakeFirst();
  const facts = await db
    .selectFrom('ticket_facts')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .executeTakeFirst();
  if (!ticket || !facts) return null;
  const tags = await db
    .selectFrom('ticket_tags')
    .select('tag')
    .where('ticket_id', '=', ticketId)
    .orderBy('tag')
    .execute();
  const contactIds = (
    await db.selectFrom('contacts').select('contact_id').where('ticket_id', '=', ticketId).execute()
  ).map((c) => `contact:${c.contact_id}`);
  if (facts.contact_id) contactIds.push(`contact:${facts.contact_id}`);
  const rows = await db
    .selectFrom('events')
    .select(['seq', 'at', 'body'])
    .where('stream', 'in', [`ticket:${ticketId}`, ...new Set(contactIds)])
    .orderBy('at')
    .orderBy('seq')
    .execute();
  return {
    ticket: { ...ticket, tags: tags.map((t) => t.tag) },
    facts: facts as TicketFacts,
    timeline: rows.map((r) => ({ ...(JSON.parse(r.body) as DomainEvent), seq: Number(r.seq) })),
  };
}
