import type { Channel } from '../../domain/primitives.js';
import type { Store } from '../../store/store.js';
import { civilFromDays, formatCivilDate, MS_PER_DAY } from '../../time/civil.js';
import { getTimeZone, localDayOf, localToUtc } from '../../time/zone.js';

export interface DailySeries {
  /** local day numbers (days since 1970-01-01 in the zone), one per value */
  firstDay: number;
  days: number;
  measure: 'contacts_offered' | 'tickets_created';
  byChannel: Map<Channel, number[]>;
}

export const dayLabel = (day: number) => formatCivilDate(civilFromDays(day));
export const dayStart = (day: number, timeZone: string) =>
  localToUtc(day * MS_PER_DAY, getTimeZone(timeZone));

/**
 * Daily volume per channel in the organisation's zone over whole local days in [from, to): contacts
 * offered (KPI 1), or tickets created (KPI 2) for a history without contacts (imported ticket exports).
 * The history starts on the first whole day after the earliest item, as a first day is seldom complete.
 */
export async function dailyVolumes(
  store: Store,
  from: number,
  to: number,
  timeZone: string,
): Promise<DailySeries> {
  const tz = getTimeZone(timeZone);
  const contacts = await store.db
    .selectFrom('contact_facts')
    .select(['channel', 'offered_at as at'])
    .where('offered_at', '>=', from)
    .where('offered_at', '<', to)
    .execute();
  const measure = contacts.length > 0 ? 'contacts_offered' : 'tickets_created';
  const rows =
    contacts.length > 0
      ? contacts
      : await store.db
          .selectFrom('ticket_facts')
          .select(['channel', 'created_at as at'])
          .where('created_at', '>=', from)
          .where('created_at', '<', to)
          .execute();
  let earliest = Number.POSITIVE_INFINITY;
  for (const r of rows) earliest = Math.min(earliest, Number(r.at));
  const lastDay = localDayOf(to - 1, tz);
  if (!Number.isFinite(earliest)) return { firstDay: lastDay + 1, days: 0, measure, byChannel: new Map() };
  const earliestDay = localDayOf(earliest, tz);
  const firstDay = dayStart(earliestDay, timeZone) === earliest ? earliestDay : earliestDay + 1;
  const days = Math.max(0, lastDay - firstDay + 1);
  const byChannel = new Map<Channel, number[]>();
  for (const r of rows) {
    const i = localDayOf(Number(r.at), tz) - firstDay;
    if (i < 0 || i >= days) continue;
    let series = byChannel.get(r.channel);
    if (!series) {
      series = new Array<number>(days).fill(0);
      byChannel.set(r.channel, series);
    }
    series[i]!++;
  }
  return { firstDay, days, measure, byChannel };
}
