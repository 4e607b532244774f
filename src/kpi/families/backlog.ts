import { FactCache } from '../../store/fact-cache/fact-cache.js';
import { factCacheOf } from '../../store/store.js';
import { bucketRanges, formatBucketLabel } from '../../time/buckets.js';
import { previousPeriod } from '../aggregate.js';
import type { Family, FamilyContext } from '../family.js';
import { rowTest } from '../frame.js';
import { ticketsWithTags } from '../ticket-frame.js';
import { tagsOf, ticketDimension } from '../ticket-rows.js';
import type { CountValue, Dimension, KpiQuery } from '../types.js';
import { countBacklog } from './backlog-count.js';

export const AGE_BANDS = ['<1d', '1-3d', '3-7d', '>7d'] as const;

/** The instants the backlog is counted at: each bucket's end (or the period's), never later than now. */
function instants(q: KpiQuery): { label: string | null; start: string | null; at: number }[] {
  const clip = (t: number) => Math.min(t, q.now);
  if (!q.bucket) return [{ label: null, start: null, at: clip(q.to) }];
  return bucketRanges(q.from, q.to, q.bucket, q.timeZone).map((r) => ({
    label: formatBucketLabel(r.start, q.bucket!, q.timeZone),
    start: new Date(r.start).toISOString(),
    at: clip(r.end),
  }));
}

/** The ticket column of a dimension for the backlog (line and team are the segment's; agent is the assignee). */
const column = (d: Exclude<Dimension, 'tag' | 'line' | 'team'>) => ticketDimension(d, 'assignee_id');
type TicketDim = Parameters<typeof column>[0];
const onTicket = (d: Dimension): d is TicketDim => d !== 'tag' && d !== 'line' && d !== 'team';

/**
 * The facts copy's tickets and segments (a connection without one, such as a transaction's, reads them
 * into a copy of its own for this query).
 */
async function tables(ctx: FamilyContext, columns: string[]) {
  const cache = factCacheOf(ctx.db) ?? new FactCache(ctx.db, 0);
  return cache.segments(columns);
}

/**
 * SPEC §3 #19: tickets open at the end of each bucket (open during its last instant: opened before the end
 * and not closed before it; one created at the end belongs to the next bucket, one resolved at the end
 * was still open), counted on the line and team they were on then, and at the last instant by line, by
 * age and by group. Counted in memory over every ticket's segments.
 */
export const backlog: Family = async (ctx, wanted) => {
  if (!wanted.has('backlog')) return {};
  const { q } = ctx;
  const points = instants(q);
  const prevAt = Math.min(previousPeriod(q).to, q.now);
  const lastAt = points.at(-1)!.at;
  const stabs = [...new Set([prevAt, ...points.map((p) => p.at)])];
  const dims = (Object.keys(q.filters) as Dimension[]).filter((d) => q.filters[d]?.length);
  const filterDims = dims.filter(onTicket);
  const groupCol = q.by && onTicket(q.by) ? column(q.by) : null;
  const { tickets, segments } = await tables(ctx, [
    'start_at',
    ...filterDims.map(column),
    ...(groupCol ? [groupCol] : []),
  ]);
  const tests = filterDims.map((d) => rowTest(tickets, column(d), q.filters[d]!));
  const tagged = q.filters.tag?.length ? await ticketsWithTags(ctx.db, q.filters.tag) : null;
  const keepTicket =
    tests.length || tagged
      ? (row: number) => tests.every((t) => t(row)) && (!tagged || tagged.has(tickets.keyOf(row)))
      : null;
  const counts = countBacklog(tickets, segments, {
    stabs,
    last: lastAt,
    keepTicket,
    lines: q.filters.line?.length ? new Set(q.filters.line.map(Number)) : null,
    teams: q.filters.team?.length ? new Set(q.filters.team) : null,
  });
  const idOf = (s: number) => tickets.keyOf(segments.ticket[s]!);
  const tags = q.by === 'tag' ? await tagsOf(ctx.db, counts.open.map(idOf)) : null;
  const groupsOf = (s: number): string[] => {
    if (!q.by) return [];
    if (tags) return tags.get(idOf(s)) ?? ['(none)'];
    const v =
      q.by === 'line'
        ? segments.line.get(s)
        : q.by === 'team'
          ? segments.team.get(s)
          : tickets.column(groupCol!).get(segments.ticket[s]!);
    return [v === null ? '(none)' : String(v)];
  };
  const groups = new Map<string, number>();
  if (q.by) for (const s of counts.open) for (const g of groupsOf(s)) groups.set(g, (groups.get(g) ?? 0) + 1);
  ctx.collect?.(
    'backlog',
    counts.open.map((s) => ({ id: idOf(s), at: Math.min(lastAt, q.to - 1), groups: groupsOf(s) })),
  );
  const valueAt = (t: number) => counts.values[stabs.indexOf(t)]!;
  const total: CountValue = { value: valueAt(lastAt) };
  return {
    backlog: {
      kind: 'count',
      cut: {
        total,
        previous: { value: valueAt(prevAt) },
        ...(q.bucket
          ? { series: points.map((p) => ({ start: p.start!, label: p.label!, value: valueAt(p.at) })) }
          : {}),
        ...(q.by
          ? {
              groups: [...groups.entries()]
                .sort(([a], [b]) => (a < b ? -1 : 1))
                .map(([key, value]) => ({ key, value })),
            }
          : {}),
      },
      extra: {
        at: new Date(lastAt).toISOString(),
        by_line: counts.byLine,
        by_age: Object.fromEntries(AGE_BANDS.map((b, i) => [b, counts.byAge[i]])),
      },
    },
  };
};
