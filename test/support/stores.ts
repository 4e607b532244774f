import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { createPgDatabase, pgAvailable } from '../pg.js';

/** A way to get a fresh, empty store of one kind; every store suite runs against each of these. */
export interface StoreKind {
  name: 'sqlite' | 'postgres';
  available: boolean;
  /** a fresh empty database; open() may be called several times for several connections to it */
  fresh(): Promise<{ url: string; open(poolSize?: number): Promise<Store>; dispose(): Promise<void> }>;
}

export const storeKinds: StoreKind[] = [
  {
    name: 'sqlite',
    available: true,
    async fresh() {
      const dir = mkdtempSync(join(tmpdir(), 'firstline-'));
      const url = `sqlite:${join(dir, 'test.db')}`;
      return {
        url,
        open: () => openStore(url),
        dispose: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  },
  {
    name: 'postgres',
    available: pgAvailable(),
    async fresh() {
      const db = await createPgDatabase();
      return {
        url: db.url,
        open: (poolSize = 4) => openStore(db.url, { poolSize }),
        dispose: () => db.drop(),
      };
    },
  },
];

/** Every projection table's rows in a stable order, for comparing two stores. */
const withoutRev = (rows: { rev: unknown }[]) => rows.map(({ rev: _, ...rest }) => rest);

export async function snapshot(store: Store): Promise<Record<string, unknown[]>> {
  const db = store.db;
  return {
    // rev is where in the log a row was last written, which differs between a rebuild and live ingest
    ticket_facts: withoutRev(await db.selectFrom('ticket_facts').selectAll().orderBy('ticket_id').execute()),
    contact_facts: withoutRev(
      await db.selectFrom('contact_facts').selectAll().orderBy('contact_id').execute(),
    ),
    tickets: await db.selectFrom('tickets').selectAll().orderBy('ticket_id').execute(),
    ticket_tags: await db.selectFrom('ticket_tags').selectAll().orderBy('ticket_id').orderBy('tag').execute(),
    ticket_segments: await db
      .selectFrom('ticket_segments')
      .selectAll()
      .orderBy('ticket_id')
      .orderBy('seg_no')
      .execute(),
    agent_stretches: await db
      .selectFrom('agent_stretches')
      .selectAll()
      .orderBy('agent_id')
      .orderBy('start_at')
      .execute(),
    agents: (await db.selectFrom('agents').selectAll().orderBy('agent_id').execute()).map(
      ({ stretches_rev: _, ...rest }) => rest,
    ),
    customers: await db.selectFrom('customers').selectAll().orderBy('customer_id').execute(),
    customer_identifiers: await db
      .selectFrom('customer_identifiers')
      .selectAll()
      .orderBy('identifier')
      .execute(),
    companies: await db.selectFrom('companies').selectAll().orderBy('company_id').execute(),
    calendars: await db.selectFrom('calendars').selectAll().orderBy('calendar_id').execute(),
    teams: await db.selectFrom('teams').selectAll().orderBy('team_id').execute(),
  };
}
