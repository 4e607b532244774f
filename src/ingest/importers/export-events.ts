import type { Store } from '../../store/store.js';
import { nextBucketStart } from '../../time/buckets.js';
import { startOfLocalDate } from '../../time/local-date.js';

const PAGE = 5_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Every stored event's body, in log order, one page at a time (constant memory): the lines of
 * `firstline export`, which `--format events-ndjson` imports back. `from`/`to` bound the event instants
 * (`at`, from inclusive, to exclusive); an export cut by time may leave out the creation of a ticket
 * whose later events it holds, and such a file imports only into a store that has that ticket.
 */
export async function* eventBodies(
  store: Store,
  fromMs = Number.NEGATIVE_INFINITY,
  toMs = Number.POSITIVE_INFINITY,
) {
  let after = -1;
  for (;;) {
    let q = store.db.selectFrom('events').select(['seq', 'body']).where('seq', '>', after);
    if (Number.isFinite(fromMs)) q = q.where('at', '>=', fromMs);
    if (Number.isFinite(toMs)) q = q.where('at', '<', toMs);
    const rows = await q.orderBy('seq').limit(PAGE).execute();
    for (const r of rows) yield r.body;
    if (rows.length < PAGE) return;
    after = Number(rows[rows.length - 1]!.seq);
  }
}

/** `--from`/`--to` of the export: a date is a whole local day in the zone (`to` inclusive), else an instant. */
export function exportBounds(
  opts: { from?: string | undefined; to?: string | undefined },
  timeZone: string,
): { fromMs: number; toMs: number } {
  const read = (value: string, name: string, end: boolean) => {
    if (DATE.test(value)) {
      const start = startOfLocalDate(value, timeZone);
      return end ? nextBucketStart(start, 'day', timeZone) : start;
    }
    const ms = Date.parse(value);
    if (Number.isNaN(ms)) throw new Error(`--${name}: must be a date YYYY-MM-DD or an ISO-8601 instant`);
    return ms;
  };
  const fromMs = opts.from ? read(opts.from, 'from', false) : Number.NEGATIVE_INFINITY;
  const toMs = opts.to ? read(opts.to, 'to', true) : Number.POSITIVE_INFINITY;
  if (!(fromMs < toMs)) throw new Error('--from must be before --to');
  return { fromMs, toMs };
}
