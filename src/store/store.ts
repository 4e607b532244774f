import type { Kysely } from 'kysely';
import type { DomainEvent } from '../domain/events.js';
import { type AppendOutcome, appendEvents } from './append.js';
import type { DialectHelpers, DialectName } from './dialect.js';
import { FACTS_GENERATION_KEY, FactCache } from './fact-cache/fact-cache.js';
import { migrateToLatest } from './migrate.js';
import { projectFresh } from './project.js';
import { type RebuildProgress, rebuildProjections } from './rebuild.js';
import type { Database } from './schema.js';
import { readTicket, type TicketView } from './ticket-view.js';

const factCaches = new WeakMap<Kysely<Database>, FactCache>();

/** The facts cache of the store that owns this connection (none for a transaction's connection). */
export function factCacheOf(db: Kysely<Database>): FactCache | undefined {
  return factCaches.get(db);
}

/** Runs a report's reads with the store's facts copy brought current once per table (see FactCache.consistent). */
export function withConsistentFacts<T>(db: Kysely<Database>, fn: () => Promise<T>): Promise<T> {
  const cache = factCaches.get(db);
  return cache ? cache.consistent(fn) : fn();
}

/** The event log and its projections, on SQLite or PostgreSQL; the same code drives both. */
export class Store {
  /** The facts in memory, column by column, for KPI scans (always caught up before a read). */
  readonly facts: FactCache;

  constructor(
    readonly db: Kysely<Database>,
    readonly helpers: DialectHelpers,
  ) {
    // PostgreSQL writers commit out of log order: look back over positions a slower commit may still fill.
    this.facts = new FactCache(db, helpers.name === 'postgres' ? 100_000 : 0);
    factCaches.set(db, this.facts);
  }

  get dialect(): DialectName {
    return this.helpers.name;
  }

  migrate(): Promise<void> {
    return migrateToLatest(this.db, this.helpers.name);
  }

  /**
   * Appends validated events and updates every projection in the same transaction: all or nothing.
   * Throws AppendRejected (naming the item and field) for a conflicting id or an unknown reference. `bodies`,
   * when given, are the events' canonical texts (canonicalJson), computed beforehand.
   */
  append(
    events: readonly DomainEvent[],
    now = Date.now(),
    bodies?: readonly string[],
  ): Promise<AppendOutcome> {
    return this.helpers.writeTransaction(this.db, async (trx) => {
      const { outcome, fresh } = await appendEvents(trx, this.helpers, events, now, bodies);
      await projectFresh(trx, this.helpers, fresh);
      return outcome;
    });
  }

  /** Empties the projections and derives them again from the event log. */
  async rebuild(onProgress?: (p: RebuildProgress) => void): Promise<RebuildProgress> {
    // Rebuilt rows carry older log positions than a copy has seen: every copy (any process) starts afresh.
    const bump = () => this.putSetting(FACTS_GENERATION_KEY, `${Date.now()}-${Math.random()}`);
    await bump();
    const result = await rebuildProjections(this.db, this.helpers, onProgress);
    await bump();
    this.facts.reset();
    return result;
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
