import type { Store } from '../store/store.js';

/** The organisation's time zone: that of its default business calendar (UTC until one is defined). */
export async function orgTimeZone(store: Store): Promise<string> {
  const row = await store.db
    .selectFrom('calendars')
    .select('spec')
    .where('calendar_id', '=', 'default')
    .executeTakeFirst();
  if (!row) return 'UTC';
  const spec = JSON.parse(row.spec) as { time_zone?: string };
  return spec.time_zone ?? 'UTC';
}
