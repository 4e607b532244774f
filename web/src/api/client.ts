import { sessionEnded } from '../auth/session.js';
import type { ApiErrorBody, ItemsPage, KpiDefinition, KpiId, KpiReport, TicketView } from './types.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function isErrorBody(x: unknown): x is ApiErrorBody {
  return typeof x === 'object' && x !== null && 'error' in x && typeof x.error === 'object';
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(path, { headers: { accept: 'application/json' }, ...(signal ? { signal } : {}) });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    if (res.status === 401) sessionEnded();
    if (isErrorBody(body)) throw new ApiError(res.status, body.error.code, body.error.message);
    throw new ApiError(res.status, 'http_error', `${res.status} ${res.statusText}`);
  }
  return body as T;
}

/**
 * The header a signed-in write must carry: the session's CSRF token, which the server hands out in a
 * cookie readable by the page (double submit). Empty when there is no session (no authentication).
 */
export function csrfHeaders(): Record<string, string> {
  // through globalThis: this module is also type-checked outside the browser (by tests that import it)
  const cookie = (globalThis as { document?: { cookie?: string } }).document?.cookie ?? '';
  const m = /(?:^|;\s*)firstline_csrf=([^;]*)/.exec(cookie);
  return m?.[1] ? { 'x-csrf-token': decodeURIComponent(m[1]) } : {};
}

const qs = (p: URLSearchParams) => {
  const s = p.toString().replaceAll('%2C', ',');
  return s ? `?${s}` : '';
};

export const api = {
  kpis: (p: URLSearchParams, signal?: AbortSignal) => getJson<KpiReport>(`/api/v1/kpis${qs(p)}`, signal),
  items: (id: KpiId, p: URLSearchParams, signal?: AbortSignal) =>
    getJson<ItemsPage>(`/api/v1/kpis/${id}/items${qs(p)}`, signal),
  ticket: (id: string, signal?: AbortSignal) =>
    getJson<TicketView>(`/api/v1/tickets/${encodeURIComponent(id)}`, signal),
  health: (signal?: AbortSignal) =>
    getJson<{ status: string; events: number; version: string }>('/api/v1/health', signal),
};

let definitions: Promise<KpiDefinition[]> | null = null;

/** The KPI definitions never change while the server runs: fetched once per page load. */
export function loadDefinitions(): Promise<KpiDefinition[]> {
  definitions ??= getJson<KpiDefinition[]>('/api/v1/kpi-definitions').catch((err: unknown) => {
    definitions = null;
    throw err;
  });
  return definitions;
}
