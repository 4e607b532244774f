import { type Kysely, sql } from 'kysely';
import type { DialectHelpers } from './dialect.js';
import { projectProfileStreams } from './profiles.js';
import { projectAgentStatuses } from './project-agents.js';
import { projectContacts } from './project-contacts.js';
import { projectTickets } from './project-tickets.js';
import { type Database, PROJECTION_TABLES } from './schema.js';
import { streamId } from './streams.js';

export interface RebuildProgress {
  events: number;
  total: number;
}

/** streams derived together: one IN list of the stream loader */
const BATCH = 900;

interface StreamPage {
  stream: string;
  events: number;
  first_at: number;
  last_seq: number;
}

/** Every stream of one kind (`ticket:`, `contact:`…), page by page in stream order, with its size. */
async function* streamsOf(trx: Kysely<Database>, prefix: string): AsyncGenerator<StreamPage[]> {
  let after = '';
  for (;;) {
    const rows = await trx
      .selectFrom('events')
      .select((eb) => [
        'stream',
        eb.fn.countAll<number>().as('events'),
        eb.fn.min('at').as('first_at'),
        eb.fn.max('seq').as('last_seq'),
      ])
      .where('stream', 'like', `${prefix}:%`)
      .where('stream', '>', after)
      .groupBy('stream')
      .orderBy('stream')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) return;
    after = rows.at(-1)!.stream;
    yield rows.map((r) => ({
      stream: r.stream,
      events: Number(r.events),
      first_at: Number(r.first_at),
      last_seq: Number(r.last_seq),
    }));
  }
}

/**
 * Empties every projection and derives each entity once from its whole stream, in the phase order of
 * ingest (profiles, contacts, tickets, agents), through the same projection code — so a rebuild cannot
 * drift from what incremental ingest produces, and each ticket is derived once, not once per page of the
 * log it appears in. Profiles go in the order of their latest events, as ingest met them.
 */
export async function rebuildProjections(
  db: Kysely<Database>,
  helpers: DialectHelpers,
  onProgress?: (p: RebuildProgress) => void,
): Promise<RebuildProgress> {
  const totalRow = await db
    .selectFrom('events')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('seq').as('last')])
    .executeTakeFirstOrThrow();
  const progress: RebuildProgress = { events: 0, total: Number(totalRow.n) };
  // facts rows carry the log position they reflect: all of it (see migration 0003)
  const rev = Number(totalRow.last ?? 0);
  const done = (pages: StreamPage[]) => {
    for (const p of pages) progress.events += p.events;
    onProgress?.({ ...progress });
  };
  await helpers.writeTransaction(db, async (trx) => {
    for (const table of PROJECTION_TABLES) await trx.deleteFrom(table).execute();
    const profiles: StreamPage[] = [];
    for (const kind of ['agent', 'customer', 'company', 'calendar', 'team'])
      for await (const page of streamsOf(trx, kind)) profiles.push(...page);
    profiles.sort((a, b) => a.last_seq - b.last_seq);
    for (let i = 0; i < profiles.length; i += BATCH) {
      const page = profiles.slice(i, i + BATCH);
      await projectProfileStreams(trx, helpers, new Set(page.map((p) => p.stream)));
      done(page);
    }
    for await (const page of streamsOf(trx, 'contact')) {
      await projectContacts(trx, helpers, new Set(page.map((p) => streamId(p.stream))), rev);
      done(page);
    }
    for await (const page of streamsOf(trx, 'ticket')) {
      await projectTickets(trx, helpers, new Set(page.map((p) => streamId(p.stream))), rev);
      done(page);
    }
    for await (const page of streamsOf(trx, 'agent-status')) {
      await projectAgentStatuses(
        trx,
        helpers,
        new Map(page.map((p) => [streamId(p.stream), p.first_at])),
        rev,
      );
      done(page);
    }
  });
  if (helpers.name === 'postgres') await sql`analyze`.execute(db);
  return progress;
}
