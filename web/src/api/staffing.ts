// The calls of the staffing page (GET /api/v1/staffing, /api/v1/forecast, /api/v1/alerts); their shapes are in
// staffing-types.ts, free of the DOM so that the browser tests can import them.
import { getJson } from './client.js';
import type { AlertsPage, ForecastReport, StaffingPlan } from './staffing-types.js';

export const staffingApi = {
  plan: (signal?: AbortSignal) => getJson<StaffingPlan>('/api/v1/staffing', signal),
  forecast: (signal?: AbortSignal) => getJson<ForecastReport>('/api/v1/forecast', signal),
  alerts: (limit: number, signal?: AbortSignal) =>
    getJson<AlertsPage>(`/api/v1/alerts?limit=${limit}`, signal),
};
