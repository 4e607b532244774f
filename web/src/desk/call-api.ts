import { getJson } from '../api/client.js';
import { post } from './desk-api.js';

export type CallState = 'ringing' | 'answered' | 'abandoned' | 'ended';

/** What the live stream tells of a call (`event: call` on GET /api/v1/stream). */
export interface CallPush {
  seq: number;
  call_id: string;
  state: CallState;
  /** who answered; null while it rings */
  agent_id: string | null;
  queue: string | null;
  number: string | null;
  ticket_id: string | null;
}

export interface CallerTicket {
  ticket_id: string;
  subject: string | null;
  category: string | null;
  priority: string | null;
  created_at: string;
}

/** GET /api/v1/telephony/calls/:callId/popup */
export interface CallPopup {
  call_id: string;
  state: CallState;
  agent_id: string | null;
  queue: string | null;
  ticket_id: string | null;
  caller: {
    number: string | null;
    customer: { customer_id: string; name: string | null } | null;
    company: { company_id: string; name: string } | null;
    open_tickets: CallerTicket[];
  };
}

const path = (callId: string) => `/api/v1/telephony/calls/${encodeURIComponent(callId)}`;

export const callApi = {
  popup: (callId: string, signal?: AbortSignal) => getJson<CallPopup>(`${path(callId)}/popup`, signal),
  /** the one-click ticket: created once per call (a second click answers the same ticket) */
  register: (callId: string) =>
    post<{ status: 'created' | 'existing'; ticket_id: string }>(`${path(callId)}/ticket`, {}),
};
