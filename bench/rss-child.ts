// Peak memory of a server process holding a store: open it, answer the 30-day and one-year KPI sets (which
// fill the facts cache), report resident memory and how long the first report took (the fill of the copy
// after a start, then the report). Usage: tsx bench/rss-child.ts <store url> <end ms>
import { computeKpis } from '../src/kpi/engine.js';
import { kpiQueryParams, toKpiQuery } from '../src/kpi/query-params.js';
import { openStore } from '../src/store/open.js';

const [url, endArg] = process.argv.slice(2);
const end = Number(endArg);
const store = await openStore(url!);
let firstMs = 0;
for (const days of [30, 365]) {
  const started = performance.now();
  const params = { from: new Date(end - days * 86_400_000).toISOString(), to: new Date(end).toISOString() };
  await computeKpis(store, toKpiQuery(kpiQueryParams.parse(params), 'Europe/Moscow', end).query);
  if (days === 30) firstMs = Math.round(performance.now() - started);
}
const tickets = await store.db
  .selectFrom('ticket_facts')
  .select((eb) => eb.fn.countAll<number>().as('n'))
  .executeTakeFirstOrThrow();
await store.close();
// both in MB (10^6 bytes); maxRSS comes in KiB
const mb = (b: number) => Math.round(b / 1e6);
process.stdout.write(
  `${JSON.stringify({ tickets: Number(tickets.n), first_report_ms: firstMs, rss_mb: mb(process.memoryUsage().rss), max_rss_mb: mb(process.resourceUsage().maxRSS * 1024) })}\n`,
);
