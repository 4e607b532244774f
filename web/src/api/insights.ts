// The calls of the analysis views: why a KPI moved, agents and teams, benchmarks, targets.
import { ApiError, csrfHeaders, getJson } from './client.js';
import type { AgentsReport, BenchmarksReport, TargetSettings, WhyReport } from './insight-types.js';
import type { ApiErrorBody, KpiId } from './types.js';

export * from './insight-types.js';

const qs = (p: URLSearchParams) => {
  const s = p.toString().replaceAll('%2C', ',');
  return s ? `?${s}` : '';
};

/** A refusal of PUT /api/v1/targets: the message and the fields it names. */
export class TargetsRejected extends Error {
  constructor(
    message: string,
    readonly details: { field: string; message: string }[],
  ) {
    super(message);
  }
}

export const insightsApi = {
  why: (id: KpiId, p: URLSearchParams, signal?: AbortSignal) =>
    getJson<WhyReport>(`/api/v1/kpis/${id}/why${qs(p)}`, signal),
  targets: (signal?: AbortSignal) => getJson<TargetSettings>('/api/v1/targets', signal),
  async putTargets(body: TargetSettings): Promise<TargetSettings> {
    const res = await fetch('/api/v1/targets', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...csrfHeaders() },
      body: JSON.stringify(body),
    });
    const json: unknown = await res.json().catch(() => null);
    if (res.ok) return json as TargetSettings;
    const err = (json as ApiErrorBody | null)?.error;
    if (res.status === 400 && err)
      throw new TargetsRejected(err.message, Array.isArray(err.details) ? err.details : []);
    throw new ApiError(
      res.status,
      err?.code ?? 'http_error',
      err?.message ?? `${res.status} ${res.statusText}`,
    );
  },
};

export const agentsApi = {
  list: (p: URLSearchParams, signal?: AbortSignal) => getJson<AgentsReport>(`/api/v1/agents${qs(p)}`, signal),
};

export const benchmarksApi = {
  get: (p: URLSearchParams, signal?: AbortSignal) =>
    getJson<BenchmarksReport>(`/api/v1/benchmarks${qs(p)}`, signal),
};
