import { type Kysely, sql } from 'kysely';
import type { Sequenced } from '../facts/sequenced.js';
import { chunk } from './chunks.js';
import type { DialectHelpers } from './dialect.js';
import { freshByStream } from './load.js';
import { projectProfiles } from './profiles.js';
import { projectAgentStatuses } from './project-agents.js';
import { projectContacts } from './project-contacts.js';
import { projectTickets } from './project-tickets.js';
import type { Database } from './schema.js';

/**
 * Brings every projection up to date with freshly appended events, inside the append's transaction.
 * Phases lock their entities in a fixed order (profiles, contacts, tickets, agents) so concurrent
 * writers never deadlock, and each entity is derived again from its whole history.
 */
export async function projectFresh(
  trx: Kysely<Database>,
  helpers: DialectHelpers,
  fresh: readonly Sequenced[],
): Promise<void> {
  const contacts = new Set<string>();
  const tickets = new Set<string>();
  /** per agent, the earliest status instant among the fresh events: stretches from there on are derived again */
  const agents = new Map<string, number>();
  for (const { event: e } of fresh) {
    if (e.type.startsWith('contact.') && 'contact_id' in e) contacts.add(e.contact_id as string);
    if (e.type.startsWith('ticket.') && 'ticket_id' in e) tickets.add(e.ticket_id as string);
    if (e.type === 'agent.status')
      agents.set(e.agent_id, Math.min(agents.get(e.agent_id) ?? Number.POSITIVE_INFINITY, Date.parse(e.at)));
  }
  // facts rows written now carry the log position of this append (see migration 0003)
  const rev = fresh.reduce((m, s) => Math.max(m, s.seq), 0);
  const byStream = freshByStream(fresh);
  const changes = await projectProfiles(trx, helpers, byStream);
  for (const t of await dependentTickets(trx, changes)) tickets.add(t);
  for (const t of await projectContacts(trx, helpers, contacts, rev, byStream)) tickets.add(t);
  await projectTickets(trx, helpers, tickets, rev, byStream);
  await projectAgentStatuses(trx, helpers, agents, rev);
}

async function dependentTickets(
  trx: Kysely<Database>,
  changes: Awaited<ReturnType<typeof projectProfiles>>,
): Promise<string[]> {
  const out: string[] = [];
  const add = (rows: { ticket_id: string | null }[]) => {
    for (const r of rows) if (r.ticket_id) out.push(r.ticket_id);
  };
  for (const part of chunk(changes.agentsWithNewLine, 900)) {
    add(
      await trx
        .selectFrom('events')
        .select(sql<string>`substr(stream, 8)`.as('ticket_id'))
        .where('actor_id', 'in', part)
        .where('stream', 'like', 'ticket:%')
        .distinct()
        .execute(),
    );
  }
  for (const part of chunk(changes.customers, 900)) {
    const identifiers = await trx
      .selectFrom('customer_identifiers')
      .select('identifier')
      .where('customer_id', 'in', part)
      .execute();
    const refs = [...part, ...identifiers.map((i) => i.identifier)];
    for (const refs900 of chunk(refs, 900)) {
      add(await trx.selectFrom('tickets').select('ticket_id').where('customer', 'in', refs900).execute());
    }
  }
  for (const part of chunk(changes.teams, 900)) {
    add(await trx.selectFrom('ticket_facts').select('ticket_id').where('team_id', 'in', part).execute());
  }
  if (changes.calendars.length) {
    const teams = await trx
      .selectFrom('teams')
      .select('team_id')
      .where('calendar_id', 'in', changes.calendars)
      .execute();
    for (const part of chunk(
      teams.map((t) => t.team_id),
      900,
    )) {
      add(await trx.selectFrom('ticket_facts').select('ticket_id').where('team_id', 'in', part).execute());
    }
    for (const part of chunk(changes.calendars, 900)) {
      add(
        await trx.selectFrom('ticket_facts').select('ticket_id').where('calendar_id', 'in', part).execute(),
      );
    }
  }
  return out;
}
