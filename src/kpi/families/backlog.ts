import { bucketRanges, formatBucketLabel } from '../../time/buckets.js';
import { previousPeriod } from '../aggregate.js';
import type { Family } from '../family.js';
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

/** SPEC §3 #19: tickets open at the end of each bucket, by the line they were on then and by age. */
export const backlog: Family = async (ctx, wanted) => {
  if (!wanted.has('backlog')) return {};
  const { q } = ctx;
  const points = instants(q);
  const prevAt = Math.min(previousPeriod(q).to, q.now);
  const lo = Math.min(prevAt, ...points.map((p) => p.at));
  const hi = Math.max(...points.map((p) => p.at));
  const groupCol =
    q.by === 'line'
      ? 'ticket_segments.line'
      : q.by === 'team'
        ? 'ticket_segments.team_id'
        : q.by && q.by !== 'tag'
          ? `ticket_facts.${ticketDimension(q.by, 'assignee_id')}`
          : null;
  // line and team are those of the segment (the ticket's line and team at the bucket end), not its current ones
  const { line: lines, team: teams, ...ticketFilters } = q.filters;
  let qb = ctx.db
    .selectFrom('ticket_segments')
    .innerJoin('ticket_facts', 'ticket_facts.ticket_id', 'ticket_segments.ticket_id')
    .select([
      'ticket_segments.ticket_id',
      'ticket_segments.from_at',
      'ticket_segments.to_at',
      'ticket_segments.line',
      'ticket_segments.team_id',
      'ticket_facts.start_at',
    ])
    // Ranges on (to_at, from_at): still open, or open at one of the few instants counted (else closed after
    // the earliest of many), so the cost follows the backlog, not the whole history of segments.
    .where((eb) => {
      const stabs = [...new Set([prevAt, ...points.map((p) => p.at)])];
      const closed = (t: number, until: number) =>
        eb.and([eb('ticket_segments.to_at', '>=', t), eb('ticket_segments.from_at', '<', until)]);
      return eb.or([
        eb.and([eb('ticket_segments.to_at', 'is', null), eb('ticket_segments.from_at', '<', hi)]),
        ...(stabs.length <= 8 ? stabs.map((t) => closed(t, t)) : [closed(lo, hi)]),
      ]);
    })
    .where((eb) => ticketFilter(eb as never, { ...q, filters: ticketFilters }, 'assignee_id'));
  if (lines?.length) qb = qb.where('ticket_segments.line', 'in', lines.map(Number) as (1 | 2 | 3)[]);
  if (teams?.length) qb = qb.where('ticket_segments.team_id', 'in', teams);
  if (groupCol) qb = qb.select(`${groupCol} as group` as 'ticket_segments.ticket_id');
  const segs = (await qb.execute()) as unknown as Seg[];
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
    const open = segs.filter((s) => openAt(s, t));
    const byLine: Record<string, number> = { '1': 0, '2': 0, '3': 0, unknown: 0 };
    const byAge = [0, 0, 0, 0];
    const groups = new Map<string, number>();
    for (const s of open) {
      byLine[s.line === null ? 'unknown' : String(s.line)]! += 1;
      byAge[band(t - Number(s.start_at))]! += 1;
      for (const k of keysOf(s)) groups.set(k, (groups.get(k) ?? 0) + 1);
    }
    return {
      value: open.length,
      byLine,
      byAge: Object.fromEntries(AGE_BANDS.map((b, i) => [b, byAge[i]])),
      groups,
    };
  };
  const lastAt = points.at(-1)!.at;
  const last = at(lastAt);
  ctx.collect?.(
    'backlog',
    segs
      .filter((s) => openAt(s, lastAt))
      .map((s) => ({ id: s.ticket_id, at: Math.min(lastAt, q.to - 1), groups: keysOf(s) })),
  );
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
