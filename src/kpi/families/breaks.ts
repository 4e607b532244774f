import { type Family, measure } from '../family.js';
import { rateReducer } from '../reducers.js';
import type { Dimension } from '../types.js';

const AGENT_DIMS: Dimension[] = ['agent', 'team', 'line'];

/** SPEC §3 #20: work stretches that ended in the period, compliant when no longer than 70 minutes. */
export const breakCompliance: Family = async (ctx, wanted) => {
  if (!wanted.has('break_compliance')) return {};
  const { q } = ctx;
  const source = { agent: 'agent_stretches.agent_id', team: 'agents.team_id', line: 'agents.line' } as const;
  let qb = ctx.db
    .selectFrom('agent_stretches')
    .leftJoin('agents', 'agents.agent_id', 'agent_stretches.agent_id')
    .select([
      'agent_stretches.agent_id',
      'agent_stretches.start_at',
      'agent_stretches.end_at',
      'agent_stretches.compliant',
    ])
    .where('agent_stretches.end_at', '>=', q.from - (q.to - q.from))
    .where('agent_stretches.end_at', '<', q.to);
  for (const dim of AGENT_DIMS) {
    const values = q.filters[dim];
    if (values?.length)
      qb = qb.where(
        source[dim as keyof typeof source],
        'in',
        (dim === 'line' ? values.map(Number) : values) as never,
      );
  }
  const groupBy = q.by && q.by in source ? source[q.by as keyof typeof source] : null;
  if (groupBy) qb = qb.select(`${groupBy} as group` as 'agent_stretches.end_at');
  const rows = (await qb.execute()) as unknown as {
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
  const ignored = (Object.keys(q.filters) as Dimension[]).filter(
    (d) => q.filters[d]?.length && !AGENT_DIMS.includes(d),
  );
  return {
    break_compliance: {
      kind: 'rate',
      cut: measure(ctx, 'break_compliance', items, rateReducer, q.by && !groupBy ? { ...q, by: null } : q),
      ...(ignored.length ? { extra: { ignored_filters: ignored } } : {}),
    },
  };
};
