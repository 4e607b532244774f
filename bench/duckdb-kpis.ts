// The DuckDB baseline: the same facts loaded into an in-memory DuckDB, and SPEC §3's KPIs computed by
// hand-written SQL, one query per family as our engine runs them (current and previous period together,
// optionally grouped by agent). Durations: count, pending, mean, nearest-rank median and p90, share within
// the default "good" target. It is the state of the art for such scans, and the yardstick of issue 5.

import { once } from 'node:events';
import { createWriteStream, existsSync, renameSync } from 'node:fs';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import Database from 'better-sqlite3';

const TABLES = {
  ticket_facts: [
    'ticket_id',
    'channel',
    'priority',
    'status',
    'created_at',
    'created_by',
    'first_response_at',
    'first_response_by',
    'first_response_s',
    'first_assigned_at',
    'first_assigned_by',
    'assign_s',
    'first_resolved_at',
    'first_resolved_by',
    'resolution_s',
    'closed_at',
    'fcr_base',
    'first_reopen_gap_s',
    'min_reopen_gap_s',
    'l1_resolved',
    'escalation_count',
    'rating_score',
    'rated_at',
    'callback_reached',
    'classified_l1',
    'classified_by',
    'reclassify_count',
    'manual_assigned',
    'manual_assignment_kept',
    'l1_processed_at',
    'l1_processed_by',
    'handle_s',
  ],
  contact_facts: [
    'contact_id',
    'channel',
    'live',
    'agent_id',
    'offered_at',
    'answered_at',
    'ended_at',
    'outcome',
    'wait_s',
    'abandon_wait_s',
    'handle_s',
  ],
  ticket_segments: ['ticket_id', 'from_at', 'to_at', 'line'],
  agent_stretches: ['agent_id', 'start_at', 'end_at', 'compliant'],
} as const;

const TEXT = new Set(['ticket_id', 'contact_id', 'channel', 'priority', 'status', 'outcome']);
const typeOf = (c: string) => (TEXT.has(c) || c.endsWith('_by') || c.endsWith('_id') ? 'VARCHAR' : 'DOUBLE');

