import type { Store } from '../store/store.js';
import { computeKpis, loadTargets } from './engine.js';
import { hoursWorked } from './families/volume.js';
import { numberAt } from './frame-columns.js';
import { foldFrame } from './frame-fold.js';
import { rateReducer } from './reducers.js';
import { teamMedians } from './team-medians.js';
import { ticketFrame } from './ticket-frame.js';
import type { Dimension, KpiId, KpiQuery, Tier } from './types.js';

/** Dimensions that choose agents (by their profile) rather than cut their tickets. */
const AGENT_FILTERS: readonly Dimension[] = ['agent', 'team', 'line'];
const KPIS: readonly KpiId[] = [
  'tickets_processed',
  'l1_resolution',
  'first_response',
  'handle_time',
  'fcr',
  'reopen',
  'csat',
  'break_compliance',
];
export const AGENT_FIGURES = [
  'per_hour',
  'first_response',
  'handle_time',
  'fcr',
  'reopen',
  'csat',
  'escalation',
  'break_compliance',
] as const;
export type AgentFigure = (typeof AGENT_FIGURES)[number];

type Shape = Record<string, unknown>;
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export interface AgentRow {
  agent_id: string;
  name: string | null;
  team_id: string | null;
  line: number | null;
  role: string | null;
  hours_worked: number;
  /** line 1 (or unknown): tickets processed (SPEC §3 #3); lines 2 and 3: tickets they resolved */
  volume: { basis: 'processed' | 'resolved'; count: number; per_hour: number | null };
  first_response: {
    within_target: number | null;
    with_target: number;
    count: number;
    median_s: number | null;
    tier: Tier | null;
  };
  handle_time: { mean_s: number | null; count: number };
  fcr: Rate;
  reopen: Rate;
  csat: Rate & { mean_score: number | null };
  /** of the tickets the agent handled at line 1, the share escalated at least once (null beyond line 1) */
  escalation: Rate;
  break_compliance: Rate;
  figures: Record<AgentFigure, number | null>;
}
interface Rate {
  numerator: number;
  denominator: number;
  value: number | null;
  tier: Tier | null;
}

export interface AgentsReport {
  period: Shape;
  agents: AgentRow[];
  teams: { team_id: string | null; agents: number; medians: Record<AgentFigure, number | null> }[];
  /** filters that do not cut break compliance or hours worked (work stretches have no channel, category…) */
  ignored_filters: Dimension[];
}

const rate = (g: Shape | undefined): Rate => ({
  numerator: num(g?.numerator) ?? 0,
  denominator: num(g?.denominator) ?? 0,
  value: num(g?.value),
  tier: (g?.tier as Tier | undefined) ?? null,
});

/**
 * The agents table: every agent's figures from the KPI engine grouped by agent (each KPI's own notion of
 * "the agent": responder, resolver, answering agent, stretch owner), hours worked from their work
 * stretches, and the median of their team beside each figure. One call, a handful of queries.
 */
