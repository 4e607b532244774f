import { type Kysely, sql } from 'kysely';
import type { DomainEvent } from '../domain/events.js';
import type { Sequenced } from '../facts/sequenced.js';
import type { DialectHelpers } from './dialect.js';
import { projectFresh } from './project.js';
import { type Database, PROJECTION_TABLES } from './schema.js';

export interface RebuildProgress {
  events: number;
  total: number;
}

const PAGE = 5_000;

/**
 * Empties every projection and replays the log in pages, in log order, through the same projection
 * code as ingest — so a rebuild cannot drift from what incremental ingest produces.
 */
export async function rebuildProjections(
  db: Kysely<Database>,
  helpers: DialectHelpers,
  onProgress?: (p: RebuildProgress) => void,
): Promise<RebuildProgress> {
  const totalRow = await db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const progress: RebuildProgress = { events: 0, total: Number(totalRow.n) };
  await helpers.writeTransaction(db, async (trx) => {
    for (const table of PROJECTION_TABLES) await trx.deleteFrom(table).execute();
    let after = 0;
    for (;;) {
      const rows = await trx
        .selectFrom('events')
        .select(['seq', 'at', 'body'])
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(PAGE)
        .execute();
      if (rows.length === 0) break;
      const page: Sequenced[] = rows.map((r) => ({
        seq: Number(r.seq),
        at: Number(r.at),
        event: JSON.parse(r.body) as DomainEvent,
      }));
      await projectFresh(trx, helpers, page);
      after = page.at(-1)!.seq;
      progress.events += page.length;
      onProgress?.({ ...progress });
    }
  });
  if (helpers.name === 'postgres') await sql`analyze`.execute(db);
  return progress;
}
