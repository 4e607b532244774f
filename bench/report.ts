// The human-readable table of a bench run (bench/results.json holds everything).
import type { KpiCase } from './kpi-bench.js';

const pad = (s: unknown, n: number) => String(s).padEnd(n);

export function printReport(results: Record<string, unknown>): void {
  const out: string[] = [];
  const kpis = (results.kpis ?? []) as KpiCase[];
  if (kpis.length) {
    out.push('Full KPI set (median ms, min–max; ratio = Firstline SQLite ÷ contender)');
    for (const c of kpis) {
      const ours = c.timings['firstline-sqlite']!.median_ms;
      const cells = Object.entries(c.timings).map(
        ([name, t]) =>
          `${name} ${t.median_ms} (${t.min_ms}–${t.max_ms})${name === 'firstline-sqlite' ? '' : ` ×${(ours / t.median_ms).toFixed(2)}`}`,
      );
      out.push(`  ${pad(c.size, 5)} ${pad(`${c.days}d`, 5)} by ${pad(c.by, 6)} ${cells.join('  ')}`);
    }
  }
  for (const key of ['ingest', 'rebuild', 'http', 'import', 'staffing', 'rss', 'seconds']) {
    if (results[key] !== undefined) out.push(`${key}: ${JSON.stringify(results[key])}`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
}
