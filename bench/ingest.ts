// Ingest throughput: events/s for batches of 1,000 on SQLite and PostgreSQL, one client and four, over HTTP
// beside the raw log insert and the in-process append of the same events.
// Usage: npm run bench:ingest [-- --tickets 6000] [--runs 3] [--clients 1,4] [--json]
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { DomainEvent } from '../src/domain/events.js';
import { canonicalJson } from '../src/domain/parse.js';
import { ingestValid, validateBatch } from '../src/ingest/ingest.js';
import { EVENT_ROW, eventRow } from '../src/store/append.js';
import { writeRows } from '../src/store/bulk-write.js';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/store.js';
import { findBinaries, startCluster } from '../test/support/pg-cluster.js';
import { randomHistory } from '../test/support/random-history.js';

const { values } = parseArgs({
  options: {
    tickets: { type: 'string', default: '6000' },
    runs: { type: 'string', default: '3' },
    clients: { type: 'string', default: '1,4' },
    json: { type: 'boolean', default: false },
  },
});
const tickets = Number(values.tickets);
const runs = Math.max(1, Number(values.runs));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

/** Lanes of whole tickets per client, as a real integration sends them. */
function lanesOf(events: unknown[], clients: number): unknown[][] {
  const lanes: unknown[][] = Array.from({ length: clients }, () => []);
  for (const e of events) {
    const ref =
      (e as { ticket_id?: string; contact_id?: string }).ticket_id ??
      (e as { contact_id?: string }).contact_id ??
      '';
    const m = /-[tc](\d+)$/.exec(ref);
    lanes[m ? Number(m[1]) % clients : 0]!.push(e);
  }
  return lanes;
}

/** Each client's batches, validated and with their canonical texts, as the server has them after validation. */
function validatedLanes(events: unknown[], clients: number) {
  return lanesOf(events, clients).map((lane) => {
    const out: { events: DomainEvent[]; bodies: string[] }[] = [];
    for (let i = 0; i < lane.length; i += 1000) {
      const valid = validateBatch(lane.slice(i, i + 1000));
      out.push({ events: valid, bodies: valid.map((e) => canonicalJson(e)) });
    }
    return out;
  });
}

/** Seconds `write` takes over every lane, the lanes at once and each in its order (as clients send). */
async function allLanes<B>(lanes: B[][], write: (batch: B) => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await Promise.all(
    lanes.map(async (lane) => {
      for (const batch of lane) await write(batch);
    }),
  );
  return (performance.now() - started) / 1000;
}

/** allLanes on a store of its own at `url`, opened before and closed after the timing. */
async function timed<B>(url: string, lanes: B[][], write: (store: Store, batch: B) => Promise<unknown>) {
  const store = await openStore(url, { poolSize: 8 });
  const seconds = await allLanes(lanes, (batch) => write(store, batch));
  await store.close();
  return seconds;
}

/**
 * The store's own limit: the same rows appended in the same batches by the same number of writers,
 * in-process, already validated, and with no projection — only the event log's insert.
 */
async function rawInsert(url: string, clients: number, events: unknown[]): Promise<number> {
  // the rows exactly as the store writes them (stream, ticket, actor, canonical body), prepared beforehand
  const lanes = validatedLanes(events, clients).map((lane) =>
    lane.map((batch) => batch.events.map((e, i) => eventRow(e, batch.bodies[i]!, Date.now()))),
  );
  const seconds = await timed(url, lanes, (store, batch) =>
    store.helpers.writeTransaction(store.db, (trx) =>
      writeRows(trx, store.helpers, { ...EVENT_ROW, returning: ['seq', 'id'] }, batch),
    ),
  );
  return events.length / seconds;
}

/**
 * The append with every projection, in-process and already validated: what the store does for an ingest
 * without HTTP and validation, between the raw insert and the HTTP figure.
 */
async function inProcess(url: string, clients: number, events: unknown[]): Promise<number> {
  const lanes = validatedLanes(events, clients);
  const seconds = await timed(url, lanes, (store, batch) => ingestValid(store, batch.events, batch.bodies));
  return events.length / seconds;
}

type Served = { port: number; auth: Record<string, string> };

/** Sends every lane's bodies, the lanes at once and each in its order; returns the seconds it took. */
function send({ port, auth }: Served, bodies: string[][]): Promise<number> {
  return allLanes(bodies, async (body) => {
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body,
    });
    if (!res.ok) throw new Error(`ingest failed: ${res.status} ${await res.text()}`);
  });
}

