import type { Kysely } from 'kysely';
import { inLists } from './chunks.js';
import { keyed } from './load.js';
import type { Database } from './schema.js';
import { streamId } from './streams.js';

export interface TicketEventRow {
  ticket_id: string;
  at: number;
  type: string;
  /** the stored event, as JSON text */
  body: string;
}

/**
 * The stored events of some tickets that have one of `types`, each ticket's in log order (by `at`, then
 * position). They are read by the stream index and their types checked here: with the type in the query,
 * SQLite's planner takes the (type, at) index and walks every event of that type in the whole log for
 * each 900 tickets, so a lookup grew with the log (a 1M-row tickets import ran at a fifth of its rate, and
 * 28 days of staffing history at 100k tickets took 15-18 s instead of 2).
 */
export async function ticketEventsOfTypes(
  db: Kysely<Database>,
  ticketIds: Iterable<string>,
  types: readonly string[],
): Promise<TicketEventRow[]> {
  const wanted = new Set(types);
  const out: TicketEventRow[] = [];
  for (const part of inLists(keyed('ticket', new Set(ticketIds)))) {
    const rows = await db
      .selectFrom('events')
      .select(['stream', 'at', 'type', 'body'])
      .where('stream', 'in', part)
      .orderBy('at')
      .orderBy('seq')
      .execute();
    for (const r of rows) {
      if (wanted.has(r.type))
        out.push({ ticket_id: streamId(r.stream), at: Number(r.at), type: r.type, body: r.body });
    }
  }
  return out;
}
