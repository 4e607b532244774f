// The shapes of the analysis views' answers (why it moved, agents and teams, benchmarks, targets): types and
// constants only, so tests outside the browser can use them.
import type { Dimension, DurationPolicy, KpiId, RatePolicy, Tier } from './types.js';

export type WhyMeasure = 'rate' | 'share' | 'mean_s' | 'count';

/** The dimensions "why it moved" can split by: each item falls in exactly one of their values. */
export const WHY_DIMENSIONS = [
  'channel',
  'category',
  'priority',
  'team',
  'line',
  'agent',
  'company',
] as const;
export type WhyDimension = (typeof WHY_DIMENSIONS)[number];

export interface WhySide {
  weight: number;
  share: number;
  value: number;
}

export interface WhyPart {
  key: string;
  mix: number;
  rate: number;
  total: number;
  before: WhySide | null;
  after: WhySide | null;
}

export interface WhyReport {
  kpi: KpiId;
  by: Dimension;
  measure: WhyMeasure;
  before: number | null;
  after: number | null;
  change: number | null;
  parts: WhyPart[];
}

export const DURATION_TARGET_KPIS = ['first_response', 'time_to_assign', 'resolution', 'wait'] as const;
export type DurationTargetKpi = (typeof DURATION_TARGET_KPIS)[number];
export const RATE_TARGET_KPIS = [
  'fcr',
  'l1_resolution',
  'escalation',
  'reopen',
  'abandonment',
  'correct_classification',
  'correct_assignment',
  'csat',
  'rated',
  'callback',
  'break_compliance',
] as const;
export type RateTargetKpi = (typeof RATE_TARGET_KPIS)[number];

export interface TargetSettings {
  durations: Record<DurationTargetKpi, DurationPolicy[]>;
  rates: Record<RateTargetKpi, RatePolicy>;
}

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

interface AgentRate {
  numerator: number;
  denominator: number;
  value: number | null;
  tier: Tier | null;
}

export interface AgentRow {
  agent_id: string;
  name: string | null;
  team_id: string | null;
  line: number | null;
  role: string | null;
  hours_worked: number;
  volume: { basis: 'processed' | 'resolved'; count: number; per_hour: number | null };
  first_response: {
    within_target: number | null;
    with_target: number;
    count: number;
    median_s: number | null;
    tier: Tier | null;
  };
  handle_time: { mean_s: number | null; count: number };
  fcr: AgentRate;
  reopen: AgentRate;
  csat: AgentRate & { mean_score: number | null };
  escalation: AgentRate;
  break_compliance: AgentRate;
  figures: Record<AgentFigure, number | null>;
}

export interface AgentsReport {
  period: { from: string; to: string; time_zone: string };
  agents: AgentRow[];
  teams: { team_id: string | null; agents: number; medians: Record<AgentFigure, number | null> }[];
  ignored_filters: Dimension[];
}

export interface ChannelBenchmark {
  channel: string;
  count: number;
  pending: number;
  median_s: number | null;
  p90_s: number | null;
  mean_s: number | null;
  within_target: number | null;
  tier: Tier | null;
  benchmark: {
    thresholds: [number, number, number];
    within: [number | null, number | null, number | null];
    tier: Tier | null;
    previous_tier: Tier | null;
  } | null;
  previous_median_s: number | null;
}

export interface BenchmarksReport {
  period: {
    from: string;
    to: string;
    previous: { from: string; to: string };
    time_zone: string;
    time: string;
  };
  channels: ChannelBenchmark[];
}

/** The channels the seeds give first-response benchmarks for, in the seeds' order. */
export const BENCHMARKED = ['email', 'social', 'chat'] as const;