/** Facts of a SQLite store as CSV files beside it (written once per store, then reused). */
async function exportCsv(sqlitePath: string, table: keyof typeof TABLES): Promise<string> {
  const path = `${sqlitePath}.${table}.csv`;
  if (existsSync(path)) return path;
  const db = new Database(sqlitePath, { readonly: true });
  const out = createWriteStream(`${path}.tmp`);
  const cols = TABLES[table];
  const cell = (v: unknown) =>
    v === null ? '' : typeof v === 'string' ? `"${v.replaceAll('"', '""')}"` : String(v);
  for (const row of db
    .prepare(`SELECT ${cols.join(', ')} FROM ${table}`)
    .raw()
    .iterate() as Iterable<unknown[]>) {
    if (!out.write(`${row.map(cell).join(',')}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  db.close();
  renameSync(`${path}.tmp`, path);
  return path;
}

export async function loadDuckDb(sqlitePath: string): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  for (const table of Object.keys(TABLES) as (keyof typeof TABLES)[]) {
    const csv = await exportCsv(sqlitePath, table);
    const columns = TABLES[table].map((c) => `'${c}': '${typeOf(c)}'`).join(', ');
    await con.run(
      `CREATE TABLE ${table} AS SELECT * FROM read_csv('${csv}', header = false, columns = {${columns}}, nullstr = '')`,
    );
  }
  return con;
}

interface Period {
  from: number;
  to: number;
  now: number;
  byAgent: boolean;
}

/** Default "good" targets of SPEC §4 as our engine applies them (seconds). */
const TARGET = { first_response: 3600, time_to_assign: 900, resolution: 8 * 3600, wait: 30 };

function queries(p: Period): string[] {
  const prev = p.from - (p.to - p.from);
  const period = (col: string) => `CASE WHEN ${col} >= ${p.from} THEN 'cur' ELSE 'prev' END AS period`;
  const range = (col: string) => `${col} >= ${prev} AND ${col} < ${p.to}`;
  const by = (col: string) => (p.byAgent ? `, ${col} AS agent` : '');
  const group = p.byAgent ? 'GROUP BY period, agent' : 'GROUP BY period';
  const duration = (at: string, s: string, agent: string, target: number) => `
    SELECT ${period('ref')}${by(agent)}, count(s) AS n, count(*) - count(s) AS pending, avg(s) AS mean,
      quantile_disc(s, 0.5) AS median, quantile_disc(s, 0.9) AS p90, avg(CASE WHEN s <= ${target} THEN 1 ELSE 0 END) AS within
    FROM (
      SELECT ${at} AS ref, ${s} AS s, ${agent} FROM ticket_facts WHERE ${range(at)}
      UNION ALL
      SELECT created_at AS ref, NULL AS s, ${agent} FROM ticket_facts WHERE ${range('created_at')} AND ${at} IS NULL AND status = 'open'
    ) ${group}`;
  const window = 7 * 86_400;
  return [
    `SELECT ${period('created_at')}${by('created_by')}, count(*) FROM ticket_facts WHERE ${range('created_at')} ${group}`,
    `SELECT ${period('l1_processed_at')}${by('l1_processed_by')}, count(*) FROM ticket_facts WHERE ${range('l1_processed_at')} ${group}`,
    duration('first_response_at', 'first_response_s', 'first_response_by', TARGET.first_response),
    duration('first_assigned_at', 'assign_s', 'first_assigned_by', TARGET.time_to_assign),
    duration('first_resolved_at', 'resolution_s', 'first_resolved_by', TARGET.resolution),
    `SELECT ${period('first_resolved_at')}${by('first_resolved_by')},
       sum(CASE WHEN fcr_base = 1 AND (first_reopen_gap_s IS NULL OR first_reopen_gap_s > ${window}) THEN 1 ELSE 0 END) AS fcr_num,
       count(fcr_base) AS fcr_den, sum(l1_resolved) AS l1, sum(CASE WHEN escalation_count > 0 THEN 1 ELSE 0 END) AS esc,
       sum(CASE WHEN min_reopen_gap_s <= ${window} THEN 1 ELSE 0 END) AS reopen, count(rating_score) AS rated,
       sum(CASE WHEN callback_reached > 0 THEN 1 ELSE 0 END) AS callback, count(*) AS resolved
     FROM ticket_facts WHERE ${range('first_resolved_at')} ${group}`,
    `SELECT ${period('ref')}${by('classified_by')}, sum(CASE WHEN reclassify_count = 0 THEN 1 ELSE 0 END), count(*) FROM (
       SELECT coalesce(first_resolved_at, closed_at) AS ref, * FROM ticket_facts
       WHERE classified_l1 = 1 AND (${range('first_resolved_at')} OR (first_resolved_at IS NULL AND ${range('closed_at')}))) ${group}`,
    `SELECT ${period('ref')}${by('first_assigned_by')}, sum(CASE WHEN manual_assignment_kept = 1 THEN 1 ELSE 0 END), count(*) FROM (
       SELECT coalesce(first_resolved_at, closed_at) AS ref, * FROM ticket_facts
       WHERE manual_assigned = 1 AND (${range('first_resolved_at')} OR (first_resolved_at IS NULL AND ${range('closed_at')}))) ${group}`,
    `SELECT ${period('rated_at')}${by('first_resolved_by')}, count(*), sum(CASE WHEN rating_score >= 4 THEN 1 ELSE 0 END), avg(rating_score)
     FROM ticket_facts WHERE ${range('rated_at')} ${group}`,
    `SELECT ${period('offered_at')}${by('agent_id')}, count(*),
       sum(CASE WHEN live = 1 AND outcome = 'abandoned' AND abandon_wait_s >= 5 THEN 1 ELSE 0 END),
       sum(CASE WHEN live = 1 AND (outcome = 'answered' OR (outcome = 'abandoned' AND abandon_wait_s >= 5)) THEN 1 ELSE 0 END)
     FROM contact_facts WHERE ${range('offered_at')} ${group}`,
    `SELECT ${period('answered_at')}${by('agent_id')}, count(*), avg(wait_s), quantile_disc(wait_s, 0.5), quantile_disc(wait_s, 0.9),
       avg(CASE WHEN wait_s <= ${TARGET.wait} THEN 1 ELSE 0 END)
     FROM contact_facts WHERE live = 1 AND ${range('answered_at')} ${group}`,
    `SELECT ${period('ended_at')}${by('agent_id')}, count(*), avg(handle_s), quantile_disc(handle_s, 0.5), quantile_disc(handle_s, 0.9)
     FROM contact_facts WHERE outcome = 'answered' AND ${range('ended_at')} ${group}`,
    `SELECT count(*) FILTER (WHERE from_at < ${Math.min(p.to, p.now)} AND (to_at IS NULL OR to_at >= ${Math.min(p.to, p.now)})),
       count(*) FILTER (WHERE from_at < ${p.from} AND (to_at IS NULL OR to_at >= ${p.from}))
     FROM ticket_segments WHERE to_at IS NULL OR to_at >= ${p.from}`,
    `SELECT ${period('end_at')}${by('agent_id')}, sum(compliant), count(compliant) FROM agent_stretches WHERE ${range('end_at')} ${group}`,
  ];
}

/** The whole KPI set once; returns the number of result rows (so the work cannot be skipped). */
export async function duckDbKpis(con: DuckDBConnection, p: Period): Promise<number> {
  let rows = 0;
  for (const sql of queries(p)) rows += (await con.runAndReadAll(sql)).getRows().length;
  return rows;
}
