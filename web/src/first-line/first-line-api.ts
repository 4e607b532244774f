import { ApiError, csrfHeaders, getJson } from '../api/client.js';
import type {
  AgentStatus,
  BoardAgent,
  BoardAnswer,
  BreakState,
  BreakStatus,
  CallbackItem,
  CallbackOutcome,
  CallbacksAnswer,
} from '../api/first-line-types.js';
import { sessionEnded } from '../auth/session.js';

export const BREAK_DUE_MIN = 60;
export const SUGGESTED_BREAK_MIN = 10;

async function post<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(path, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json', ...csrfHeaders() },
    body: JSON.stringify(body),
  });
  const answer = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
  if (res.ok) return answer as T;
  if (res.status === 401) sessionEnded();
  throw new ApiError(
    res.status,
    answer?.error?.code ?? 'http_error',
    answer?.error?.message ?? `${res.status} ${res.statusText}`,
  );
}

const agentPath = (id: string) => `/api/v1/agents/${encodeURIComponent(id)}`;

export const firstLineApi = {
  myBreak: (agentId: string, signal?: AbortSignal) =>
    getJson<BreakStatus>(`${agentPath(agentId)}/break`, signal),
  setStatus: (agentId: string, status: AgentStatus) =>
    post<BreakStatus>(`${agentPath(agentId)}/status`, { status }),
  board: (signal?: AbortSignal) => getJson<BoardAnswer>('/api/v1/agents/breaks', signal),
  callbacks: (signal?: AbortSignal) => getJson<CallbacksAnswer>('/api/v1/callbacks', signal),
  logCallback: (ticketId: string, body: CallbackOutcome) =>
    post<unknown>(`/api/v1/tickets/${encodeURIComponent(ticketId)}/callback`, body),
};

/** Whole minutes of a span in seconds, as the reminder and the board say them ("64 min"). */
export const wholeMinutes = (s: number | null): number => Math.floor(Math.max(0, s ?? 0) / 60);

const RANK: Record<BreakState, number> = { overdue: 0, on_break: 1, working: 2, offline: 3 };

/**
 * The board's order: overdue first (longest stretch first), then on a break (longest first), then working
 * (longest first), offline last by name.
 */
export function boardOrder(agents: readonly BoardAgent[]): BoardAgent[] {
  const span = (a: BoardAgent) => (a.state === 'on_break' ? (a.break_s ?? 0) : (a.worked_s ?? 0));
  return [...agents].sort(
    (a, b) =>
      RANK[a.state] - RANK[b.state] ||
      span(b) - span(a) ||
      (a.name ?? a.agent_id).localeCompare(b.name ?? b.agent_id),
  );
}
