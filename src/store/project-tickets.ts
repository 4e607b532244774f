import type { Kysely } from 'kysely';
import type { TicketEvent } from '../domain/events.js';
import type { Sequenced } from '../facts/sequenced.js';
import { deriveTicketFacts, type TicketDerivation } from '../facts/ticket-facts.js';
import type { DialectHelpers } from './dialect.js';
import { type FreshStreams, keyed, loadStreams } from './load.js';
import type { Database } from './schema.js';
import { actorOf, streamId } from './streams.js';
import { loadTicketContexts } from './ticket-context.js';
import { replaceChildren, upsertRows } from './upsert.js';

/** Derives the tickets again from their whole history: out-of-order events land where they belong. */
export async function projectTickets(
  trx: Kysely<Database>,
  helpers: DialectHelpers,
  ticketIds: ReadonlySet<string>,
  rev: number,
  fresh?: FreshStreams,
): Promise<void> {
  if (ticketIds.size === 0) return;
  const streams = keyed('ticket', ticketIds);
  await helpers.lockKeys(trx, streams);
  const loaded = await loadStreams(trx, streams, fresh);
  const namedContacts: string[] = [];
  const agents = new Set<string>();
  const customers = new Set<string>();
  for (const events of loaded.values()) {
    for (const { event: e } of events) {
      const actor = actorOf(e);
      if (actor) agents.add(actor);
      if (e.type === 'ticket.created') {
        if (e.contact_id) namedContacts.push(e.contact_id);
        if (e.customer) customers.add(e.customer);
      }
    }
  }
  const ids = [...loaded.keys()].map(streamId);
  const contextOf = await loadTicketContexts(trx, ids, namedContacts, agents, customers);
  const derived: { d: TicketDerivation; subject: string | null; version: number }[] = [];
  for (const [stream, events] of loaded) {
    const ticketEvents = events as Sequenced<TicketEvent>[];
    const created = ticketEvents.find((e) => e.event.type === 'ticket.created')?.event;
    if (created?.type !== 'ticket.created') continue;
    const d = deriveTicketFacts(ticketEvents, contextOf(streamId(stream), created.contact_id));
    if (d) derived.push({ d, subject: created.subject ?? null, version: events.length });
  }
  const facts = derived.map((x) => x.d.facts);
  await upsertRows(
    trx,
    helpers,
    'ticket_facts',
    ['ticket_id'],
    facts.map((f) => ({ ...f, rev })),
  );
  await upsertRows(
    trx,
    helpers,
    'tickets',
    ['ticket_id'],
    derived.map(({ d: { facts: f }, subject, version }) => ({
      ticket_id: f.ticket_id,
      status: f.status,
      channel: f.channel,
      subject,
      customer: f.customer,
      category: f.category,
      priority: f.priority,
      team_id: f.team_id,
      line: f.line,
      assignee_id: f.assignee_id,
      created_at: f.created_at,
      updated_at: f.last_event_at,
      version,
    })),
  );
  const ticketList = facts.map((f) => f.ticket_id);
  await replaceChildren(
    trx,
    helpers,
    'ticket_tags',
    'ticket_id',
    ticketList,
    derived.flatMap(({ d }) => d.tags.map((tag) => ({ ticket_id: d.facts.ticket_id, tag }))),
  );
  await replaceChildren(
    trx,
    helpers,
    'ticket_segments',
    'ticket_id',
    ticketList,
    derived.flatMap(({ d }) => d.segments) as unknown as Record<string, unknown>[],
  );
}
