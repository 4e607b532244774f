import { ApiError, csrfHeaders, getJson } from '../api/client.js';
import type { TicketRecord, TicketView } from '../api/types.js';
import { sessionEnded } from '../auth/session.js';

export const QUEUES = ['new', 'unassigned', 'mine', 'waiting', 'overdue'] as const;
export type QueueName = (typeof QUEUES)[number] | 'open';

export interface SlaClock {
  target_s: number | null;
  due_at: string | null;
  state: 'running' | 'met' | 'breached' | 'none' | 'stopped';
  elapsed_s: number;
  left_s: number | null;
  reached_at: string | null;
}

export interface SlaClocks {
  calendar_id: string;
  working_now: boolean;
  first_response: SlaClock;
  assignment: SlaClock;
  resolution: SlaClock;
}

export interface QueueRow {
  ticket_id: string;
  subject: string | null;
  channel: string;
  customer: string | null;
  category: string | null;
  priority: string | null;
  team_id: string | null;
  line: number | null;
  assignee_id: string | null;
  created_at: string;
  updated_at: string;
  version: number;
  queues: QueueName[];
  next_due_at: string | null;
  sla: SlaClocks;
}

export interface QueuesAnswer {
  counts: Record<QueueName, number>;
  total: number;
  tickets: QueueRow[];
}

export interface DeskAgent {
  user_id: string;
  name: string;
  role: string;
  line: number | null;
  team_id: string | null;
  senior: boolean;
  status: string;
  open_tickets: number;
}

/** The workspace's ticket: the dashboard's view plus the version every action sends back. */
export interface DeskTicket extends TicketView {
  ticket: TicketRecord & { version: number };
}

export interface ActionAnswer extends DeskTicket {
  sla: SlaClocks;
}

/** A refused action; `fresh` is the ticket as it is now when the refusal is a stale version (409). */
export class ActionError extends ApiError {
  constructor(
    status: number,
    code: string,
    message: string,
    readonly fresh: DeskTicket | null,
  ) {
    super(status, code, message);
  }
}

export interface QueueScope {
  line: number | null;
  team_id: string | null;
}

export function scopeParams(scope: QueueScope): URLSearchParams {
  const p = new URLSearchParams();
  if (scope.line !== null) p.set('line', String(scope.line));
  if (scope.team_id) p.set('team_id', scope.team_id);
  return p;
}

export async function post<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(path, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json', ...csrfHeaders() },
    body: JSON.stringify(body),
  });
  const answer = (await res.json().catch(() => null)) as {
    error?: { code: string; message: string; details?: { ticket?: DeskTicket } };
  } | null;
  if (res.ok) return answer as T;
  if (res.status === 401) sessionEnded();
  const err = answer?.error;
  throw new ActionError(
    res.status,
    err?.code ?? 'http_error',
    err?.message ?? `${res.status} ${res.statusText}`,
    err?.details?.ticket ?? null,
  );
}

export const deskApi = {
  queues: (scope: QueueScope, queue: QueueName, signal?: AbortSignal) => {
    const p = scopeParams(scope);
    p.set('queue', queue);
    return getJson<QueuesAnswer>(`/api/v1/queues?${p.toString()}`, signal);
  },
  agents: (signal?: AbortSignal) => getJson<DeskAgent[]>('/api/v1/desk/agents', signal),
  ticket: (id: string, signal?: AbortSignal) =>
    getJson<DeskTicket>(`/api/v1/tickets/${encodeURIComponent(id)}`, signal),
  sla: (id: string, signal?: AbortSignal) =>
    getJson<SlaClocks>(`/api/v1/tickets/${encodeURIComponent(id)}/sla`, signal),
  create: (body: Record<string, unknown>) => post<ActionAnswer>('/api/v1/tickets', body),
  act: (id: string, action: string, body: Record<string, unknown>) =>
    post<ActionAnswer>(`/api/v1/tickets/${encodeURIComponent(id)}/${action}`, body),
};
