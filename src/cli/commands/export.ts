import type { Config } from '../../config.js';
import { eventBodies, exportBounds } from '../../ingest/importers/export-events.js';
import { orgTimeZone } from '../../kpi/org.js';
import { openStore } from '../../store/open.js';

export interface ExportOptions {
  from?: string;
  to?: string;
}

/**
 * `firstline export [--from] [--to] > events.ndjson`: every stored event, in log order, one JSON per line
 * (as stored), so `firstline import events.ndjson --format events-ndjson` into an empty store gives the
 * same facts. Dates are whole days in the organisation's time zone.
 */
export async function exportCommand(
  config: Config,
  opts: ExportOptions,
  out: NodeJS.WritableStream = process.stdout,
): Promise<number> {
  const store = await openStore(config.db);
  try {
    const { fromMs, toMs } = exportBounds(opts, await orgTimeZone(store));
    const write = (s: string) =>
      out.write(s) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve()));
    let count = 0;
    for await (const body of eventBodies(store, fromMs, toMs)) {
      await write(`${body}\n`);
      count++;
    }
    if (out === process.stdout) process.stderr.write(`Exported ${count} events.\n`);
    return count;
  } finally {
    await store.close();
  }
}
