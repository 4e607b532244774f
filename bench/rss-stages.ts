// Where a server's memory goes, stage by stage: after opening a bench store, after filling the facts copy,
// and after the 30-day and one-year KPI sets (Moscow, ending where the store's history ends). Each stage
// collects garbage first when run with --expose-gc, so the figures are what is live, not what is pending.
//   node --expose-gc --import tsx bench/rss-stages.ts [tickets: 100000 | 1000000 | 5000000]
import { computeKpis } from '../src/kpi/engine.js';
import { kpiQueryParams, toKpiQuery } from '../src/kpi/query-params.js';
import { fillFactsCopy } from '../src/kpi/report-columns.js';
import { openStore } from '../src/store/open.js';
import { dataset } from './datasets.js';

const data = dataset(Number(process.argv[2] ?? 100_000));
const mb = (b: number) => String(Math.round(b / 1e6)).padStart(6);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) console.log('(run with --expose-gc for live figures)');
console.log('stage            rss   heap  array buffers (MB)');
const show = (stage: string) => {
  gc?.();
  const m = process.memoryUsage();
  console.log(`${stage.padEnd(12)} ${mb(m.rss)} ${mb(m.heapUsed)} ${mb(m.arrayBuffers)}`);
};
show('start');
const store = await openStore(data.url);
show('open');
await fillFactsCopy(store.db);
show('copy filled');
for (const days of [30, 365]) {
  const from = new Date(data.end - days * 86_400_000).toISOString();
  const params = kpiQueryParams.parse({ from, to: new Date(data.end).toISOString() });
  await computeKpis(store, toKpiQuery(params, 'Europe/Moscow', data.end).query);
  show(`${days} d report`);
}
await store.close();
