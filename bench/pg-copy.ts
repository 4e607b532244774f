// The same facts in PostgreSQL: a bench dataset's projection tables copied from its SQLite file into a
// fresh, migrated PostgreSQL database (events are not copied: KPI queries never read them).
import Database from 'better-sqlite3';
import pg from 'pg';
import { openStore } from '../src/store/open.js';

const TABLES = [
  'calendars',
  'teams',
  'agents',
  'settings',
  'ticket_facts',
  'contact_facts',
  'ticket_tags',
  'ticket_segments',
  'agent_stretches',
];

export async function newPgDatabase(baseUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name}`);
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function copyToPostgres(sqlitePath: string, url: string): Promise<void> {
  const store = await openStore(url); // migrates
  await store.close();
  const src = new Database(sqlitePath, { readonly: true });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const table of TABLES) {
      const cols = (src.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
      const per = Math.floor(60_000 / cols.length);
      let batch: unknown[][] = [];
      const flush = async () => {
        if (!batch.length) return;
        const params: unknown[] = [];
        const tuples = batch.map((row) => `(${row.map((v) => `$${params.push(v)}`).join(',')})`);
        await client.query(`INSERT INTO ${table} (${cols.join(',')}) VALUES ${tuples.join(',')}`, params);
        batch = [];
      };
      await client.query('BEGIN');
      for (const row of src
        .prepare(`SELECT ${cols.join(',')} FROM ${table}`)
        .raw()
        .iterate() as Iterable<unknown[]>) {
        batch.push(row);
        if (batch.length >= per) await flush();
      }
      await flush();
      await client.query('COMMIT');
    }
    await client.query('ANALYZE');
  } finally {
    await client.end();
    src.close();
  }
}
