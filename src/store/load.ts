import type { Kysely } from 'kysely';
import type { DomainEvent } from '../domain/events.js';
import type { Sequenced } from '../facts/sequenced.js';
import { inLists } from './chunks.js';
import type { Database } from './schema.js';

/** All stored events of the given streams, grouped by stream, in log order. */
export async function loadStreams(
  trx: Kysely<Database>,
  streams: Iterable<string>,
): Promise<Map<string, Sequenced[]>> {
  const out = new Map<string, Sequenced[]>();
  for (const part of inLists([...new Set(streams)])) {
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
