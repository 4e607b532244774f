import { bucketRanges, formatBucketLabel } from '../../time/buckets.js';
import { MS_PER_DAY } from '../../time/civil.js';
import { previousPeriod } from '../aggregate.js';
import type { Family } from '../family.js';
import { tagsOf } from '../ticket-rows.js';
import type { CountValue, KpiQuery } from '../types.js';
import {
  closedSegments,
  groupColumn,
  openSegmentCounts,
  type Seg,
  segmentQuery,
} from './backlog-segments.js';

export const AGE_BANDS = ['<1d', '1-3d', '3-7d', '>7d'] as const;
const DAY = MS_PER_DAY;
const band = (ageMs: number) => (ageMs < DAY ? 0 : ageMs < 3 * DAY ? 1 : ageMs < 7 * DAY ? 2 : 3);

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
