// Benchmark stores, cached under bench/.cache/ between runs.
// The base is a real demo history of 100k tickets (37 days, every event through ingest). Larger sizes
// tile it back in time: copy k is the base shifted k × 37 days earlier, with ids suffixed "~k". So the
// daily volume stays that of the base while the history grows — 1M tickets span 370 days, 5M about five
// years — which is what "cost depends on the period, not the history" needs. Facts, tags, segments,
// stretches, contacts and (up to 1M tickets) events are tiled; event bodies are copied as they are (only
// the naive baseline reads events, by their columns).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export const CACHE = join(import.meta.dirname, '.cache');
export const BASE_TICKETS = 100_000;
export const BASE_DAYS = 37;
export const DATA_END = '2026-11-23T00:00:00Z';
const SHIFT_MS = BASE_DAYS * 86_400_000;

/** Tables whose rows carry the log position that last wrote them (`rev`). */
const FACT_TABLES = ['ticket_facts', 'contact_facts'];

/** Tables tiled with each copy; the organisation (agents, teams, calendars, customers) is shared. */
const TILED: Record<string, { ids: string[]; prefixed?: string[] }> = {
  events: { ids: ['id', 'ticket_id'], prefixed: ['stream'] },
  tickets: { ids: ['ticket_id'] },
  contacts: { ids: ['contact_id', 'ticket_id'] },
  ticket_facts: { ids: ['ticket_id', 'contact_id'] },
  contact_facts: { ids: ['contact_id', 'ticket_id'] },
  ticket_tags: { ids: ['ticket_id'] },
  ticket_segments: { ids: ['ticket_id'] },
  agent_stretches: { ids: [] },
};

export interface Dataset {
  name: string;
  tickets: number;
  path: string;
  url: string;
  /** the instant the history ends */
  end: number;
}

function cli(args: string[]): void {
  const res = spawnSync('npx', ['tsx', join(import.meta.dirname, '../src/cli/main.ts'), ...args], {
    stdio: 'inherit',
  });
  if (res.status !== 0) throw new Error(`firstline ${args.join(' ')} failed (${res.status})`);
}

function baseDataset(): Dataset {
  const path = join(CACHE, 'base-100k.db');
  if (!existsSync(path)) {
    mkdirSync(CACHE, { recursive: true });
    const tmp = `${path}.tmp`;
    rmSync(tmp, { force: true });
    process.stderr.write(`bench: generating the 100k-ticket demo history into ${path} (once; cached)\n`);
    const days = String(BASE_DAYS);
    cli([
      '--db',
      `sqlite:${tmp}`,
      'demo',
      '--days',
      days,
      '--tickets',
      String(BASE_TICKETS),
      '--end',
      DATA_END,
    ]);
    const db = new Database(tmp);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('journal_mode = DELETE');
    db.close();
    renameSync(tmp, path);
  }
  return { name: '100k', tickets: BASE_TICKETS, path, url: `sqlite:${path}`, end: Date.parse(DATA_END) };
}

/**
 * The statement that adds copy k of a table. Copy k's facts rows get log positions (`rev`) k spans below
 * the base's, as rows written k periods earlier would have: with the base's positions on every copy,
 * PostgreSQL's catch-up probe (which counts the rows of the last positions) counted each copy's rows
 * too, and its cost grew with the copies, which no real store's does. (Bench stores are only read: an
 * append would get positions below the copies'.)
 */
function copySql(db: Database.Database, table: string, k: number, revSpan: number): string {
  const spec = TILED[table]!;
  const cols = (db.pragma(`table_info(${table})`) as { name: string }[])
    .map((c) => c.name)
    .filter((c) => c !== 'seq');
  const expr = cols.map((c) => {
    if (spec.ids.includes(c) || spec.prefixed?.includes(c)) return `${c} || '~${k}'`;
    if (c === 'at' || c.endsWith('_at')) return `${c} - ${k * SHIFT_MS}`;
    if (c === 'rev') return `rev - ${k * revSpan}`;
    return c;
  });
  return `INSERT INTO ${table} (${cols.join(', ')}) SELECT ${expr.join(', ')} FROM ${table}`;
}

/** A store of `tickets` tickets: the base tiled back in time (built once, then cached). */
export function dataset(tickets: number): Dataset {
  const base = baseDataset();
  if (tickets === BASE_TICKETS) return base;
  const copies = tickets / BASE_TICKETS;
  if (!Number.isInteger(copies) || copies < 1) throw new Error(`sizes are multiples of ${BASE_TICKETS}`);
  const name = tickets >= 1_000_000 ? `${tickets / 1_000_000}M` : `${tickets / 1000}k`;
  const path = join(CACHE, `tiled-${name}.db`);
  if (!existsSync(path)) {
    const tmp = `${path}.tmp`;
    rmSync(tmp, { force: true });
    process.stderr.write(`bench: tiling the base into ${copies} copies → ${path} (once; cached)\n`);
    // Start from a byte copy of the base (schema, indexes, organisation), then add the shifted copies.
    const seed = new Database(base.path, { readonly: true });
    seed.exec(`VACUUM INTO '${tmp}'`);
    seed.close();
    const db = new Database(tmp);
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -262144');
    // The base's facts rows move up to the newest positions; copy k then takes them k spans lower.
    const revSpan = 1 + (db.prepare('SELECT max(seq) AS m FROM events').get() as { m: number }).m;
    for (const table of FACT_TABLES) db.exec(`UPDATE ${table} SET rev = rev + ${(copies - 1) * revSpan}`);
    // Stretches of the base only (not those copied in an earlier round).
    const stretchCut = (db.prepare('SELECT min(start_at) AS m FROM agent_stretches').get() as { m: number })
      .m;
    for (let k = 1; k < copies; k++) {
      const started = performance.now();
      db.transaction(() => {
        // Only the naive baseline reads events, and it runs up to 1M tickets: larger stores skip them.
        for (const table of Object.keys(TILED).filter((t) => t !== 'events' || tickets <= 1_000_000)) {
          // only the base's rows (not those an earlier round copied)
          const where =
            table === 'agent_stretches'
              ? `start_at >= ${stretchCut}`
              : `${TILED[table]!.ids[0]} NOT LIKE '%~%'`;
          db.exec(`${copySql(db, table, k, revSpan)} WHERE ${where}`);
        }
      })();
      process.stderr.write(
        `  copy ${k}/${copies - 1} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
      );
    }
    db.exec('ANALYZE');
    db.close();
    renameSync(tmp, path);
  }
  return { name, tickets, path, url: `sqlite:${path}`, end: Date.parse(DATA_END) };
}
