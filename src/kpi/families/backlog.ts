import { sql } from 'kysely';
import { bucketRanges, formatBucketLabel } from '../../time/buckets.js';
import { previousPeriod } from '../aggregate.js';
import type { Family, FamilyContext } from '../family.js';
import { tagsOf, ticketDimension, ticketFilter } from '../ticket-rows.js';
import type { CountValue, KpiQuery } from '../types.js';

export const AGE_BANDS = ['<1d', '1-3d', '3-7d', '>7d'] as const;
const DAY = 86_400_000;
const band = (ageMs: number) => (ageMs < DAY ? 0 : ageMs < 3 * DAY ? 1 : ageMs < 7 * DAY ? 2 : 3);

interface Seg {
  ticket_id: string;
  from_at: number;
  to_at: number | null;
  line: number | null;
  team_id: string | null;
  start_at: number;
  group: string | null;
}

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

/**
 * Open at the end of a bucket [start, end): open during its last instant, i.e. opened before `end` and not
 * yet closed before it. A ticket created at `end` belongs to the next bucket; one resolved at `end` was
 * still open during this one (the same half-open rule as every other KPI).
 */
const openAt = (s: Seg, t: number) => Number(s.from_at) < t && (s.to_at === null || Number(s.to_at) >= t);

type Segments = ReturnType<typeof segmentQuery>;

/**
 * Segments with the cut's filters (line and team are those of the segment: the ticket's line and team at
 * the instant counted, not its current ones), joined to their ticket.
 */
function segmentQuery(ctx: FamilyContext) {
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

function groupColumn(q: KpiQuery): string | null {
  if (q.by === 'line') return 'ticket_segments.line';
  if (q.by === 'team') return 'ticket_segments.team_id';
  if (q.by && q.by !== 'tag') return `ticket_facts.${ticketDimension(q.by, 'assignee_id')}`;
  return null;
}

/** Segments closed at or after one of the instants (their number follows the period, not the history). */
async function closedSegments(ctx: FamilyContext, stabs: number[], lo: number, hi: number, qb: Segments) {
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
async function openSegmentCounts(
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

/** SPEC §3 #19: tickets open at the end of each bucket, by the line they were on then and by age. */
export const backlog: Family = async (ctx, wanted) => {
  if (!wanted.has('backlog')) return {};
  const { q } = ctx;
  const points = instants(q);
  const prevAt = Math.min(previousPeriod(q).to, q.now);
  const lo = Math.min(prevAt, ...points.map((p) => p.at));
  const hi = Math.max(...points.map((p) => p.at));
  const stabs = [...new Set([prevAt, ...points.map((p) => p.at)])];
  const base = segmentQuery(ctx);
  const segs = await closedSegments(ctx, stabs, lo, hi, base);
  const byLineOpen = await openSegmentCounts(base, stabs, 'ticket_segments.line', false, 'unknown');
  const group = groupColumn(q);
  const byGroupOpen = q.by ? await openSegmentCounts(base, stabs, group, q.by === 'tag', '(none)') : null;
  const tags =
    q.by === 'tag'
      ? await tagsOf(
          ctx.db,
          segs.map((s) => s.ticket_id),
        )
      : null;
  const keysOf = (s: Seg) =>
    !q.by
      ? []
      : tags
        ? (tags.get(s.ticket_id) ?? ['(none)'])
        : [s.group === null ? '(none)' : String(s.group)];

  const at = (t: number) => {
    const k = stabs.indexOf(t);
    const byLine: Record<string, number> = { '1': 0, '2': 0, '3': 0, unknown: 0 };
    const byAge = [0, 0, 0, 0];
    const groups = new Map<string, number>();
    let value = 0;
    for (const [line, c] of byLineOpen) {
      byLine[line] = (byLine[line] ?? 0) + c.n[k]!;
      byAge[0]! += c.n[k]! - c.a1[k]!;
      byAge[1]! += c.a1[k]! - c.a3[k]!;
      byAge[2]! += c.a3[k]! - c.a7[k]!;
      byAge[3]! += c.a7[k]!;
      value += c.n[k]!;
    }
    for (const [key, c] of byGroupOpen ?? []) if (c.n[k]! > 0) groups.set(key, c.n[k]!);
    for (const s of segs) {
      if (!openAt(s, t)) continue;
      value++;
      byLine[s.line === null ? 'unknown' : String(s.line)]! += 1;
      byAge[band(t - Number(s.start_at))]! += 1;
      for (const g of keysOf(s)) groups.set(g, (groups.get(g) ?? 0) + 1);
    }
    return {
      value,
      byLine,
      byAge: Object.fromEntries(AGE_BANDS.map((b, i) => [b, byAge[i]])),
      groups,
    };
  };
  const lastAt = points.at(-1)!.at;
  const last = at(lastAt);
  if (ctx.collect) {
    // the tickets behind the last figure, for drill-down: every segment open then, listed
    let list = base
      .select(['ticket_segments.ticket_id', 'ticket_segments.from_at', 'ticket_segments.to_at'])
      .where('ticket_segments.from_at', '<', lastAt)
      .where((eb) =>
        eb.or([eb('ticket_segments.to_at', 'is', null), eb('ticket_segments.to_at', '>=', lastAt)]),
      );
    if (group) list = list.select(`${group} as group` as 'ticket_segments.ticket_id');
    const open = (await list.execute()) as unknown as Seg[];
    const openTags =
      q.by === 'tag'
        ? await tagsOf(
            ctx.db,
            open.map((s) => s.ticket_id),
          )
        : null;
    ctx.collect(
      'backlog',
      open.map((s) => ({
        id: s.ticket_id,
        at: Math.min(lastAt, q.to - 1),
        groups: openTags ? (openTags.get(s.ticket_id) ?? ['(none)']) : keysOf(s),
      })),
    );
  }
  const total: CountValue = { value: last.value };
  return {
    backlog: {
      kind: 'count',
      cut: {
        total,
        previous: { value: at(prevAt).value },
        ...(q.bucket
          ? { series: points.map((p) => ({ start: p.start!, label: p.label!, value: at(p.at).value })) }
          : {}),
        ...(q.by
          ? {
              groups: [...last.groups.entries()]
                .sort(([a], [b]) => (a < b ? -1 : 1))
                .map(([key, value]) => ({ key, value })),
            }
          : {}),
      },
      extra: { at: new Date(points.at(-1)!.at).toISOString(), by_line: last.byLine, by_age: last.byAge },
    },
  };
};
