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
    const candidates = rest.filter((s) => fresh.has(s));
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
