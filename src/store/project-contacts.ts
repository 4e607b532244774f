import type { Kysely } from 'kysely';
import type { ContactEvent } from '../domain/events.js';
import { deriveContactFacts } from '../facts/contact-facts.js';
import type { Sequenced } from '../facts/sequenced.js';
import type { ContactFacts } from '../facts/types.js';
import { inLists } from './chunks.js';
import type { DialectHelpers } from './dialect.js';
import { type FreshStreams, keyed, loadStreams } from './load.js';
import type { Database } from './schema.js';
import { upsertRows } from './upsert.js';

/** Derives the contacts again from their events; returns the tickets they are (or were) linked to. */
export async function projectContacts(
  trx: Kysely<Database>,
  helpers: DialectHelpers,
  contactIds: ReadonlySet<string>,
  rev: number,
  fresh?: FreshStreams,
): Promise<Set<string>> {
  const tickets = new Set<string>();
  if (contactIds.size === 0) return tickets;
  const streams = keyed('contact', contactIds);
  await helpers.lockKeys(trx, streams);
  for (const part of inLists([...contactIds])) {
    const before = await trx
      .selectFrom('contacts')
      .select('ticket_id')
      .where('contact_id', 'in', part)
      .execute();
    for (const r of before) if (r.ticket_id) tickets.add(r.ticket_id);
    // a ticket may name the contact it was born from without the contact naming the ticket
    const origins = await trx
      .selectFrom('ticket_facts')
      .select('ticket_id')
      .where('contact_id', 'in', part)
      .execute();
    for (const r of origins) tickets.add(r.ticket_id);
  }
  const loaded = await loadStreams(trx, streams, fresh);
  const facts: ContactFacts[] = [];
  for (const events of loaded.values()) {
    const f = deriveContactFacts(events as Sequenced<ContactEvent>[]);
    if (!f) continue;
    facts.push(f);
    if (f.ticket_id) tickets.add(f.ticket_id);
  }
  await upsertRows(
    trx,
    helpers,
    'contact_facts',
    ['contact_id'],
    facts.map((f) => ({ ...f, rev })),
  );
  await upsertRows(
    trx,
    helpers,
    'contacts',
    ['contact_id'],
    facts.map((f) => ({
      contact_id: f.contact_id,
      channel: f.channel,
      customer: f.customer,
      queue: f.queue,
      ticket_id: f.ticket_id,
      agent_id: f.agent_id,
      outcome: f.outcome,
      offered_at: f.offered_at,
      updated_at: f.last_event_at,
    })),
  );
  return tickets;
}
