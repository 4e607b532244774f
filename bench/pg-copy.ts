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
      // each row as a JSON object built by SQLite, a batch as one JSON text that PostgreSQL unpacks itself:
      // tens of thousands of bound parameters per statement made the copy most of a quick bench run
      const rows = src
        .prepare(`SELECT json_object(${cols.map((c) => `'${c}', ${c}`).join(', ')}) FROM ${table}`)
        .pluck()
        .iterate() as Iterable<string>;
      const insert = `INSERT INTO ${table} (${cols.join(',')}) SELECT ${cols.join(',')} FROM json_populate_recordset(null::${table}, $1::json)`;
      let batch: string[] = [];
      const flush = async () => {
        if (!batch.length) return;
        await client.query(insert, [`[${batch.join(',')}]`]);
        batch = [];
      };
      await client.query('BEGIN');
      // indexes that back no constraint are dropped for the copy and built again after it, in one pass each
      const { rows: indexes } = await client.query<{ name: string; def: string }>(
        `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS def
           FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
          WHERE t.relname = $1 AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)`,
        [table],
      );
      for (const ix of indexes) await client.query(`DROP INDEX ${ix.name}`);
      for (const row of rows) {
        batch.push(row);
        if (batch.length >= 5000) await flush();
      }
      await flush();
      for (const ix of indexes) await client.query(ix.def);
      await client.query('COMMIT');
    }
    await client.query('ANALYZE');
  } finally {
    await client.end();
    src.close();
  }
}
