// npm run bench [-- --quick] [--sizes 100k,1M,5M] [--only kpis,ingest,rebuild,http,import,staffing,rss]
//   [--out f.json] [--pg-max 100k|1M|5M (largest store copied to PostgreSQL; default 100k)]
//   [--naive-max 100k|1M (largest store the naive events scan runs on; default 1M, a minute a run there)]
// Every measurement runs several times after a warm-up and beside its baseline in the same run; the table
// goes to stdout and everything to bench/results.json. --quick: the 100k store only, ungrouped cuts, a
// small rebuild and import, ingest with 4 clients only, short runs (< 2 min once the base history is
// cached; generating it the first time takes some minutes).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { findBinaries, startCluster } from '../test/support/pg-cluster.js';
import { dataset } from './datasets.js';
import { httpLoad } from './http-load.js';
import { kpiBench } from './kpi-bench.js';
import { copyToPostgres, newPgDatabase } from './pg-copy.js';
import { rebuildBench } from './rebuild.js';
import { printReport } from './report.js';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    only: { type: 'string' },
    'pg-max': { type: 'string', default: '100k' },
    'naive-max': { type: 'string', default: '1M' },
    out: { type: 'string', default: join(import.meta.dirname, 'results.json') },
  },
});
const quick = values.quick;
const SIZES: Record<string, number> = { '100k': 100_000, '1M': 1_000_000, '5M': 5_000_000 };
const sizes = (values.sizes ?? (quick ? '100k' : '100k,1M,5M')).split(',').map((s) => {
  const n = SIZES[s];
  if (!n) throw new Error(`--sizes takes ${Object.keys(SIZES).join(', ')}; got ${s}`);
  return n;
});
const only = new Set((values.only ?? 'kpis,ingest,rebuild,http,import,staffing,rss').split(','));
const results: Record<string, unknown> = {
  started: new Date().toISOString(),
  quick,
  machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
};
const save = () => writeFileSync(values.out, `${JSON.stringify(results, null, 2)}\n`);

/** Runs a bench script in a child process; its last stdout line is JSON. */
function child(script: string, args: string[]): unknown {
  const res = spawnSync('npx', ['tsx', join(import.meta.dirname, script), ...args], {
    encoding: 'utf8',
    // a child that needs PostgreSQL uses this run's cluster instead of starting one of its own
    env: pgBase ? { ...process.env, FIRSTLINE_BENCH_PG: pgBase } : process.env,
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (res.status !== 0) throw new Error(`${script} failed (${res.status})`);
  return JSON.parse(res.stdout.trim().split('\n').at(-1)!);
}

/** Seconds each part took, so a slow run shows where its time went. */
const seconds: Record<string, number> = {};
results.seconds = seconds;
let partStart = performance.now();
const partDone = (part: string) => {
  seconds[part] = Math.round((performance.now() - partStart) / 100) / 10;
  partStart = performance.now();
  save();
};

// PostgreSQL gets a copy of the facts up to this size (the copy of 1M tickets' facts takes a long while)
const pgMax = SIZES[values['pg-max']] ?? 0;
const bin = findBinaries();
const cluster = bin ? startCluster(bin, true) : null;
const pgBase = cluster && typeof cluster !== 'string' ? cluster.url : null;
try {
  partDone('setup');
  if (only.has('kpis')) {
    const cases = [];
    for (const size of sizes) {
      const data = dataset(size);
      // PostgreSQL holds the same facts (copied once per run; large sizes take minutes to copy)
      const pgUrl =
        pgBase && size <= pgMax ? await newPgDatabase(pgBase, `bench_${data.name.toLowerCase()}`) : undefined;
      if (pgUrl) {
        await copyToPostgres(data.path, pgUrl);
        partDone(`pg-copy-${data.name}`);
      }
      cases.push(
        ...(await kpiBench(data, {
          periods: [30, 365],
          runs: quick ? 3 : 5,
          byAgent: !quick,
          ...(pgUrl ? { pgUrl } : {}),
          naive: size <= (SIZES[values['naive-max']] ?? 0),
        })),
      );
      results.kpis = cases;
      save();
    }
    partDone('kpis');
  }
  if (only.has('ingest')) {
    results.ingest = child('ingest.ts', [
      '--json',
      '--tickets',
      quick ? '1000' : '6000',
      '--runs',
      quick ? '1' : '3',
      // the measure is 4 clients; one client is measured in full runs only
      '--clients',
      quick ? '4' : '1,4',
    ]);
    partDone('ingest');
  }
  if (only.has('rebuild')) {
    results.rebuild = await rebuildBench(quick);
    partDone('rebuild');
  }
  if (only.has('http')) {
    const size = quick ? 100_000 : Math.min(1_000_000, Math.max(...sizes));
    results.http = await httpLoad(dataset(size), quick ? 5 : 20);
    partDone('http');
  }
  if (only.has('import')) {
    results.import = child('import.ts', ['--rows', quick ? '5000' : '1000000']);
    partDone('import');
  }
  if (only.has('staffing')) {
    results.staffing = child('staffing.ts', []);
    partDone('staffing');
  }
  if (only.has('rss')) {
    const size = Math.max(...sizes);
    results.rss = child('rss-child.ts', [dataset(size).url, String(dataset(size).end)]);
    partDone('rss');
  }
} finally {
  if (cluster && typeof cluster !== 'string') cluster.stop();
}
results.finished = new Date().toISOString();
save();
printReport(results);
