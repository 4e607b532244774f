import type { Store } from '../store/store.js';
import { bucketStart } from '../time/buckets.js';
import { computeKpis } from './engine.js';
import { orgTimeZone } from './org.js';
import { kpiQueryParams, toKpiQuery } from './query-params.js';

const DAY = 86_400_000;
/** The longest period the dashboard offers at a click (its "quarter" preset: the quarter so far), in days. */
export const WARM_DAYS = 92;

/**
 * Makes the dashboard's days ready after a start: the full KPI set over the last WARM_DAYS whole days (and
 * so the period before them) in the organisation's time zone, ungrouped. Each whole day's states are then
 * kept, and a day's state serves every period and bucket that holds the day, so the first "today",
 * "7 days", "30 days" or "quarter" view reads only the days written to since, instead of folding every
 * item of the period and sorting each day's values while its user waits.
 */
export async function warmDashboard(store: Store, now = Date.now()): Promise<{ from: number; to: number }> {
  const timeZone = await orgTimeZone(store);
  const { query } = toKpiQuery(kpiQueryParams.parse({}), timeZone, now);
  // half a day past the edge, so a DST change inside the period still lands on the right local day
  const from = bucketStart(query.to - WARM_DAYS * DAY + DAY / 2, 'day', timeZone);
  await computeKpis(store, { ...query, from });
  return { from, to: query.to };
}
