import type { ColumnType, Generated } from 'kysely';
import type { AgentStretch, ContactFacts, TicketFacts, TicketSegment } from '../facts/types.js';

/** The log position that last wrote a facts row (migration 0003); optional on insert. */
export interface Revised {
  rev: ColumnType<number, number | undefined, number>;
}

export interface EventsTable {
  seq: Generated<number>;
  id: string;
  type: string;
  at: number;
  /** the entity whose history the event belongs to: "ticket:<id>", "contact:<id>", "agent:<id>", … */
  stream: string;
  /** the ticket a contact event links to (so a ticket's facts can follow its contacts) */
  ticket_id: string | null;
  /** the agent who acted (by / agent_id / assignee), to find the tickets an agent's profile touches */
  actor_id: string | null;
  body: string;
  recorded_at: number;
}

export interface TicketsTable {
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
  /** number of events the ticket has; clients send it back to detect stale edits */
  version: number;
}

export interface ContactsTable {
  contact_id: string;
  channel: string;
  customer: string | null;
  queue: string | null;
  ticket_id: string | null;
  agent_id: string | null;
  outcome: string;
  offered_at: number;
  updated_at: number;
}

export interface AgentsTable {
  agent_id: string;
  name: string | null;
  line: number | null;
  team_id: string | null;
  role: string | null;
  profile_at: number;
  status: string | null;
  status_at: number | null;
  /** the log position that last derived this agent's work stretches (migration 0007); optional on insert */
  stretches_rev: ColumnType<number, number | undefined, number>;
}

export interface CustomersTable {
  customer_id: string;
  name: string | null;
  company_id: string | null;
  merged_into: string | null;
  profile_at: number;
  /** the name case-folded, for search (migration 0006) */
  search_name: string | null;
}

export interface CustomerIdentifiersTable {
  identifier: string;
  customer_id: string;
}

export interface CompaniesTable {
  company_id: string;
  name: string;
  profile_at: number;
  /** the name case-folded, for search (migration 0006) */
  search_name: string | null;
}

export interface CalendarsTable {
  calendar_id: string;
  spec: string;
  defined_at: number;
}

export interface TeamsTable {
  team_id: string;
  name: string | null;
  calendar_id: string | null;
  profile_at: number;
}

export interface TicketTagsTable {
  ticket_id: string;
  tag: string;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: number;
}

export interface UsersTable {
  /** for agents, also their agent_id in events */
  user_id: string;
  login: string;
  name: string;
  role: string;
  line: number | null;
  team_id: string | null;
  senior: number;
  /** scrypt$… (see src/api/auth/passwords.ts); null: cannot sign in with a password */
  password_hash: string | null;
  must_change_password: number;
  disabled: number;
  created_at: number;
  updated_at: number;
}

export interface SessionsTable {
  /** sha-256 of the cookie value: a stolen database does not yield live sessions */
  session_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: number;
  expires_at: number;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  token_id: string;
  token_hash: string;
  user_id: string;
  name: string;
  /** JSON array of permission names */
  scopes: string;
  created_at: number;
  created_by: string;
  last_used_at: number | null;
  expires_at: number | null;
  revoked_at: number | null;
}

export interface AuthFailuresTable {
  /** "login:<login>" or "ip:<address>" */
  key: string;
  at: number;
}

export interface AuthLogTable {
  at: number;
  action: string;
  user_id: string | null;
  actor_id: string | null;
  ip: string | null;
  detail: string | null;
}

/** An alert raised by the rules of src/kpi/alerts (its id is stable for a kind, scope and bucket). */
export interface AlertsTable {
  id: string;
  kind: string;
  bucket: string;
  bucket_start: number;
  bucket_label: string;
  dimension: string | null;
  value: string | null;
  observed: number;
  expected: number;
  ratio: number | null;
  p_value: number;
  dispersion: number;
  exposure: number | null;
  message: string;
  created_at: number;
}

export interface WebhooksTable {
  id: string;
  url: string;
  /** the HMAC-SHA256 key the body is signed with */
  secret: string;
  /** JSON array of the alert kinds delivered, or ["*"] */
  kinds: string;
  active: number;
  description: string | null;
  created_at: number;
  updated_at: number;
}

/** One attempt to deliver one alert to one webhook. */
export interface WebhookDeliveriesTable {
  id: string;
  webhook_id: string;
  alert_id: string;
  attempt: number;
  /** delivered (2xx), failed (another status), error (no answer) */
  status: string;
  http_status: number | null;
  error: string | null;
  duration_ms: number;
  at: number;
}

export interface Database {
  settings: SettingsTable;
  alerts: AlertsTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  auth_failures: AuthFailuresTable;
  auth_log: AuthLogTable;
  events: EventsTable;
  tickets: TicketsTable;
  contacts: ContactsTable;
  ticket_facts: TicketFacts & Revised;
  contact_facts: ContactFacts & Revised;
  ticket_tags: TicketTagsTable;
  ticket_segments: TicketSegment;
  agents: AgentsTable;
  agent_stretches: AgentStretch;
  customers: CustomersTable;
  customer_identifiers: CustomerIdentifiersTable;
  companies: CompaniesTable;
  calendars: CalendarsTable;
  teams: TeamsTable;
}

export type ProjectionTable = Exclude<keyof Database, 'events'>;
/** Everything a rebuild empties and derives again from the event log. */
export const PROJECTION_TABLES: readonly ProjectionTable[] = [
  'tickets',
  'contacts',
  'ticket_facts',
  'contact_facts',
  'ticket_tags',
  'ticket_segments',
  'agents',
  'agent_stretches',
  'customers',
  'customer_identifiers',
  'companies',
  'calendars',
  'teams',
];
