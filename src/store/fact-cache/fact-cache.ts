import { AsyncLocalStorage } from 'node:async_hooks';
import type { Kysely } from 'kysely';
import { CONTACT_FACT_COLUMNS, TICKET_FACT_COLUMNS } from '../columns.js';
import { parseRows, rowJson } from '../row-json.js';
import type { Database } from '../schema.js';
import { FactTable } from './fact-table.js';
import { readSegments, readStretches } from './read-beside.js';
import { SegmentTable } from './segment-table.js';
import { StretchTable } from './stretch-table.js';

type FactsName = 'ticket_facts' | 'contact_facts';
type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

const PAGE = 20_000;
/** Bumped by a rebuild: rows written again carry older log positions, so a copy must start afresh. */
export const FACTS_GENERATION_KEY = 'facts_generation';

/**
 * An in-memory column copy of ticket_facts and contact_facts, for the KPI engine's scans. It never
 * holds anything the database does not: before each read it catches up with the rows whose `rev` (the
 * log position that last wrote them) is past what it has seen. On PostgreSQL, writers commit out of log
 * order, so the catch-up looks back `lookback` positions and compares a cheap count first.
 */
export class FactCache {
  private readonly tables: Record<FactsName, FactTable> = {
    ticket_facts: new FactTable(TICKET_FACT_COLUMNS, 'ticket_id'),
    contact_facts: new FactTable(CONTACT_FACT_COLUMNS, 'contact_id'),
  };
  private readonly seen: Record<FactsName, { rev: number; probe: string }> = {
    ticket_facts: { rev: 0, probe: '' },
    contact_facts: { rev: 0, probe: '' },
  };
  private generation: string | null = null;
  private readonly together: Record<FactsName, readonly string[]> = { ticket_facts: [], contact_facts: [] };
  /** the tickets' segments, once the backlog has asked for them; refreshed with their facts rows */
  private segmentTable: SegmentTable | null = null;
  /** every agent's work stretches, once a KPI has asked for them; refreshed by agent */
  private stretchTable: StretchTable | null = null;
  private pending: Promise<void> = Promise.resolve();
  /** inside consistent(): what has been brought current once already (tables, 'generation', 'stretches') */
  private readonly session = new AsyncLocalStorage<Set<string>>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly lookback: number,
    /** rows per read (small in tests, to cross page boundaries) */
    private readonly page = PAGE,
  ) {}

  /** The table with at least these columns loaded and every row current. */
  async table(name: FactsName, columns: readonly string[]): Promise<FactTable> {
    await this.oneAtATime(() => this.prepare(name, columns));
    return this.tables[name];
  }

  /**
   * Columns to read along with any column a query first asks for (the full KPI set's), so that filling the
   * copy costs one whole read of a table rather than one per KPI family.
   */
  readTogether(name: FactsName, columns: readonly string[]): void {
    this.together[name] = columns;
  }

  /** The ticket facts with at least these columns, and every ticket's segments, all current. */
  async segments(columns: readonly string[]): Promise<{ tickets: FactTable; segments: SegmentTable }> {
    await this.oneAtATime(async () => {
      await this.prepare('ticket_facts', columns);
      if (this.segmentTable) return;
      const fresh = new SegmentTable();
      await readSegments(this.db, this.page, this.tables.ticket_facts, fresh, null);
      this.segmentTable = fresh;
      // facts rows written during the whole read bring their segments again
      await this.catchUp('ticket_facts', this.tables.ticket_facts);
    });
    return { tickets: this.tables.ticket_facts, segments: this.segmentTable! };
  }

  /** Every agent's work stretches, current: those of agents whose stretches were derived again are read again. */
  async stretches(): Promise<StretchTable> {
    await this.oneAtATime(async () => {
      await this.checkGeneration();
      const done = this.session.getStore();
      if (done?.has('stretches') && this.stretchTable) return;
      done?.add('stretches');
      const table = this.stretchTable ?? new StretchTable();
      // revisions first: stretches rewritten between the two reads are read again next time
      const revs = await this.db.selectFrom('agents').select(['agent_id', 'stretches_rev']).execute();
      const stale = revs.filter((r) => table.revs.get(r.agent_id) !== Number(r.stretches_rev));
      if (stale.length === 0) return;
      await readStretches(this.db, this.page, table, this.stretchTable ? stale.map((r) => r.agent_id) : null);
      for (const r of stale) table.revs.set(r.agent_id, Number(r.stretches_rev));
      this.stretchTable = table;
    });
    return this.stretchTable ?? new StretchTable();
  }

  /**
   * Runs fn with the copy brought current at most once per table: the first read of each table in fn catches
   * up, later ones use what it holds. A report's frames then all see one state of the facts, and a report
   * asking for a dozen frames pays one catch-up (on PostgreSQL each is a count over the look-back) instead
   * of a dozen.
   */
  consistent<T>(fn: () => Promise<T>): Promise<T> {
    return this.session.getStore() ? fn() : this.session.run(new Set(), fn);
  }

  /** Forgets everything (after a rebuild in this process). */
  reset(): void {
    this.segmentTable = null;
    this.stretchTable = null;
    for (const name of Object.keys(this.tables) as FactsName[]) {
      const old = this.tables[name];
      this.tables[name] = new FactTable(old.kinds, old.key);
      this.seen[name] = { rev: 0, probe: '' };
    }
  }

  /** One catch-up at a time: concurrent requests wait for the one running rather than repeat it. */
  private async oneAtATime(work: () => Promise<void>): Promise<void> {
    const run = this.pending.then(work);
    this.pending = run.catch(() => undefined);
    await run;
  }

  private async checkGeneration(): Promise<void> {
    const done = this.session.getStore();
    if (done?.has('generation')) return;
    done?.add('generation');
    const generation = await this.currentGeneration();
    if (generation !== this.generation) {
      this.reset();
      this.generation = generation;
    }
  }

  private async prepare(name: FactsName, columns: readonly string[]): Promise<void> {
    await this.checkGeneration();
    const table = this.tables[name];
    const done = this.session.getStore();
    if (columns.every((c) => table.has(c))) {
      if (done?.has(name)) return;
      done?.add(name);
      return this.catchUp(name, table);
    }
    // Held columns first brought current; then the new columns of every row; rows written meanwhile have a
    // later rev, so the last catch-up reads them again whole.
    await this.catchUp(name, table);
    await this.load(name, table, table.addColumns([...columns, ...this.together[name]]), null);
    await this.catchUp(name, table);
    done?.add(name);
  }

  private async currentGeneration(): Promise<string> {
    const row = await this.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', FACTS_GENERATION_KEY)
      .executeTakeFirst();
    return row?.value ?? '';
  }

  private async catchUp(name: FactsName, table: FactTable): Promise<void> {
    const seen = this.seen[name];
    const since = seen.rev - this.lookback;
    const db = this.db as unknown as AnyDb;
    const probe = await db
      .selectFrom(name)
      .select((eb) => [eb.fn.countAll().as('n'), eb.fn.max('rev').as('rev')])
      .where('rev', '>', since)
      .executeTakeFirstOrThrow();
    const key = `${probe.n}/${probe.rev}`;
    if (key === seen.probe) return;
    const held = [...table.columns.keys()];
    if (held.length > 0) await this.load(name, table, held, since);
    seen.probe = key;
    seen.rev = Math.max(seen.rev, Number(probe.rev ?? 0));
  }

  /**
   * Reads the given columns of every row (since = null) or of the rows written after `since`. A whole read
   * goes in time order, so rows near in time sit near in memory: a period's scan then walks the columns
   * almost in sequence, where key order would jump across the whole history at every row.
   */
  private async load(name: FactsName, table: FactTable, columns: string[], since: number | null) {
    const db = this.db as unknown as AnyDb;
    const key = table.key;
    const whole = since === null;
    const order = whole ? TIME_ORDER[name] : key;
    // a ticket's segments are rewritten with its facts row: those of the rows read again are read again
    const changed = !whole && name === 'ticket_facts' && this.segmentTable ? new Set<string>() : null;
    if (whole) {
      const count = await db
        .selectFrom(name)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      // room for the rows and a little growth, rather than the next power of two
      const n = Number(count.n);
      table.reserve(n + (n >> 5));
    }
    // the key first; paging reads it and the order column (the key itself, for a catch-up) back
    const layout = [...new Set([key, order, ...columns])];
    const orderAt = layout.indexOf(order);
    let after: { at: unknown; key: unknown } | null = null;
    for (;;) {
      let qb = db
        .selectFrom(name)
        .select(rowJson(db, layout).as('j'))
        .orderBy(order)
        .orderBy(key)
        .limit(this.page);
      if (!whole) qb = qb.where('rev', '>', since);
      if (after) {
        const last = after;
        // keyset paging on (order, key): one indexed range, then the ties of its first value
        qb = qb
          .where(order, '>=', last.at)
          .where((eb) => eb.or([eb(order, '>', last.at), eb(key, '>', last.key)]));
      }
      const rows = parseRows((await qb.execute()).map((r) => r.j as string));
      // every selected column is written: a whole read of new columns must also fill rows not held yet
      table.writeRows(rows, layout, whole);
      if (changed) for (const r of rows) changed.add(String(r[0]));
      if (rows.length < this.page) break;
      const end = rows.at(-1)!;
      after = { at: end[orderAt], key: end[0] };
    }
    if (changed?.size) await readSegments(this.db, this.page, table, this.segmentTable!, [...changed]);
  }
}

/** The instant each facts table is laid out by in memory (never null). */
const TIME_ORDER: Record<FactsName, string> = { ticket_facts: 'created_at', contact_facts: 'offered_at' };
