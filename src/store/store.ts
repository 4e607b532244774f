import type { Kysely } from 'kysely';
import type { DomainEvent } from '../domain/events.js';
import { type AppendOutcome, appendEvents } from './append.js';
import type { DialectHelpers, DialectName } from './dialect.js';
import { migrateToLatest } from './migrate.js';
import { projectFresh } from './project.js';
import { type RebuildProgress, rebuildProjections } from './rebuild.js';
import type { Database } from './schema.js';
import { readTicket, type TicketView } from './ticket-view.js';

/** The event log and its projections, on SQLite or PostgreSQL; the same code drives both. */
export class Store {
  constructor(
    readonly db: Kysely<Database>,
    readonly helpers: DialectHelpers,
  ) {}

  get dialect(): DialectName {
    return this.helpers.name;
  }

  migrate(): Promise<void> {
    return migrateToLatest(this.db, this.helpers.name);
  }

  /**
   * Appends validated events and updates every projection in the same transaction: all or nothing.
   * Throws AppendRejected (naming the item and field) for a conflicting id or an unknown reference.
   */
  append(events: readonly DomainEvent[], now = Date.now()): Promise<AppendOutcome> {
    return this.helpers.writeTransaction(this.db, async (trx) => {
      const { outcome, fresh } = await appendEvents(trx, this.helpers, events, now);
      await projectFresh(trx, this.helpers, fresh);
      return outcome;
    });
  }

  /** Empties the projections and derives them again from the event log. */
  rebuild(onProgress?: (p: RebuildProgress) => void): Promise<RebuildProgress> {
    return rebuildProjections(this.db, this.helpers, onProgress);
  }

  getTicket(ticketId: string): Promise<TicketView | null> {
    return readTicket(this.db, ticketId);
  }

  async getSetting(key: string): Promise<unknown> {
    const row = await this.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', key)
      .executeTakeFirst();
    return row ? (JSON.parse(row.value) as unknown) : undefined;
  }

  async putSetting(key: string, value: unknown, now = Date.now()): Promise<void> {
    await this.db
      .insertInto('settings')
      .values({ key, value: JSON.stringify(value), updated_at: now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: now }))
      .execute();
  }

  async eventCount(): Promise<number> {
    const row = await this.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  close(): Promise<void> {
    return this.db.destroy();
  }
}
