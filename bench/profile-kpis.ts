// Where the KPI set spends its time on a bench store: each family timed on its own, then a CPU profile of
// the whole set with the functions of most self time.
//   npx tsx bench/profile-kpis.ts [--size 100k|1M|5M] [--days 30] [--by agent] [--runs 3] [--cpuprofile f]
// The store is built (once) as `npm run bench` builds it; the first report also fills the facts copy.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { parseArgs } from 'node:util';
import { computeKpis, loadTargets } from '../src/kpi/engine.js';
import type { Family } from '../src/kpi/family.js';
import { kpiQueryParams, toKpiQuery } from '../src/kpi/query-params.js';
import { KPIS } from '../src/kpi/registry.js';
import type { KpiId } from '../src/kpi/types.js';
import { openStore } from '../src/store/open.js';
import { dataset } from './datasets.js';
import { time } from './lib/timing.js';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '100k' },
    days: { type: 'string', default: '30' },
    by: { type: 'string' },
    runs: { type: 'string', default: '3' },
    cpuprofile: { type: 'string' },
  },
});
const SIZES: Record<string, number> = { '100k': 100_000, '1M': 1_000_000, '5M': 5_000_000 };
const size = SIZES[values.size];
if (!size) throw new Error(`--size takes ${Object.keys(SIZES).join(', ')}`);
const data = dataset(size);
const runs = Number(values.runs);
const store = await openStore(data.url);
const params = {
  from: new Date(data.end - Number(values.days) * 86_400_000).toISOString(),
  to: new Date(data.end).toISOString(),
  ...(values.by ? { by: values.by } : {}),
};
const { query } = toKpiQuery(kpiQueryParams.parse(params), 'Europe/Moscow', data.end);
try {
  const first = await time(() => computeKpis(store, query), { warmup: 0, runs: 1 });
  console.log(`first report (fills the facts copy): ${first.median_ms} ms`);
  console.log(`whole set: ${JSON.stringify(await time(() => computeKpis(store, query), { runs }))}`);

  const targets = await loadTargets(store);
  const families = new Map<Family, Set<KpiId>>();
  for (const d of KPIS) families.set(d.family, (families.get(d.family) ?? new Set()).add(d.id));
  for (const [family, ids] of families) {
    // each family alone, with frames of its own (in a report, families share them)
    const t = await time(() => family({ db: store.db, q: query, targets, frames: new Map() }, ids), { runs });
    console.log(`${t.median_ms.toFixed(1).padStart(9)} ms  ${[...ids].join(', ')}`);
  }

  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  for (let i = 0; i < runs; i++) await computeKpis(store, query);
  const { profile } = await session.post('Profiler.stop');
  if (values.cpuprofile) writeFileSync(values.cpuprofile, JSON.stringify(profile));
  const self = new Map<string, number>();
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples?.forEach((id, i) => {
    const f = nodes.get(id)!.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').slice(-2).join('/')}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000 / runs);
  });
  console.log(`\nself time per report (ms), ${runs} reports profiled:`);
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25))
    console.log(`${ms.toFixed(1).padStart(9)}  ${key}`);
} finally {
  await store.close();
}
