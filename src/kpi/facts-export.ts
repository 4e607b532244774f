import type { Kysely } from 'kysely';
import { TICKET_FACT_COLUMNS } from '../store/columns.js';
import type { Database } from '../store/schema.js';

export const FACT_EXPORT_COLUMNS = Object.keys(TICKET_FACT_COLUMNS) as (keyof typeof TICKET_FACT_COLUMNS)[];
const INSTANT_COLUMNS = new Set(FACT_EXPORT_COLUMNS.filter((c) => TICKET_FACT_COLUMNS[c] === 'instant'));

/** One row per ticket created in [from, to), oldest first, read in pages so any history streams out. */
export async function* ticketFactRows(
  db: Kysely<Database>,
  from: number,
  to: number,
  page = 5_000,
): AsyncGenerator<Record<string, unknown>> {
  let after: { at: number; id: string } | null = null;
  for (;;) {
    let qb = db
      .selectFrom('ticket_facts')
      .selectAll()
      .where('created_at', '>=', from)
      .where('created_at', '<', to);
    if (after) {
      const a = after;
      qb = qb.where((eb) =>
        eb.or([
          eb('created_at', '>', a.at),
          eb.and([eb('created_at', '=', a.at), eb('ticket_id', '>', a.id)]),
        ]),
      );
    }
    const rows = await qb.orderBy('created_at').orderBy('ticket_id').limit(page).execute();
    for (const r of rows) {
      const out: Record<string, unknown> = {};
      for (const c of FACT_EXPORT_COLUMNS) {
        const v = (r as Record<string, unknown>)[c];
        out[c] =
          INSTANT_COLUMNS.has(c) && v !== null && v !== undefined ? new Date(Number(v)).toISOString() : v;
      }
      yield out;
    }
    if (rows.length < page) return;
    const last = rows.at(-1)!;
    after = { at: Number(last.created_at), id: last.ticket_id };
  }
}

/** RFC 4180 field: quoted when it holds a comma, quote or line break. */
export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export const csvLine = (values: readonly unknown[]) => `${values.map(csvField).join(',')}\r\n`;
