import type { Kysely } from 'kysely';
import type { Line } from '../../domain/primitives.js';
import type { Database } from '../../store/schema.js';

/** What an action needs to know about a ticket, read inside the action's transaction. */
export interface TicketState {
  ticket_id: string;
  status: 'open' | 'resolved' | 'closed';
  channel: string;
  category: string | null;
  priority: string | null;
  team_id: string | null;
  line: Line | null;
  assignee_id: string | null;
  version: number;
  tags: string[];
}

export async function loadTicketState(trx: Kysely<Database>, ticketId: string): Promise<TicketState | null> {
  const row = await trx
    .selectFrom('tickets')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .executeTakeFirst();
  if (!row) return null;
  const tags = await trx.selectFrom('ticket_tags').select('tag').where('ticket_id', '=', ticketId).execute();
  return {
    ticket_id: row.ticket_id,
    status: row.status as TicketState['status'],
    channel: row.channel,
    category: row.category,
    priority: row.priority,
    team_id: row.team_id,
    line: (row.line ?? null) as Line | null,
    assignee_id: row.assignee_id,
    version: Number(row.version),
    tags: tags.map((t) => t.tag),
  };
}

/** The person acting: the signed-in user (or the owner of the API token). */
export interface Actor {
  user_id: string;
  line: Line | null;
  team_id: string | null;
}

/** An assignable person: a user who works tickets. */
export interface Assignee {
  user_id: string;
  line: Line | null;
  team_id: string | null;
}

export async function loadAssignee(trx: Kysely<Database>, userId: string): Promise<Assignee | null> {
  const u = await trx
    .selectFrom('users')
    .select(['user_id', 'line', 'team_id', 'role', 'disabled'])
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!u || u.disabled || (u.role !== 'agent' && u.role !== 'supervisor')) return null;
  return { user_id: u.user_id, line: (u.line ?? null) as Line | null, team_id: u.team_id };
}

/** A team's line when all of its active agents work on one line (so "assign to team" also moves the line). */
export async function teamLine(trx: Kysely<Database>, teamId: string): Promise<Line | null> {
  const rows = await trx
    .selectFrom('users')
    .select('line')
    .distinct()
    .where('team_id', '=', teamId)
    .where('disabled', '=', 0)
    .where('line', 'is not', null)
    .execute();
  return rows.length === 1 ? (rows[0]!.line as Line) : null;
}