/**
 * Events/s over HTTP: the server runs in a process of its own (bench/ingest-server.ts), as in production, and
 * the clients send bodies serialised beforehand, so the figure is the server's work alone. The server first
 * takes the same events into a store of its own (untimed), then serves `url`: the timed run meets warm code,
 * as a server that has been running does, not a process that has just compiled its first request.
 */
async function run(url: string, warmUrl: string, clients: number, events: unknown[]): Promise<number> {
  const server = fork(join(import.meta.dirname, 'ingest-server.ts'), [warmUrl], {
    execArgv: ['--import', 'tsx'],
  });
  const next = () =>
    new Promise<Served>((resolve, reject) => {
      server.once('message', resolve as (m: unknown) => void);
      server.once('exit', (code) => reject(new Error(`the ingest server stopped (exit code ${code})`)));
    });
  // Each client sends whole tickets in order, as a real integration does: a ticket's events (and the
  // contact it was born from) never overtake its creation.
  const bodies = lanesOf(events, clients).map((lane) => {
    const out: string[] = [];
    for (let i = 0; i < lane.length; i += 1000) out.push(JSON.stringify(lane.slice(i, i + 1000)));
    return out;
  });
  await send(await next(), bodies);
  const served = next();
  server.send({ open: url });
  const seconds = await send(await served, bodies);
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.send('stop');
  await exited;
  return events.length / seconds;
}

interface Target {
  name: string;
  /** a fresh empty database */
  fresh(): Promise<string>;
  cleanup(): void;
}

const rows: {
  store: string;
  clients: number;
  events: number;
  events_per_s: number;
  raw_insert_per_s: number;
  /** the append with its projections in-process, without HTTP and validation */
  in_process_per_s: number;
  /** every run's rates, HTTP, raw and in-process interleaved run by run */
  runs: { events_per_s: number; raw_insert_per_s: number; in_process_per_s: number }[];
}[] = [];
const targets: Target[] = [];
const dir = mkdtempSync(join(tmpdir(), 'firstline-bench-'));
let n = 0;
targets.push({
  name: 'sqlite',
  fresh: async () => `sqlite:${join(dir, `b${n++}.db`)}`,
  cleanup: () => rmSync(dir, { recursive: true, force: true }),
});
const bin = findBinaries();
// fsync stays on: the benchmark measures what a durable production server pays.
const cluster = process.env.FIRSTLINE_BENCH_PG || !bin ? null : startCluster(bin, true);
const pgBase =
  process.env.FIRSTLINE_BENCH_PG ?? (cluster && typeof cluster !== 'string' ? cluster.url : null);
if (pgBase) {
  const { default: pg } = await import('pg');
  targets.push({
    name: 'postgres',
    async fresh() {
      const name = `bench_${process.pid}_${n++}`;
      const client = new pg.Client({ connectionString: pgBase });
      await client.connect();
      await client.query(`create database ${name}`);
      await client.end();
      const u = new URL(pgBase);
      u.pathname = `/${name}`;
      return u.toString();
    },
    cleanup: () => {
      if (cluster && typeof cluster !== 'string') cluster.stop();
    },
  });
}

for (const t of targets) {
  for (const clients of values.clients.split(',').map(Number)) {
    const events = randomHistory(42 + clients, tickets, `b${clients}`);
    const each: { events_per_s: number; raw_insert_per_s: number; in_process_per_s: number }[] = [];
    for (let r = 0; r < runs; r++) {
      const rate = await run(await t.fresh(), await t.fresh(), clients, events);
      const raw = await rawInsert(await t.fresh(), clients, events);
      const own = await inProcess(await t.fresh(), clients, events);
      each.push({
        events_per_s: Math.round(rate),
        raw_insert_per_s: Math.round(raw),
        in_process_per_s: Math.round(own),
      });
    }
    const rate = median(each.map((e) => e.events_per_s));
    const raw = median(each.map((e) => e.raw_insert_per_s));
    const own = median(each.map((e) => e.in_process_per_s));
    rows.push({
      store: t.name,
      clients,
      events: events.length,
      events_per_s: rate,
      raw_insert_per_s: raw,
      in_process_per_s: own,
      runs: each,
    });
    if (!values.json) {
      process.stdout.write(
        `${t.name.padEnd(9)} clients=${clients}  ${events.length} events  ${rate} events/s over HTTP, ` +
          `raw insert ${raw} events/s (${((rate / raw) * 100).toFixed(0)} %), in-process append ${own}, medians of ${runs}\n`,
      );
    }
  }
  t.cleanup();
}
if (values.json) process.stdout.write(`${JSON.stringify(rows)}\n`);
