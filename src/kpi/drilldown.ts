import type { Store } from '../store/store.js';
import { nextBucketStart } from '../time/buckets.js';
import type { Item } from './aggregate.js';
import { loadTargets } from './engine.js';
import { KPI_BY_ID } from './registry.js';
import type { KpiId, KpiQuery } from './types.js';

export const CONTACT_KPIS: ReadonlySet<KpiId> = new Set([
  'contacts_offered',
  'wait',
  'abandonment',
  'handle_time',
]);

export interface DrillOptions {
  /** only items in the bucket starting at this instant (with the query's bucket unit) */
  bucketStart?: number;
  /** only items of this group (with the query's group-by dimension) */
  group?: string;
  /** rates: hit (numerator) or miss; durations: done, pending, within or over target */
  state?: 'hit' | 'miss' | 'done' | 'pending' | 'within' | 'over';
  offset: number;
  limit: number;
}

type Detail = Record<string, unknown>;

function matchesState(item: Item, state: DrillOptions['state']): boolean {
  if (!state) return true;
  const i = item as Item & { hit?: boolean; seconds?: number | null; thresholds?: readonly number[] | null };
  if (state === 'hit' || state === 'miss') return i.hit === (state === 'hit');
  if (state === 'pending') return i.seconds === null;
  if (state === 'done') return i.seconds !== null && i.seconds !== undefined;
  const good = i.thresholds?.[1];
  if (i.seconds === null || i.seconds === undefined || good === undefined) return false;
  return state === 'within' ? i.seconds <= good : i.seconds > good;
}

/** The tickets, contacts or work stretches behind a KPI's number, newest first, one page at a time. */
export async function kpiItems(store: Store, q: KpiQuery, kpi: KpiId, o: DrillOptions) {
  const def = KPI_BY_ID.get(kpi)!;
  let collected: readonly Item[] = [];
  // A bucket's items are those of the period the bucket covers (a backlog is counted at that bucket's end).
  const from = o.bucketStart ?? q.from;
  const to =
    o.bucketStart !== undefined && q.bucket
      ? Math.min(nextBucketStart(o.bucketStart, q.bucket, q.timeZone), q.to)
      : q.to;
  await def.family(
    {
      db: store.db,
      q: { ...q, from: Math.max(from, q.from), to, bucket: null },
      targets: await loadTargets(store),
      collect: (id, items) => {
        if (id === kpi) collected = items;
      },
    },
    new Set([kpi]),
  );
  const picked = collected
    .filter((i) => i.at >= Math.max(from, q.from) && i.at < Math.min(to, q.to))
    .filter((i) => o.group === undefined || i.groups.includes(o.group))
    .filter((i) => matchesState(i, o.state))
    .sort((a, b) => b.at - a.at || (a.id < b.id ? -1 : 1));
  const page = picked.slice(o.offset, o.offset + o.limit);
  const details = await detailsOf(
    store,
    kpi,
    page.map((i) => i.id),
  );
  return {
    kpi,
    total: picked.length,
    offset: o.offset,
    limit: o.limit,
    items: page.map((i) => {
      const { groups: _g, thresholds: _t, ...own } = i as Item & { thresholds?: unknown };
      return { ...own, at: new Date(i.at).toISOString(), ...(details.get(i.id) ?? {}) };
    }),
  };
}

async function detailsOf(store: Store, kpi: KpiId, ids: string[]): Promise<Map<string, Detail>> {
  if (ids.length === 0 || kpi === 'break_compliance') return new Map();
  if (CONTACT_KPIS.has(kpi)) {
    const rows = await store.db
      .selectFrom('contacts')
      .select(['contact_id', 'channel', 'customer', 'queue', 'ticket_id', 'agent_id', 'outcome'])
      .where('contact_id', 'in', ids)
      .execute();
    return new Map(rows.map((r) => [r.contact_id, { type: 'contact', ...r }]));
  }
  const rows = await store.db
    .selectFrom('tickets')
    .select([
      'ticket_id',
      'subject',
      'status',
      'channel',
      'category',
      'priority',
      'team_id',
      'line',
      'assignee_id',
    ])
    .where('ticket_id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.ticket_id, { type: 'ticket', ...r }]));
}
