import type { BucketUnit } from '../time/buckets.js';

export const KPI_IDS = [
  'contacts_offered',
  'tickets_created',
  'tickets_processed',
  'first_response',
  'time_to_assign',
  'wait',
  'abandonment',
  'handle_time',
  'fcr',
  'l1_resolution',
  'correct_classification',
  'correct_assignment',
  'escalation',
  'resolution',
  'reopen',
  'csat',
  'rated',
  'callback',
  'backlog',
  'break_compliance',
] as const;
export type KpiId = (typeof KPI_IDS)[number];

export const DIMENSIONS = [
  'channel',
  'category',
  'tag',
  'priority',
  'team',
  'line',
  'agent',
  'company',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export type TimeMode = 'calendar' | 'business';

export interface KpiParams {
  /** a reopen within this many seconds of the resolution it follows spoils FCR and counts for reopen rate */
  reopen_window_s: number;
  /** abandons shorter than this (from queue entry, else arrival) are left out of abandonment */
  short_abandon_s: number;
}

export const DEFAULT_PARAMS: KpiParams = { reopen_window_s: 7 * 86_400, short_abandon_s: 5 };

/** One cut of the KPIs: a half-open period [from, to), optional buckets and grouping, filters. */
export interface KpiQuery {
  from: number;
  to: number;
  bucket: BucketUnit | null;
  by: Dimension | null;
  filters: Partial<Record<Dimension, string[]>>;
  time: TimeMode;
  params: KpiParams;
  timeZone: string;
  /** the instant "now": open stretches and pending items are measured up to it */
  now: number;
}

export interface CountValue {
  value: number;
}

export interface RateValue {
  numerator: number;
  denominator: number;
  /** null when the denominator is 0: no items, not a 0 % rate */
  value: number | null;
}

export interface DurationValue {
  count: number;
  pending: number;
  mean_s: number | null;
  median_s: number | null;
  p90_s: number | null;
  /** share of items whose duration is ≤ their target (null when no item has a target) */
  within_target: number | null;
  with_target: number;
}

export type Tier = 'excellent' | 'good' | 'satisfactory' | 'poor';
