import type { Kysely } from 'kysely';
import type { DomainEvent } from '../domain/events.js';
import { canonicalJson } from '../domain/parse.js';
import type { Sequenced } from '../facts/sequenced.js';
import { writeRows } from './bulk-write.js';
import { inLists } from './chunks.js';
import type { DialectHelpers } from './dialect.js';
import type { Database } from './schema.js';
import { actorOf, streamOf, ticketOf } from './streams.js';

export type RejectCode = 'conflict' | 'unknown_reference';

/** A batch item that cannot be stored; the whole batch is refused so nothing is half-written. */
export class AppendRejected extends Error {
  constructor(
    readonly index: number,
    readonly code: RejectCode,
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export interface AppendOutcome {
  appended: number;
  duplicates: number;
}

export const EVENT_ROW = {
  table: 'events',
  columns: ['id', 'type', 'at', 'stream', 'ticket_id', 'actor_id', 'body', 'recorded_at'],
};

/** An event's row in the log: its canonical text and the columns streams, tickets and actors are found by. */
export function eventRow(event: DomainEvent, body: string, recordedAt: number) {
  return {
    id: event.id,
    type: event.type,
    at: Date.parse(event.at),
    stream: streamOf(event),
    ticket_id: event.type.startsWith('contact.') ? ticketOf(event) : null,
    actor_id: actorOf(event),
    body,
    recorded_at: recordedAt,
  };
}

async function existingIds(trx: Kysely<Database>, table: 'tickets' | 'contacts', ids: Set<string>) {
  const found = new Set<string>();
  for (const part of inLists([...ids])) {
    const rows =
      table === 'tickets'
        ? await trx.selectFrom('tickets').select('ticket_id as id').where('ticket_id', 'in', part).execute()
        : await trx
            .selectFrom('contacts')
            .select('contact_id as id')
            .where('contact_id', 'in', part)
            .execute();
    for (const r of rows) found.add(r.id);
  }
  return found;
}

/** Every contact and ticket an event refers to must be known: stored already or created in the same batch. */
async function checkReferences(
  trx: Kysely<Database>,
  items: readonly { index: number; event: DomainEvent }[],
) {
  const newTickets = new Set<string>();
  const newContacts = new Set<string>();
  for (const { event: e } of items) {
    if (e.type === 'ticket.created') newTickets.add(e.ticket_id);
    if (e.type === 'contact.offered') newContacts.add(e.contact_id);
  }
  const refs: { index: number; field: string; kind: 'ticket' | 'contact'; id: string }[] = [];
  for (const { index, event: e } of items) {
    if (e.type.startsWith('ticket.') && e.type !== 'ticket.created' && 'ticket_id' in e) {
      refs.push({ index, field: 'ticket_id', kind: 'ticket', id: e.ticket_id as string });
    }
    if (e.type.startsWith('contact.') && e.type !== 'contact.offered' && 'contact_id' in e) {
      refs.push({ index, field: 'contact_id', kind: 'contact', id: e.contact_id as string });
    }
    if (e.type.startsWith('contact.') && 'ticket_id' in e && e.ticket_id) {
      refs.push({ index, field: 'ticket_id', kind: 'ticket', id: e.ticket_id });
    }
    if (e.type === 'ticket.created' && e.contact_id) {
      refs.push({ index, field: 'contact_id', kind: 'contact', id: e.contact_id });
    }
  }
  const unknown = (kind: 'ticket' | 'contact') =>
    new Set(
      refs
        .filter((r) => r.kind === kind && !(kind === 'ticket' ? newTickets : newContacts).has(r.id))
        .map((r) => r.id),
    );
  const storedTickets = await existingIds(trx, 'tickets', unknown('ticket'));
  const storedContacts = await existingIds(trx, 'contacts', unknown('contact'));
  for (const r of refs) {
    const known =
      r.kind === 'ticket'
        ? newTickets.has(r.id) || storedTickets.has(r.id)
        : newContacts.has(r.id) || storedContacts.has(r.id);
    if (!known) {
      throw new AppendRejected(
        r.index,
        'unknown_reference',
        r.field,
        `unknown ${r.kind} ${JSON.stringify(r.id)}`,
      );
    }
  }
}

/**
 * De-duplicates by event id (same id and body: a no-op; same id, another body: a conflict), checks references,
 * and appends the rest to the log. Runs inside the caller's write transaction.
 */
export async function appendEvents(
  trx: Kysely<Database>,
  helpers: DialectHelpers,
  events: readonly DomainEvent[],
  now: number,
  canonical?: readonly string[],
): Promise<{ outcome: AppendOutcome; fresh: Sequenced[] }> {
  const bodies = new Map<string, { index: number; body: string }>();
  const items: { index: number; event: DomainEvent; body: string }[] = [];
  let duplicates = 0;
  events.forEach((event, index) => {
    const body = canonical?.[index] ?? canonicalJson(event);
    const seen = bodies.get(event.id);
    if (!seen) {
      bodies.set(event.id, { index, body });
      items.push({ index, event, body });
    } else if (seen.body === body) duplicates++;
    else
      throw new AppendRejected(
        index,
        'conflict',
        'id',
        `event id ${JSON.stringify(event.id)} appears twice in the batch with different content`,
      );
  });
  const stored = new Map<string, string>();
  for (const part of inLists([...bodies.keys()])) {
    for (const row of await trx
      .selectFrom('events')
      .select(['id', 'body'])
      .where('id', 'in', part)
      .execute()) {
      stored.set(row.id, row.body);
    }
  }
  const fresh = items.filter((it) => {
    const body = stored.get(it.event.id);
    if (body === undefined) return true;
    if (body !== it.body) {
      throw new AppendRejected(
        it.index,
        'conflict',
        'id',
        `event id ${JSON.stringify(it.event.id)} is already stored with different content`,
      );
    }
    duplicates++;
    return false;
  });
  await checkReferences(trx, fresh);
  const rows = fresh.map(({ event, body }) => eventRow(event, body, now));
  const returned = await writeRows(trx, helpers, { ...EVENT_ROW, returning: ['seq', 'id'] }, rows);
  const seqOf = new Map(returned.map((r) => [r.id as string, Number(r.seq)]));
  const sequenced: Sequenced[] = fresh.map((it, i) => ({
    seq: seqOf.get(it.event.id)!,
    at: rows[i]!.at,
    event: it.event,
  }));
  return { outcome: { appended: fresh.length, duplicates }, fresh: sequenced };
}
