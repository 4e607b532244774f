// The shapes of the staffing page's answers: the plan of a typical week, the volume forecast, the alerts
// (GET /api/v1/staffing, /api/v1/forecast, /api/v1/alerts; see src/kpi/staffing, forecast and alerts).

export interface ChannelSlot {
  arrivals: number;
  aht_s: number;
  required: number;
  staffed: number;
  service_level: number;
  p_wait: number;
  asa_s: number | null;
  occupancy: number;
  p_abandon: number | null;
}

export interface PlanSlot {
  /** ISO weekday, 1 = Monday … 7 = Sunday, and local hour 0–23 */
  weekday: number;
  hour: number;
  required: number;
  required_dedicated: number;
  staffed: number;
  /** staffed − required: below zero the slot is short of agents */
  gap: number;
  channels: Partial<Record<string, ChannelSlot>>;
}

export interface PlanSummary {
  required_hours_per_week: number;
  staffed_hours_per_week: number;
  shortfall_hours_per_week: number;
  surplus_hours_per_week: number;
  hire_fte: number;
  move_fte: number;
  over_fte: number;
  headline: string;
}

export interface StaffingPlan {
  period: { from: string; to: string; from_date: string; to_date: string; time_zone: string; weeks: number };
  settings: {
    service_level: number;
    max_occupancy: number;
    shrinkage: number;
    shrinkage_source: 'measured' | 'given' | 'none';
    fte_hours_per_week: number;
    basis: 'history' | 'forecast';
    volume_factors: Partial<Record<string, number>>;
  };
  channels: { channel: string; dedicated_hours_per_week: number; staffed_hours_per_week: number }[];
  slots: PlanSlot[];
  summary: PlanSummary;
}

export interface ErrorMetrics {
  mape: number | null;
  smape: number;
  points: number;
}

export interface Backtest {
  origins: number;
  horizon_days: number;
  model: ErrorMetrics;
  seasonal_naive: ErrorMetrics;
  beats_baseline: boolean;
  verdict: string;
}

export interface ForecastPoint {
  date: string;
  value: number;
  lower_80: number;
  upper_80: number;
  lower_95: number;
  upper_95: number;
}

export interface SeriesForecast {
  channel: string;
  model: { method: string; seasonality: string };
  history: { date: string; value: number }[];
  forecast: ForecastPoint[];
  backtest: Backtest | null;
  recommended: 'holt_winters' | 'seasonal_naive';
  recent_daily_mean: number;
  forecast_daily_mean: number;
}

export interface ForecastReport {
  period: { from: string; to: string; time_zone: string; history_days: number };
  measure: 'contacts_offered' | 'tickets_created';
  horizon_days: number;
  series: SeriesForecast[];
}

export const ALERT_KINDS = ['escalation_spike', 'sla_breach', 'abandonment'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export interface StoredAlert {
  id: string;
  kind: AlertKind;
  bucket: 'day' | 'hour';
  bucket_start: string;
  bucket_label: string;
  dimension: 'category' | 'channel' | null;
  value: string | null;
  observed: number;
  expected: number;
  ratio: number | null;
  p_value: number;
  exposure: number | null;
  message: string;
  created_at: string;
}

export interface AlertsPage {
  total: number;
  offset: number;
  limit: number;
  alerts: StoredAlert[];
}
