import type { Store } from '../../store/store.js';
import type { Alert, AlertKind } from './evaluate.js';

export interface StoredAlert extends Alert {
  created_at: number;
}

/**
 * Stores the alerts not stored yet and returns those: an alert's id is fixed by its kind, scope and
 * bucket, so a rule that runs again (or two servers that run it at once) raises each alert once.
 */
export async function saveNewAlerts(
  store: Store,
  alerts: readonly Alert[],
  now: number,
): Promise<StoredAlert[]> {
  const fresh: StoredAlert[] = [];
  for (const a of alerts) {
    const row = { ...a, created_at: now };
    const result = await store.db
      .insertInto('alerts')
      .values(row)
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0) > 0) fresh.push(row);
  }
  return fresh;
}

export interface AlertQuery {
  /** alerts whose bucket starts in [from, to) */
  from?: number;
  to?: number;
  kinds?: readonly AlertKind[];
  limit: number;
  offset: number;
}

const toAlert = (r: Record<string, unknown>): StoredAlert =>
  ({
    ...r,
    bucket_start: Number(r.bucket_start),
    created_at: Number(r.created_at),
    observed: Number(r.observed),
    expected: Number(r.expected),
    ratio: r.ratio === null ? null : Number(r.ratio),
    p_value: Number(r.p_value),
    dispersion: Number(r.dispersion),
    exposure: r.exposure === null ? null : Number(r.exposure),
  }) as StoredAlert;

/** Stored alerts, newest bucket first, and how many match in all. */
export async function listAlerts(
  store: Store,
  q: AlertQuery,
): Promise<{ total: number; alerts: StoredAlert[] }> {
  let base = store.db.selectFrom('alerts');
  if (q.from !== undefined) base = base.where('bucket_start', '>=', q.from);
  if (q.to !== undefined) base = base.where('bucket_start', '<', q.to);
  if (q.kinds?.length) base = base.where('kind', 'in', [...q.kinds]);
  const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll()
    .orderBy('bucket_start', 'desc')
    .orderBy('id')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  return {
    total: Number(count.n),
    alerts: rows.map((r) => toAlert(r as unknown as Record<string, unknown>)),
  };
}

/** An alert as the API, the CLI and webhooks show it: instants as ISO-8601 text. */
export function alertJson(a: StoredAlert): Omit<StoredAlert, 'bucket_start' | 'created_at'> & {
  bucket_start: string;
  created_at: string;
} {
  return {
    ...a,
    bucket_start: new Date(a.bucket_start).toISOString(),
    created_at: new Date(a.created_at).toISOString(),
  };
}
