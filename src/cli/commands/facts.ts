import type { Config } from '../../config.js';
import { csvLine, FACT_EXPORT_COLUMNS, ticketFactRows } from '../../kpi/facts-export.js';
import { orgTimeZone } from '../../kpi/org.js';
import { kpiQueryParams, toKpiQuery } from '../../kpi/query-params.js';
import { openStore } from '../../store/open.js';

/** One row per ticket (milestones, counters, flags, durations) as CSV or NDJSON on stdout. */
export async function facts(
  config: Config,
  opts: { from?: string; to?: string; csv?: boolean },
): Promise<void> {
  const store = await openStore(config.db);
  try {
    const raw = kpiQueryParams.parse({
      ...(opts.from ? { from: opts.from } : {}),
      ...(opts.to ? { to: opts.to } : {}),
    });
    // Without a period, the whole history.
    const tz = await orgTimeZone(store);
    const period = opts.from || opts.to ? toKpiQuery(raw, tz, Date.now()).query : { from: 0, to: 8.64e15 };
    const out = process.stdout;
    const write = (s: string) =>
      out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
    if (opts.csv !== false) await write(csvLine(FACT_EXPORT_COLUMNS));
    for await (const row of ticketFactRows(store.db, period.from, period.to)) {
      await write(
        opts.csv === false ? `${JSON.stringify(row)}\n` : csvLine(FACT_EXPORT_COLUMNS.map((c) => row[c])),
      );
    }
  } finally {
    await store.close();
  }
}
