import type { Kysely } from 'kysely';
import type { TicketFacts } from '../facts/types.js';
import { chunk } from '../store/chunks.js';
import { TICKET_FACT_COLUMNS } from '../store/columns.js';
import { FactTable } from '../store/fact-cache/fact-table.js';
import type { Database } from '../store/schema.js';
import { factCacheOf } from '../store/store.js';
import { previousPeriod } from './aggregate.js';
import type { FamilyContext } from './family.js';
import { buildFrame, type Frame, type FrameOptions, type FrameRef, frameRows } from './frame.js';
import { tagsOf, ticketDimension } from './ticket-rows.js';
import type { Dimension, KpiQuery } from './types.js';

type Col = keyof TicketFacts & string;

export interface TicketFrameRef extends FrameRef {
  at: Col;
  whenNull?: Col;
}

/**
 * The frame of tickets whose reference instant falls in the cut's period or the previous one, read from
 * the in-memory facts (or, without them, from the database into a table of its own). `agent` is the
 * column the agent dimension means for this KPI (who responded, resolved, classified…). Frames are
 * shared by the KPIs of one report that read the same references under the same cut.
 */
export async function ticketFrame(
  ctx: FamilyContext,
  refs: readonly TicketFrameRef[],
  agent: Col,
  columns: readonly Col[],
): Promise<Frame> {
  const { q, db } = ctx;
  const dim = (d: Exclude<Dimension, 'tag'>) => ticketDimension(d, agent);
  const filters: { column: string; values: readonly string[] }[] = [];
  for (const d of Object.keys(q.filters) as Dimension[]) {
    const values = q.filters[d];
    if (d !== 'tag' && values?.length) filters.push({ column: dim(d), values });
  }
  const groupColumn = q.by && q.by !== 'tag' ? dim(q.by) : null;
  const needed = new Set<string>([...columns, 'status', ...filters.map((f) => f.column)]);
  for (const r of refs) {
    needed.add(r.at);
    if (r.whenNull) needed.add(r.whenNull);
  }
  if (groupColumn) needed.add(groupColumn);
  const cache = factCacheOf(db);
  const table = cache
    ? await cache.table('ticket_facts', [...needed])
    : await ticketsFromDb(db, q, refs, [...needed]);
  const key = JSON.stringify({ refs, filters, groupColumn, tags: q.filters.tag ?? null, by: q.by });
  const shared = ctx.frames?.get(key);
  if (shared && shared.table === table) return shared;

  const tagged = q.filters.tag?.length ? await ticketsWithTags(db, q.filters.tag) : null;
  const options: FrameOptions = {
    refs,
    filters,
    groupColumn,
    ...(tagged ? { keep: (k: string) => tagged.has(k) } : {}),
    // states per day are kept only with the facts copy (a table read for this query alone goes with it)
    ...(cache ? { rollupKey: `tickets|${key}|${JSON.stringify(ctx.targets)}` } : {}),
  };
  let frame = buildFrame(table, q, options);
  if (q.by === 'tag') {
    // tickets without tags form "(none)"; a ticket with several tags is in each of their groups
    const tags = await tagsOf(
      db,
      frameRows(frame).map((r) => table.keyOf(r)),
    );
    frame = buildFrame(table, q, { ...options, groupsOf: (k) => tags.get(k) ?? ['(none)'] });
  }
  ctx.frames?.set(key, frame);
  return frame;
}

export async function ticketsWithTags(db: Kysely<Database>, tags: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const part of chunk([...tags], 900)) {
    const rows = await db
      .selectFrom('ticket_tags')
      .select('ticket_id')
      .where('tag', 'in', part)
      .distinct()
      .execute();
    for (const r of rows) out.add(r.ticket_id);
  }
  return out;
}

/** Without the in-memory facts: the rows of the references' ranges, read into a table of their own. */
async function ticketsFromDb(
  db: Kysely<Database>,
  q: KpiQuery,
  refs: readonly TicketFrameRef[],
  columns: string[],
): Promise<FactTable> {
  const table = new FactTable(TICKET_FACT_COLUMNS, 'ticket_id');
  const held = table.addColumns(columns);
  const from = previousPeriod(q).from;
  for (const ref of refs) {
    const rows = await db
      .selectFrom('ticket_facts')
      .select(['ticket_id', ...(held as Col[])])
      .where(ref.at, '>=', from)
      .where(ref.at, '<', q.to)
      .execute();
    table.write(rows as unknown as Record<string, unknown>[], held);
  }
  return table;
}
