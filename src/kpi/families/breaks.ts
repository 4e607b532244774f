import { firstEndingFrom } from '../../store/fact-cache/stretch-table.js';
import { bucketRanges } from '../../time/buckets.js';
import { agentPlaces, placeOf } from '../agent-places.js';
import { assembleCut, findRange, previousPeriod } from '../aggregate.js';
import type { Family } from '../family.js';
import { NONE } from '../frame-groups.js';
import { rateReducer } from '../reducers.js';
import type { Dimension } from '../types.js';
import { stretchesOf } from './stretches.js';

const AGENT_DIMS: Dimension[] = ['agent', 'team', 'line'];
type RateState = { num: number; den: number };

/**
 * SPEC §3 #20: work stretches that ended in the period, compliant when no longer than 70 minutes. Counted
 * over the stretches in memory; the cut's agent, team and line (the agent's current ones) filter and group
 * them, other filters do not apply and are reported as ignored.
 */
export const breakCompliance: Family = async (ctx, wanted) => {
  if (!wanted.has('break_compliance')) return {};
  const { q } = ctx;
  const grouped = q.by !== null && AGENT_DIMS.includes(q.by);
  const cutQ = q.by && !grouped ? { ...q, by: null } : q;
  const ignored = (Object.keys(q.filters) as Dimension[]).filter(
    (d) => q.filters[d]?.length && !AGENT_DIMS.includes(d),
  );
  const [table, places] = await Promise.all([stretchesOf(ctx.db), agentPlaces(ctx.db)]);
  const wantedIn = (dim: Dimension) => (q.filters[dim]?.length ? new Set(q.filters[dim]) : null);
  const agentsIn = wantedIn('agent');
  const teamsIn = wantedIn('team');
  const linesIn = wantedIn('line');
  const from = previousPeriod(q).from;
  const ranges = q.bucket ? bucketRanges(q.from, q.to, q.bucket, q.timeZone) : [];
  const empty = (): RateState => ({ num: 0, den: 0 });
  const total = empty();
  const previous = empty();
  const buckets = ranges.map(empty);
  const groups = new Map<string, RateState>();
  const items: { id: string; at: number; groups: string[]; hit: boolean }[] = [];
  for (const [agent, s] of table.agents()) {
    const team = placeOf(places, 'team', agent);
    const line = placeOf(places, 'line', agent);
    if (agentsIn && !agentsIn.has(agent)) continue;
    if (teamsIn && (team === null || !teamsIn.has(team))) continue;
    if (linesIn && (line === null || !linesIn.has(line))) continue;
    const key = !grouped ? null : q.by === 'agent' ? agent : q.by === 'team' ? team : line;
    const group = grouped ? (key ?? NONE) : null;
    let groupState = group === null ? null : (groups.get(group) ?? null);
    // ends are in order: from the first that ends inside the previous period to the first at or after `to`
    for (let i = firstEndingFrom(s, from); i < s.end.length; i++) {
      const end = s.end[i]!;
      if (Number.isNaN(end) || end >= q.to) break;
      const hit = s.compliant[i] === 1 ? 1 : 0;
      if (ctx.collect)
        items.push({
          id: `${agent}@${new Date(s.start[i]!).toISOString()}`,
          at: end,
          groups: group === null ? [] : [group],
          hit: hit === 1,
        });
      if (end < q.from) {
        previous.den++;
        previous.num += hit;
        continue;
      }
      total.den++;
      total.num += hit;
      if (ranges.length) {
        const b = buckets[findRange(ranges, end)]!;
        b.den++;
        b.num += hit;
      }
      if (group !== null) {
        if (groupState === null) {
          groupState = empty();
          groups.set(group, groupState);
        }
        groupState.den++;
        groupState.num += hit;
      }
    }
  }
  ctx.collect?.('break_compliance', items);
  return {
    break_compliance: {
      kind: 'rate',
      cut: assembleCut(cutQ, rateReducer.value, total, previous, buckets, groups),
      ...(ignored.length ? { extra: { ignored_filters: ignored } } : {}),
    },
  };
};
