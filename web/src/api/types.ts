// The shapes the Firstline HTTP API returns (see /api/docs). The web app reads them; it never guesses.

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
export const isKpiId = (s: string): s is KpiId => (KPI_IDS as readonly string[]).includes(s);

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

export type Tier = 'excellent' | 'good' | 'satisfactory' | 'poor';
export type Kind = 'count' | 'rate' | 'duration';
export type Unit = 'contacts' | 'tickets' | 'seconds' | 'share' | 'stretches';
export type KpiGroup = 'speed_volume' | 'quality' | 'satisfaction' | 'contact_centre' | 'team';
export type Bucket = 'hour' | 'day' | 'week' | 'month';
export type TimeMode = 'calendar' | 'business';

export interface Text {
  en: string;
  ru: string;
}

export interface KpiDefinition {
  id: KpiId;
  number: number;
  kind: Kind;
  unit: Unit;
  group: KpiGroup;
  better: 'higher' | 'lower' | null;
  counterparts: KpiId[];
  name: Text;
  definition: Text;
  formula: Text;
  reference: Text;
  facts: string[];
}

export interface DurationPolicy {
  channel: string;
  priority: string;
  excellent_s: number;
  good_s: number;
  satisfactory_s: number;
}

export interface RatePolicy {
  direction: 'higher' | 'lower';
  excellent: number;
  good: number;
  satisfactory: number;
}

export interface Trend {
  previous: number | null;
  change: number | null;
  direction: 'up' | 'down' | 'flat' | null;
  assessment: 'better' | 'worse' | 'same' | null;
}

export interface CountFigure {
  value: number;
}
export interface RateFigure {
  numerator: number;
  denominator: number;
  value: number | null;
  mean_score?: number | null;
}
export interface DurationFigure {
  count: number;
  pending: number;
  mean_s: number | null;
  median_s: number | null;
  p90_s: number | null;
  within_target: number | null;
  with_target: number;
}

/** One bucket of a series, or one group of a breakdown: the KPI's figure plus its own tier. */
export type Point<F> = F & { tier?: Tier | null };
export type SeriesPoint<F> = Point<F> & { start: string; label: string };
export type GroupRow<F> = Point<F> & { key: string };

interface Common<K extends Kind, F, T> {
  kind: K;
  unit: Unit;
  headline: number | null;
  tier: Tier | null;
  target: T;
  trend: Trend;
  series?: SeriesPoint<F>[];
  groups?: GroupRow<F>[];
  negative_clamped?: number;
}

export type CountKpi = Common<'count', CountFigure, null> &
  CountFigure & {
    resolved_by_l1?: number;
    dispatched?: number;
    per_agent_hour?: number | null;
    agent_hours?: number;
    at?: string;
    by_line?: Record<string, number>;
    by_age?: Record<string, number>;
  };
export type RateKpi = Common<'rate', RateFigure, RatePolicy | null> &
  RateFigure & { provisional?: number; short_abandons?: number; self_served?: number };
export type DurationKpi = Common<'duration', DurationFigure, DurationPolicy[] | null> &
  DurationFigure & {
    talk_mean_s?: number | null;
    hold_mean_s?: number | null;
    wrap_mean_s?: number | null;
    final?: DurationFigure;
    after_dialogue?: DurationFigure;
  };
export type KpiValue = CountKpi | RateKpi | DurationKpi;

export interface Period {
  from: string;
  to: string;
  previous: { from: string; to: string };
  time_zone: string;
  bucket: Bucket | null;
  by: Dimension | null;
  time: TimeMode;
  filters: Partial<Record<Dimension, string[]>>;
}

export interface KpiReport {
  period: Period;
  kpis: Partial<Record<KpiId, KpiValue>>;
}

export interface DrillItem {
  id: string;
  at: string;
  type?: 'ticket' | 'contact';
  seconds?: number | null;
  hit?: boolean;
  ticket_id?: string | null;
  contact_id?: string;
  subject?: string | null;
  status?: string;
  channel?: string;
  category?: string | null;
  priority?: string | null;
  team_id?: string | null;
  line?: number | null;
  assignee_id?: string | null;
  customer?: string | null;
  queue?: string | null;
  agent_id?: string | null;
  outcome?: string | null;
}

export interface ItemsPage {
  kpi: KpiId;
  total: number;
  offset: number;
  limit: number;
  items: DrillItem[];
}

export interface TicketRecord {
  ticket_id: string;
  status: string;
  channel: string;
  subject: string | null;
  customer: string | null;
  category: string | null;
  priority: string | null;
  team_id: string | null;
  line: number | null;
  assignee_id: string | null;
  created_at: number;
  updated_at: number;
  tags: string[];
}

export interface TimelineEvent {
  id: string;
  type: string;
  at: string;
  seq: number;
  [field: string]: unknown;
}

export interface TicketView {
  ticket: TicketRecord;
  facts: Record<string, string | number | null>;
  timeline: TimelineEvent[];
}

export interface ApiErrorBody {
  error: { code: string; message: string; details: unknown };
}
