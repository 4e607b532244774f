import type { Kysely } from 'kysely';
import type { DomainEvent } from '../domain/events.js';
import type { Sequenced } from '../facts/sequenced.js';
import { inLists } from './chunks.js';
import type { Database } from './schema.js';
import { streamOf } from './streams.js';

/** Events just appended, by stream, in log order: what an append hands its projections. */
export type FreshStreams = ReadonlyMap<string, readonly Sequenced[]>;

export function freshByStream(fresh: readonly Sequenced[]): FreshStreams {
  const out = new Map<string, Sequenced[]>();
  for (const s of fresh) {
    const stream = streamOf(s.event);
    const list = out.get(stream);
    if (list) list.push(s);
    else out.set(stream, [s]);
  }
  for (const list of out.values()) list.sort((a, b) => a.seq - b.seq);
  return out;
}

/**
 * Whether the append's events may be all a stream holds. A ticket's or contact's other events refer to it,
 * and an append refers only to what is stored or created in it (checkReferences), so without its creation
 * in the append the stream has older events: no count is spent on it (an agent's reply, say).
 */
function mayBeNew(stream: string, list: readonly Sequenced[] | undefined): boolean {
  if (!list) return false;
  if (stream.startsWith('ticket:')) return list.some((s) => s.event.type === 'ticket.created');
  if (stream.startsWith('contact:')) return list.some((s) => s.event.type === 'contact.offered');
  return true;
}

/**
 * All stored events of the given streams, grouped by stream, in log order. A stream whose every stored
 * event is among `fresh` (the append that is running: a ticket created in this batch, say) is taken from
 * there; counting a stream's rows reads only the index, while reading them back fetched and parsed every
 * body again, a tenth of an ingest's time.
 */
export async function loadStreams(
  trx: Kysely<Database>,
  streams: Iterable<string>,
  fresh?: FreshStreams,
): Promise<Map<string, Sequenced[]>> {
  const out = new Map<string, Sequenced[]>();
  let rest = [...new Set(streams)];
  if (fresh?.size) {
    const candidates = rest.filter((s) => mayBeNew(s, fresh.get(s)));
    const stored = new Map<string, number>();
    for (const part of inLists(candidates)) {
      const rows = await trx
        .selectFrom('events')
        .select((eb) => ['stream', eb.fn.countAll<number>().as('n')])
        .where('stream', 'in', part)
        .groupBy('stream')
        .execute();
      for (const r of rows) stored.set(r.stream, Number(r.n));
    }
    for (const s of candidates) {
      const list = fresh.get(s)!;
      if (stored.get(s) === list.length) out.set(s, [...list]);
    }
    rest = rest.filter((s) => !out.has(s));
  }
  for (const part of inLists(rest)) {
    const rows = await trx
      .selectFrom('events')
      .select(['seq', 'at', 'stream', 'body'])
      .where('stream', 'in', part)
      .orderBy('seq')
      .execute();
    for (const row of rows) {
      const list = out.get(row.stream) ?? [];
      // Bodies were validated before they were stored.
      list.push({ seq: Number(row.seq), at: Number(row.at), event: JSON.parse(row.body) as DomainEvent });
      out.set(row.stream, list);
    }
  }
  return out;
}

export const keyed = (prefix: string, ids: Iterable<string>) => [...ids].map((id) => `${prefix}:${id}`);
