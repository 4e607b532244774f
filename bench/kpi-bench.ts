// The full KPI set of SPEC §3 over a dataset, for 30 days and a year, ungrouped and by agent: Firstline
// (SQLite, PostgreSQL) against DuckDB and the naive events scan, interleaved run by run.
import Database from 'better-sqlite3';
import { computeKpis } from '../src/kpi/engine.js';
import { kpiQueryParams, toKpiQuery } from '../src/kpi/query-params.js';
import { openStore } from '../src/store/open.js';
import type { Dataset } from './datasets.js';
import { duckDbKpis, loadDuckDb } from './duckdb-kpis.js';
import { type Timing, timeSideBySide } from './lib/timing.js';
import { naiveKpis } from './naive-kpis.js';

export interface KpiCase {
  size: string;
  days: number;
  by: 'none' | 'agent';
  timings: Record<string, Timing>;
}

export interface KpiBenchOptions {
  periods: number[];
  runs: number;
  /** a PostgreSQL database holding the same facts, when measured */
  pgUrl?: string;
  naive: boolean;
  /** also each cut grouped by agent (the quick run measures ungrouped cuts only) */
  byAgent?: boolean;
}

export async function kpiBench(data: Dataset, opts: KpiBenchOptions): Promise<KpiCase[]> {
  const sqlite = await openStore(data.url);
  const pgStore = opts.pgUrl ? await openStore(opts.pgUrl) : null;
  const duck = await loadDuckDb(data.path);
  const raw = opts.naive ? new Database(data.path, { readonly: true }) : null;
  const out: KpiCase[] = [];
  try {
    for (const days of opts.periods) {
      for (const by of opts.byAgent === false ? (['none'] as const) : (['none', 'agent'] as const)) {
        const params = {
          from: new Date(data.end - days * 86_400_000).toISOString(),
          to: new Date(data.end).toISOString(),
          ...(by === 'agent' ? { by } : {}),
        };
        const { query } = toKpiQuery(kpiQueryParams.parse(params), 'Europe/Moscow', data.end);
        const p = { from: query.from, to: query.to, now: data.end, byAgent: by === 'agent' };
        const contenders: Record<string, () => Promise<unknown> | unknown> = {
          'firstline-sqlite': () => computeKpis(sqlite, query),
          duckdb: () => duckDbKpis(duck, p),
        };
        if (pgStore) contenders['firstline-postgres'] = () => computeKpis(pgStore, query);
        if (raw) contenders.naive = () => naiveKpis(raw, p);
        const timings = await timeSideBySide(contenders, { warmup: 1, runs: opts.runs });
        out.push({ size: data.name, days, by, timings });
        const line = Object.entries(timings)
          .map(([n, t]) => `${n} ${t.median_ms} ms`)
          .join(', ');
        process.stderr.write(`  kpis ${data.name} ${days}d by=${by}: ${line}\n`);
      }
    }
  } finally {
    await sqlite.close();
    await pgStore?.close();
    raw?.close();
    duck.closeSync();
  }
  return out;
}
