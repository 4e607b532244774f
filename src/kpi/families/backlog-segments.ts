import { sql } from 'kysely';
import { MS_PER_DAY } from '../../time/civil.js';
import type { FamilyContext } from '../family.js';
import { ticketDimension, ticketFilter } from '../ticket-rows.js';
import type { KpiQuery } from '../types.js';

const DAY = MS_PER_DAY;

/** A ticket's stay on one line and team, with its ticket's start and the cut's group. */
export interface Seg {
  ticket_id: string;
  from_at: number;
  to_at: number | null;
  line: number | null;
  team_id: string | null;
  start_at: number;
  group: string | null;
}

export type Segments = ReturnType<typeof segmentQuery>;

/**
 * Segments with the cut's filters (line and team are those of the segment: the ticket's line and team at
 * the instant counted, not its current ones), joined to their ticket.
 */
export function segmentQuery(ctx: FamilyContext) {
  const { q } = ctx;
  const { line: lines, team: teams, ...ticketFilters } = q.filters;
  let qb = ctx.db
    .selectFrom('ticket_segments')
    .innerJoin('ticket_facts', 'ticket_facts.ticket_id', 'ticket_segments.ticket_id')
    .where((eb) => ticketFilter(eb as never, { ...q, filters: ticketFilters }, 'assignee_id'));
  if (lines?.length) qb = qb.where('ticket_segments.line', 'in', lines.map(Number) as (1 | 2 | 3)[]);
  if (teams?.length) qb = qb.where('ticket_segments.team_id', 'in', teams);
  return qb;
}

export function groupColumn(q: KpiQuery): string | null {
  if (q.by === 'line') return 'ticket_segments.line';
  if (q.by === 'team') return 'ticket_segments.team_id';
  if (q.by && q.by !== 'tag') return `ticket_facts.${ticketDimension(q.by, 'assignee_id')}`;
  return null;
}

/** Segments closed at or after one of the instants (their number follows the period, not the history). */
export async function closedSegments(
  ctx: FamilyContext,
  stabs: number[],
  lo: number,
  hi: number,
  qb: Segments,
) {
  const group = groupColumn(ctx.q);
  let rows = qb
    .select([
      'ticket_segments.ticket_id',
      'ticket_segments.from_at',
      'ticket_segments.to_at',
      'ticket_segments.line',
      'ticket_segments.team_id',
      'ticket_facts.start_at',
    ])
    .where((eb) => {
      const closed = (t: number, until: number) =>
        eb.and([eb('ticket_segments.to_at', '>=', t), eb('ticket_segments.from_at', '<', until)]);
      return eb.or(stabs.length <= 8 ? stabs.map((t) => closed(t, t)) : [closed(lo, hi)]);
    });
  if (group) rows = rows.select(`${group} as group` as 'ticket_segments.ticket_id');
  return (await rows.execute()) as unknown as Seg[];
}

interface OpenCounts {
  /** per instant: open, and of those aged at least 1, 3 and 7 days */
  n: number[];
  a1: number[];
  a3: number[];
  a7: number[];
}

/**
 * Segments still open (no end) counted inside the database at every instant, by line or by group: this
 * set is as large as the whole backlog, so it is summed where it lies rather than read row by row.
 */
export async function openSegmentCounts(
  qb: Segments,
  instants: number[],
  by: string | null,
  tags: boolean,
  nullKey: string,
) {
  let agg = qb.where('ticket_segments.to_at', 'is', null).select((eb) => {
    const start = eb.fn.coalesce('ticket_facts.start_at', sql.lit(0));
    const count = (cond: ReturnType<typeof eb.and>, name: string) =>
      eb.fn.sum<number | string>(eb.case().when(cond).then(1).else(0).end()).as(name);
    return instants.flatMap((t, k) => [
      count(eb.and([eb('ticket_segments.from_at', '<', t)]), `n${k}`),
      count(eb.and([eb('ticket_segments.from_at', '<', t), eb(start, '<=', t - DAY)]), `a${k}_1`),
      count(eb.and([eb('ticket_segments.from_at', '<', t), eb(start, '<=', t - 3 * DAY)]), `a${k}_3`),
      count(eb.and([eb('ticket_segments.from_at', '<', t), eb(start, '<=', t - 7 * DAY)]), `a${k}_7`),
    ]);
  });
  if (tags)
    agg = agg.leftJoin('ticket_tags', 'ticket_tags.ticket_id', 'ticket_segments.ticket_id') as typeof agg;
  const key = tags ? 'ticket_tags.tag' : by;
  const grouped = key
    ? agg.select(`${key} as key` as 'ticket_segments.ticket_id').groupBy(key as never)
    : agg;
  const out = new Map<string, OpenCounts>();
  for (const r of (await grouped.execute()) as Record<string, unknown>[]) {
    const k = r.key === null || r.key === undefined ? nullKey : String(r.key);
    const num = (name: string) => Number(r[name] ?? 0);
    out.set(k, {
      n: instants.map((_, i) => num(`n${i}`)),
      a1: instants.map((_, i) => num(`a${i}_1`)),
      a3: instants.map((_, i) => num(`a${i}_3`)),
      a7: instants.map((_, i) => num(`a${i}_7`)),
    });
  }
  return out;
}
