import type { Kysely } from 'kysely';
import type { EventOf } from '../domain/events.js';
import type { Line } from '../domain/primitives.js';
import { byTime } from '../facts/sequenced.js';
import type { TicketContext } from '../facts/ticket-facts.js';
import type { ContactFacts } from '../facts/types.js';
import {
  ALWAYS_OPEN,
  type BusinessCalendar,
  type CalendarSpec,
  compileCalendar,
} from '../time/business-calendar.js';
import { inLists } from './chunks.js';
import { identifierKey } from './identifier-key.js';
import { keyed, loadStreams } from './load.js';
import type { Database } from './schema.js';

/** Compiled calendars by their spec text: compiling indexes years of working time, so it is done once per spec. */
const compiled = new Map<string, BusinessCalendar>();
export function calendarFromSpec(spec: string): BusinessCalendar {
  let cal = compiled.get(spec);
  if (!cal) {
    cal = compileCalendar(JSON.parse(spec) as CalendarSpec);
    if (compiled.size > 1000) compiled.clear();
    compiled.set(spec, cal);
  }
  return cal;
}

async function selectIn<R>(ids: Iterable<string>, query: (part: string[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (const part of inLists([...new Set(ids)])) out.push(...(await query(part)));
  return out;
}

/** Everything outside a ticket's own events that its facts depend on, loaded once for a set of tickets. */
export async function loadTicketContexts(
  trx: Kysely<Database>,
  ticketIds: readonly string[],
  namedContacts: Iterable<string>,
  agentIds: Iterable<string>,
  customerRefs: Iterable<string>,
): Promise<(ticketId: string, namedContact: string | undefined) => TicketContext> {
  const contacts = [
    ...(await selectIn(ticketIds, (p) =>
      trx.selectFrom('contact_facts').selectAll().where('ticket_id', 'in', p).execute(),
    )),
    ...(await selectIn(namedContacts, (p) =>
      trx.selectFrom('contact_facts').selectAll().where('contact_id', 'in', p).execute(),
    )),
  ] as ContactFacts[];
  const byTicket = new Map<string, ContactFacts[]>();
  for (const c of contacts) {
    const key = c.ticket_id ?? '';
    const list = byTicket.get(key) ?? [];
    if (!list.some((x) => x.contact_id === c.contact_id)) list.push(c);
    byTicket.set(key, list);
  }
  const named = new Map(contacts.map((c) => [c.contact_id, c]));
  const agents = new Map(
    (
      await selectIn(agentIds, (p) =>
        trx.selectFrom('agents').select(['agent_id', 'line']).where('agent_id', 'in', p).execute(),
      )
    ).map((a) => [a.agent_id, (a.line ?? null) as Line | null]),
  );
  const calendars = new Map<string, BusinessCalendar>([['default', ALWAYS_OPEN]]);
  for (const c of await trx.selectFrom('calendars').select(['calendar_id', 'spec']).execute()) {
    calendars.set(c.calendar_id, calendarFromSpec(c.spec));
  }
  const teamCalendar = new Map(
    (await trx.selectFrom('teams').select(['team_id', 'calendar_id']).execute()).map((t) => [
      t.team_id,
      t.calendar_id,
    ]),
  );
  const defaultCalendar = calendars.get('default') ?? ALWAYS_OPEN;
  const companyOf = await loadCompanies(trx, customerRefs);
  return (ticketId, namedContact) => ({
    contacts: withNamed(byTicket.get(ticketId) ?? [], namedContact ? named.get(namedContact) : undefined),
    lineOf: (agentId) => (agentId ? (agents.get(agentId) ?? null) : null),
    calendarFor: (teamId) => calendars.get(teamCalendar.get(teamId ?? '') ?? '') ?? defaultCalendar,
    companyOf,
  });
}

function withNamed(list: ContactFacts[], named: ContactFacts | undefined): ContactFacts[] {
  return named && !list.some((c) => c.contact_id === named.contact_id) ? [...list, named] : list;
}

/** A ticket's customer may be an id or an identifier (phone, e-mail, handle); merges are followed. */
async function loadCompanies(trx: Kysely<Database>, refs: Iterable<string>) {
  const list = [...new Set(refs)];
  const viaIdentifier = new Map(
    (
      await selectIn(list.map(identifierKey), (p) =>
        trx.selectFrom('customer_identifiers').selectAll().where('identifier', 'in', p).execute(),
      )
    ).map((r) => [r.identifier, r.customer_id]),
  );
  const resolve = (ref: string) => viaIdentifier.get(identifierKey(ref)) ?? ref;
  const merged = new Map<string, string>();
  let frontier = list.map(resolve);
  for (let depth = 0; depth < 5 && frontier.length; depth++) {
    const rows = await selectIn(frontier, (p) =>
      trx
        .selectFrom('customers')
        .select(['customer_id', 'merged_into'])
        .where('customer_id', 'in', p)
        .execute(),
    );
    frontier = [];
    for (const r of rows)
      if (r.merged_into && !merged.has(r.customer_id)) {
        merged.set(r.customer_id, r.merged_into);
        frontier.push(r.merged_into);
      }
  }
  const finalId = (ref: string) => {
    let id = resolve(ref);
    for (let i = 0; i < 5 && merged.has(id); i++) id = merged.get(id)!;
    return id;
  };
  const profiles = await loadStreams(trx, keyed('customer', list.map(finalId)));
  return (ref: string, atMs: number): string | null => {
    const events = (profiles.get(`customer:${finalId(ref)}`) ?? [])
      .filter(
        (e): e is typeof e & { event: EventOf<'customer.profile'> } =>
          e.event.type === 'customer.profile' && e.event.company_id !== undefined,
      )
      .sort(byTime);
    // The company when the ticket was created; a profile recorded only later still names the best-known one.
    const known = events.filter((e) => e.at <= atMs).at(-1) ?? events[0];
    return known?.event.company_id ?? null;
  };
}
