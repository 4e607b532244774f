import type { ExpressionBuilder, Kysely } from 'kysely';
import type { TicketFacts } from '../facts/types.js';
import { chunk } from '../store/chunks.js';
import type { Database } from '../store/schema.js';
import { factCacheOf } from '../store/store.js';
import { previousPeriod } from './aggregate.js';
import { cachedRows } from './ticket-rows-cached.js';
import type { Dimension, KpiQuery } from './types.js';

type Col = keyof TicketFacts & string;
type TEB = ExpressionBuilder<Database, 'ticket_facts'>;

/** Which ticket column a dimension reads; `agent` depends on the KPI (who responded, resolved, classified…). */
export function ticketDimension(dim: Exclude<Dimension, 'tag'>, agent: Col): Col {
  const map: Record<Exclude<Dimension, 'tag'>, Col> = {
    channel: 'channel',
    category: 'category',
    priority: 'priority',
    team: 'team_id',
    line: 'line',
    company: 'company_id',
    agent,
  };
  return map[dim];
}

/** The filters of a cut as one condition on ticket_facts (tags through ticket_tags). */
export function ticketFilter(eb: TEB, q: KpiQuery, agent: Col) {
  const conds = [];
  for (const [dim, values] of Object.entries(q.filters) as [Dimension, string[]][]) {
    if (!values?.length) continue;
    if (dim === 'tag') {
      conds.push(
        eb.exists(
          eb
            .selectFrom('ticket_tags')
            .select('ticket_tags.tag')
            .whereRef('ticket_tags.ticket_id', '=', 'ticket_facts.ticket_id')
            .where('ticket_tags.tag', 'in', values),
        ),
      );
    } else if (dim === 'line') {
      conds.push(eb('ticket_facts.line', 'in', values.map(Number) as (1 | 2 | 3)[]));
    } else {
      conds.push(eb(`ticket_facts.${ticketDimension(dim, agent)}`, 'in', values));
    }
  }
  return eb.and(conds);
}

export interface RefSpec {
  /** the reference instant column */
  at: Col;
  /** only rows where this column is null (an alternative reference, e.g. closed without resolution) */
  whenNull?: Col;
  /** only tickets still open (pending items: a closed ticket no longer waits for its milestone) */
  onlyOpen?: boolean;
}

export interface TicketRow {
  ticket_id: string;
  at: number;
  group: string | null;
  [column: string]: unknown;
}

/**
 * Tickets whose reference instant falls in the cut's period or the previous one, with the columns a
 * family needs and the value of the group-by dimension. One indexed range scan per reference column.
 */
export async function fetchTicketRows(
  db: Kysely<Database>,
  q: KpiQuery,
  refs: readonly RefSpec[],
  agent: Col,
  columns: readonly Col[],
): Promise<TicketRow[]> {
  const cache = factCacheOf(db);
  // Tags live beside the facts, not in the cache: a tag filter reads the database.
  if (!cache || q.filters.tag?.length) return fetchTicketRowsFromDb(db, q, refs, agent, columns);
  const dim = (d: Exclude<Dimension, 'tag'>) => ticketDimension(d, agent);
  const needed = new Set<string>([...columns, 'status']);
  for (const r of refs) {
    needed.add(r.at);
    if (r.whenNull) needed.add(r.whenNull);
  }
  for (const d of Object.keys(q.filters) as Dimension[])
    if (d !== 'tag' && q.filters[d]?.length) needed.add(dim(d));
  if (q.by && q.by !== 'tag') needed.add(dim(q.by));
  const table = await cache.table('ticket_facts', [...needed]);
  return cachedRows<TicketRow>(table, q, refs, columns, dim, 'ticket_id');
}

/** The same rows read from the database (inside a transaction, or with a tag filter). */
export async function fetchTicketRowsFromDb(
  db: Kysely<Database>,
  q: KpiQuery,
  refs: readonly RefSpec[],
  agent: Col,
  columns: readonly Col[],
): Promise<TicketRow[]> {
  const from = previousPeriod(q).from;
  const groupCol = q.by && q.by !== 'tag' ? ticketDimension(q.by, agent) : null;
  const out: TicketRow[] = [];
  for (const ref of refs) {
    let qb = db
      .selectFrom('ticket_facts')
      .select(['ticket_id', `${ref.at} as at` as 'ticket_id', ...columns])
      .where(ref.at, '>=', from)
      .where(ref.at, '<', q.to)
      .where((eb) => ticketFilter(eb, q, agent));
    if (ref.whenNull) qb = qb.where(ref.whenNull, 'is', null);
    if (ref.onlyOpen) qb = qb.where('status', '=', 'open');
    if (groupCol) qb = qb.select(`${groupCol} as group` as 'ticket_id');
    const rows = (await qb.execute()) as unknown as TicketRow[];
    for (const r of rows) {
      r.at = Number(r.at);
      r.group = groupCol ? (r.group === null || r.group === undefined ? '(none)' : String(r.group)) : null;
      out.push(r);
    }
  }
  return out;
}

/** The tags of the given tickets (group-by tag puts a ticket in each of its tags' groups). */
export async function tagsOf(
  db: Kysely<Database>,
  ticketIds: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const part of chunk([...new Set(ticketIds)], 900)) {
    for (const r of await db
      .selectFrom('ticket_tags')
      .select(['ticket_id', 'tag'])
      .where('ticket_id', 'in', part)
      .execute()) {
      const list = out.get(r.ticket_id) ?? [];
      list.push(r.tag);
      out.set(r.ticket_id, list);
    }
  }
  return out;
}

const NO_GROUPS: readonly string[] = Object.freeze([]);

/** Group keys of each row: its dimension value, or its tags (tickets without tags form "(none)"). */
export async function groupKeys(
  db: Kysely<Database>,
  q: KpiQuery,
  rows: readonly TicketRow[],
): Promise<(r: TicketRow) => readonly string[]> {
  if (!q.by) return () => NO_GROUPS;
  if (q.by !== 'tag') {
    // one array per group value, shared by its rows (a million rows need not make a million arrays)
    const arrays = new Map<string, readonly string[]>();
    return (r) => {
      const key = r.group ?? '(none)';
      let a = arrays.get(key);
      if (!a) {
        a = [key];
        arrays.set(key, a);
      }
      return a;
    };
  }
  const tags = await tagsOf(
    db,
    rows.map((r) => r.ticket_id),
  );
  return (r) => tags.get(r.ticket_id) ?? ['(none)'];
}