export async function agentsReport(store: Store, q: KpiQuery): Promise<AgentsReport> {
  const chosen = Object.fromEntries(AGENT_FILTERS.map((d) => [d, q.filters[d] ?? []])) as Record<
    string,
    string[]
  >;
  const filters = Object.fromEntries(
    Object.entries(q.filters).filter(([d]) => !AGENT_FILTERS.includes(d as Dimension)),
  ) as KpiQuery['filters'];
  const cutQ: KpiQuery = { ...q, filters, by: 'agent', bucket: null };
  const targets = await loadTargets(store);
  const report = await computeKpis(store, cutQ, KPIS, targets);
  const groups = (id: KpiId) =>
    new Map(((report.kpis[id]?.groups ?? []) as Shape[]).map((g) => [String(g.key), g]));
  const by = Object.fromEntries(KPIS.map((id) => [id, groups(id)])) as Record<KpiId, Map<string, Shape>>;

  // SPEC §3 #13 per agent: escalated share of the tickets the agent handled at line 1 (the facts say who
  // dispatched a ticket from line 1, not who escalated it later).
  const frame = await ticketFrame(
    { db: store.db, q: cutQ, targets },
    [{ at: 'l1_processed_at' }],
    'l1_processed_by',
    ['escalation_count'],
  );
  const escalations = numberAt(frame, 'escalation_count');
  const escalated = foldFrame(frame, cutQ, rateReducer, { hit: false }, (it, i) => {
    it.hit = (escalations(i) ?? 0) > 0;
    return true;
  });
  const escalation = new Map((escalated.groups ?? []).map((g) => [g.key, g as unknown as Shape]));

  const profiles = await store.db
    .selectFrom('agents')
    .select(['agent_id', 'name', 'team_id', 'line', 'role'])
    .execute();
  const profile = new Map(profiles.map((p) => [p.agent_id, p]));
  const active = new Set<string>();
  for (const m of [...Object.values(by), escalation])
    for (const k of m.keys()) if (k !== '(none)') active.add(k);
  const hours = await hoursWorked({ db: store.db, q: cutQ, targets }, [
    ...new Set([...active, ...profile.keys()]),
  ]);
  for (const [id, h] of hours) if (h > 0) active.add(id);

  const agents: AgentRow[] = [];
  for (const id of [...active].sort()) {
    const p = profile.get(id);
    const line = p?.line ?? null;
    const team = p?.team_id ?? null;
    if (chosen.agent!.length && !chosen.agent!.includes(id)) continue;
    if (chosen.team!.length && !chosen.team!.includes(team ?? '(none)')) continue;
    if (chosen.line!.length && !chosen.line!.includes(String(line))) continue;
    const h = hours.get(id) ?? 0;
    const basis = line === 2 || line === 3 ? 'resolved' : 'processed';
    const count =
      basis === 'processed'
        ? (num(by.tickets_processed.get(id)?.value) ?? 0)
        : (num(by.l1_resolution.get(id)?.denominator) ?? 0);
    const fr = by.first_response.get(id);
    const ht = by.handle_time.get(id);
    const csat = by.csat.get(id);
    const row: Omit<AgentRow, 'figures'> = {
      agent_id: id,
      name: p?.name ?? null,
      team_id: team,
      line,
      role: p?.role ?? null,
      hours_worked: h,
      volume: { basis, count, per_hour: h > 0 ? count / h : null },
      first_response: {
        within_target: num(fr?.within_target),
        with_target: num(fr?.with_target) ?? 0,
        count: num(fr?.count) ?? 0,
        median_s: num(fr?.median_s),
        tier: (fr?.tier as Tier | undefined) ?? null,
      },
      handle_time: { mean_s: num(ht?.mean_s), count: num(ht?.count) ?? 0 },
      fcr: rate(by.fcr.get(id)),
      reopen: rate(by.reopen.get(id)),
      csat: { ...rate(csat), mean_score: num(csat?.mean_score) },
      escalation: basis === 'processed' ? rate(escalation.get(id)) : rate(undefined),
      break_compliance: rate(by.break_compliance.get(id)),
    };
    agents.push({
      ...row,
      figures: {
        per_hour: row.volume.per_hour,
        first_response: row.first_response.within_target,
        handle_time: row.handle_time.mean_s,
        fcr: row.fcr.value,
        reopen: row.reopen.value,
        csat: row.csat.value,
        escalation: row.escalation.value,
        break_compliance: row.break_compliance.value,
      },
    });
  }
  // supervisors and administrators sit in a team without working its queue: they do not set its median
  const medians = teamMedians(
    agents
      .filter((a) => a.role !== 'supervisor' && a.role !== 'admin')
      .map((a) => ({ team: a.team_id, figures: a.figures })),
    AGENT_FIGURES,
  );
  const ignored = (Object.keys(filters) as Dimension[]).filter((d) => filters[d]?.length);
  return {
    period: report.period,
    agents,
    teams: [...medians.entries()]
      .sort(([a], [b]) => String(a).localeCompare(String(b)))
      .map(([team_id, m]) => ({ team_id, ...m })),
    ignored_filters: ignored,
  };
}
