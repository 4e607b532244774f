import { sql } from 'kysely';
import { bucketRanges } from '../../time/buckets.js';
import { assembleCut, type Cut, cut, findRange, previousPeriod } from '../aggregate.js';
import type { Family, FamilyContext } from '../family.js';
import { rateReducer } from '../reducers.js';
import type { Dimension, KpiQuery, RateValue } from '../types.js';

const AGENT_DIMS: Dimension[] = ['agent', 'team', 'line'];
const SOURCE = { agent: 'agent_stretches.agent_id', team: 'agents.team_id', line: 'agents.line' } as const;

/** Work stretches that ended in the period or the previous one, with the cut's agent filters. */
function stretches(ctx: FamilyContext) {
  const { q } = ctx;
  let qb = ctx.db
    .selectFrom('agent_stretches')
    .leftJoin('agents', 'agents.agent_id', 'agent_stretches.agent_id')
    .where('agent_stretches.end_at', '>=', previousPeriod(q).from)
    .where('agent_stretches.end_at', '<', q.to);
  for (const dim of AGENT_DIMS) {
    const values = q.filters[dim];
    if (values?.length)
      qb = qb.where(
        SOURCE[dim as keyof typeof SOURCE],
        'in',
        (dim === 'line' ? values.map(Number) : values) as never,
      );
  }
  return qb;
}

/**
 * The widest time step every bucket boundary falls on (an hour, or a quarter hour in every time zone in use
 * today), so stretches can be counted per step inside the database and still land in their exact bucket.
 */
function step(ranges: readonly { start: number }[]): number {
  const inner = ranges.slice(1);
  return [3_600_000, 900_000, 60_000, 1000, 1].find((s) => inner.every((r) => r.start % s === 0)) ?? 1;
}

/** SPEC §3 #20: work stretches that ended in the period, compliant when no longer than 70 minutes. */
export const breakCompliance: Family = async (ctx, wanted) => {
  if (!wanted.has('break_compliance')) return {};
  const { q } = ctx;
  const groupBy = q.by && q.by in SOURCE ? SOURCE[q.by as keyof typeof SOURCE] : null;
  const cutQ = q.by && !groupBy ? { ...q, by: null } : q;
  const ignored = (Object.keys(q.filters) as Dimension[]).filter(
    (d) => q.filters[d]?.length && !AGENT_DIMS.includes(d),
  );
  const extra = ignored.length ? { extra: { ignored_filters: ignored } } : {};
  if (ctx.collect) {
    // drill-down: each stretch as an item
    let list = stretches(ctx).select([
      'agent_stretches.agent_id',
      'agent_stretches.start_at',
      'agent_stretches.end_at',
      'agent_stretches.compliant',
    ]);
    if (groupBy) list = list.select(`${groupBy} as group` as 'agent_stretches.end_at');
    const rows = (await list.execute()) as unknown as {
      agent_id: string;
      start_at: number;
      end_at: number;
      compliant: number;
      group?: unknown;
    }[];
    const items = rows.map((r) => ({
      id: `${r.agent_id}@${new Date(Number(r.start_at)).toISOString()}`,
      at: Number(r.end_at),
      groups: groupBy ? [r.group === null || r.group === undefined ? '(none)' : String(r.group)] : [],
      hit: r.compliant === 1,
    }));
    ctx.collect('break_compliance', items);
    return { break_compliance: { kind: 'rate', cut: cut(items, cutQ, rateReducer), ...extra } };
  }
  return { break_compliance: { kind: 'rate', cut: await counted(ctx, cutQ, groupBy), ...extra } };
};

/** The rate counted inside the database: stretches and compliant ones per time step, period and group. */
async function counted(ctx: FamilyContext, q: KpiQuery, groupBy: string | null): Promise<Cut<RateValue>> {
  const ranges = q.bucket ? bucketRanges(q.from, q.to, q.bucket, q.timeZone) : [];
  const s = step(ranges);
  let agg = stretches(ctx).select((eb) => [
    eb.case().when('agent_stretches.end_at', '>=', q.from).then(1).else(0).end().as('cur'),
    eb.fn.countAll<number | string>().as('n'),
    eb.fn
      .sum<number | string>(eb.case().when('agent_stretches.compliant', '=', 1).then(1).else(0).end())
      .as('hits'),
  ]);
  agg = agg.groupBy('cur' as never);
  // buckets need the time step of each count; without them the period alone is counted
  if (ranges.length)
    agg = agg
      // instants are whole, positive milliseconds: integer division floors on both databases
      .select(sql<number>`cast(agent_stretches.end_at / ${sql.lit(s)} as bigint)`.as('slot') as never)
      .groupBy('slot' as never);
  if (q.by && groupBy) agg = agg.select(`${groupBy} as group` as never).groupBy(groupBy as never);
  const rows = (await agg.execute()) as unknown as Record<string, unknown>[];
  const empty = () => ({ num: 0, den: 0 });
  const total = empty();
  const previous = empty();
  const buckets = ranges.map(empty);
  const groups = new Map<string, { num: number; den: number }>();
  for (const r of rows) {
    const n = Number(r.n);
    const hits = Number(r.hits);
    const add = (st: { num: number; den: number }) => {
      st.den += n;
      st.num += hits;
    };
    if (Number(r.cur) === 0) {
      add(previous);
      continue;
    }
    add(total);
    if (ranges.length) add(buckets[findRange(ranges, Math.max(Number(r.slot) * s, q.from))]!);
    if (q.by && groupBy) {
      const key = r.group === null || r.group === undefined ? '(none)' : String(r.group);
      const st = groups.get(key) ?? empty();
      add(st);
      groups.set(key, st);
    }
  }
  return assembleCut(q, rateReducer.value, total, previous, buckets, groups);
}
