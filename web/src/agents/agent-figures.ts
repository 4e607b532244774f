// The columns of the agents table: which KPI each figure comes from, which way is better, how it reads.
import type { AgentFigure, AgentRow } from '../api/insights.js';
import type { KpiId } from '../api/types.js';
import { formatDuration, formatNumber, formatPercent, type Lang } from '../format/format.js';

export interface FigureColumn {
  id: AgentFigure;
  /** the KPI page a cell opens (filtered to the agent) */
  kpi: (row: AgentRow) => KpiId;
  better: 'higher' | 'lower' | null;
  format: (v: number | null, lang: Lang) => string;
}

const share = (v: number | null, lang: Lang) => formatPercent(v, lang);

export const FIGURE_COLUMNS: readonly FigureColumn[] = [
  {
    id: 'per_hour',
    kpi: (r) => (r.volume.basis === 'processed' ? 'tickets_processed' : 'resolution'),
    better: 'higher',
    format: (v, lang) => formatNumber(v, lang, 1),
  },
  { id: 'first_response', kpi: () => 'first_response', better: 'higher', format: share },
  // a short handle time is not good news by itself (SPEC §5): it is read beside FCR and reopens
  { id: 'handle_time', kpi: () => 'handle_time', better: null, format: (v, lang) => formatDuration(v, lang) },
  { id: 'fcr', kpi: () => 'fcr', better: 'higher', format: share },
  { id: 'reopen', kpi: () => 'reopen', better: 'lower', format: share },
  { id: 'csat', kpi: () => 'csat', better: 'higher', format: share },
  { id: 'escalation', kpi: () => 'escalation', better: 'lower', format: share },
  { id: 'break_compliance', kpi: () => 'break_compliance', better: 'higher', format: share },
];

/** How an agent's figure stands against the team median, as displayed (equal when they read the same). */
export function versusMedian(
  col: FigureColumn,
  value: number | null,
  median: number | null,
  lang: Lang,
): 'better' | 'worse' | 'same' | null {
  if (value === null || median === null) return null;
  if (col.format(value, lang) === col.format(median, lang)) return 'same';
  if (col.better === null) return null;
  return value > median === (col.better === 'higher') ? 'better' : 'worse';
}

/** Rows ordered by a figure (missing values last), or by name. */
export function sortAgents(rows: readonly AgentRow[], key: AgentFigure | 'name', desc: boolean): AgentRow[] {
  const dir = desc ? -1 : 1;
  const name = (r: AgentRow) => r.name ?? r.agent_id;
  return [...rows].sort((a, b) => {
    if (key === 'name') return dir * name(a).localeCompare(name(b));
    const x = a.figures[key];
    const y = b.figures[key];
    if (x === null || y === null) return x === y ? name(a).localeCompare(name(b)) : x === null ? 1 : -1;
    return dir * (x - y) || name(a).localeCompare(name(b));
  });
}
