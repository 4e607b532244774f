// At scale, reports through kept per-day states (frames read lazily by day, percentiles across sorted
// day lists) must equal item-by-item folds. For several cuts and two zones: the cut's first report (cold:
// no states yet), the same again (warm: through the states just kept), and a fold of every item.
//   npx tsx bench/verify-rollups.ts [1000000]    (a bench store; exits 1 when a cut differs)
import { isDeepStrictEqual } from 'node:util';
import { computeKpis } from '../src/kpi/engine.js';
import { rollups } from '../src/kpi/frame-rollup.js';
import { kpiQueryParams, toKpiQuery } from '../src/kpi/query-params.js';
import { openStore } from '../src/store/open.js';
import { dataset } from './datasets.js';

const data = dataset(Number(process.argv[2] ?? 1_000_000));
const store = await openStore(data.url);
const cuts = [
  { days: 30 },
  { days: 30, by: 'agent' },
  { days: 365 },
  { days: 365, by: 'agent' },
  { days: 90, by: 'channel', bucket: 'week' },
  { days: 400, bucket: 'month' },
  { days: 45, by: 'team', bucket: 'day' },
];
let bad = 0;
for (const c of cuts) {
  const params = {
    from: new Date(data.end - c.days * 86_400_000 - 3_723_000).toISOString(),
    to: new Date(data.end - 3_723_000).toISOString(),
    ...(c.by ? { by: c.by } : {}),
    ...(c.bucket ? { bucket: c.bucket } : {}),
  };
  for (const tz of ['Europe/Moscow', 'America/New_York']) {
    const { query } = toKpiQuery(kpiQueryParams.parse(params), tz, data.end);
    let t = performance.now();
    const first = await computeKpis(store, query);
    const cold = performance.now() - t;
    t = performance.now();
    const kept = await computeKpis(store, query);
    const warm = performance.now() - t;
    rollups.enabled = false;
    const plain = await computeKpis(store, query);
    rollups.enabled = true;
    const same = isDeepStrictEqual(first, plain) && isDeepStrictEqual(kept, plain);
    if (!same) bad++;
    console.log(
      JSON.stringify(c),
      tz,
      same ? 'same' : 'DIFFERENT',
      'cold',
      cold.toFixed(0),
      'warm',
      warm.toFixed(0),
    );
  }
}
console.log(bad ? `${bad} cuts differ` : 'all cuts agree');
await store.close();
if (bad) process.exitCode = 1;
