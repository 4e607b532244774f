import type { Kysely } from 'kysely';
import type { DomainEvent, EventOf } from '../domain/events.js';
import { canonicalJson } from '../domain/parse.js';
import { byTime, type Sequenced } from '../facts/sequenced.js';
import { inLists } from './chunks.js';
import type { DialectHelpers } from './dialect.js';
import { identifierKey } from './identifier-key.js';
import { type FreshStreams, loadStreams } from './load.js';
import type { Database } from './schema.js';
import { streamId } from './streams.js';
import { replaceChildren, upsertRows } from './upsert.js';

const PROFILE_PREFIXES = ['agent', 'customer', 'company', 'calendar', 'team'] as const;

/** What changed among the profiles, so that the tickets whose facts depend on them are derived again. */
export interface ProfileChanges {
  agentsWithNewLine: string[];
  customers: string[];
  calendars: string[];
  teams: string[];
}

/** "Latest wins" per field: later profile events (in event time) override the fields they name. */
export function fold<T extends DomainEvent>(events: Sequenced[]): Partial<T> & { at: number } {
  const out: Record<string, unknown> = { at: 0 };
  for (const { at, event } of [...events].sort(byTime)) {
    for (const [k, v] of Object.entries(event)) if (v !== undefined && k !== 'at') out[k] = v;
    out.at = at;
  }
  return out as Partial<T> & { at: number };
}

/** Derives again the profiles the append wrote to (given as its events by stream). */
export async function projectProfiles(
  trx: Kysely<Database>,
  helpers: DialectHelpers,
  fresh: FreshStreams,
): Promise<ProfileChanges> {
  const streams = new Set<string>();
  for (const [stream, [first]] of fresh) {
    // a stream holds one entity's events; agents' statuses have streams of their own
    const type = first?.event.type ?? '';
    const prefix = type.split('.')[0] as (typeof PROFILE_PREFIXES)[number];
    if (type !== 'agent.status' && PROFILE_PREFIXES.includes(prefix)) streams.add(stream);
  }
  return projectProfileStreams(trx, helpers, streams, fresh);
}

/**
 * Derives the given profile streams again from their whole histories. They are taken in the order of their
 * latest events, so where two customers name one identifier, the one whose history moved last owns it.
 */
export async function projectProfileStreams(
  trx: Kysely<Database>,
  helpers: DialectHelpers,
  streams: ReadonlySet<string>,
  fresh?: FreshStreams,
): Promise<ProfileChanges> {
  const changes: ProfileChanges = { agentsWithNewLine: [], customers: [], calendars: [], teams: [] };
  if (streams.size === 0) return changes;
  await helpers.lockKeys(trx, [...streams]);
  const loaded = await loadStreams(trx, streams, fresh);
  const rows: Record<
    'agents' | 'customers' | 'customer_identifiers' | 'companies' | 'calendars' | 'teams',
    Record<string, unknown>[]
  > = { agents: [], customers: [], customer_identifiers: [], companies: [], calendars: [], teams: [] };
  const agentIds = [...loaded.keys()].filter((k) => k.startsWith('agent:')).map(streamId);
  const before = new Map<string, { line: number | null; team_id: string | null }>();
  for (const part of inLists(agentIds)) {
    for (const a of await trx
      .selectFrom('agents')
      .select(['agent_id', 'line', 'team_id'])
      .where('agent_id', 'in', part)
      .execute()) {
      before.set(a.agent_id, a);
    }
  }
  const latest = (events: Sequenced[]) => events.at(-1)?.seq ?? 0;
  const ordered = [...loaded].sort(([, a], [, b]) => latest(a) - latest(b));
  for (const [stream, events] of ordered) {
    const id = streamId(stream);
    if (stream.startsWith('agent:')) {
      const p = fold<EventOf<'agent.profile'>>(events);
      const row = {
        agent_id: id,
        name: p.name ?? null,
        line: p.line ?? null,
        team_id: p.team_id ?? null,
        role: p.role ?? null,
        profile_at: p.at,
      };
      rows.agents.push(row);
      const b = before.get(id);
      if (!b || b.line !== row.line || b.team_id !== row.team_id) changes.agentsWithNewLine.push(id);
    } else if (stream.startsWith('customer:')) {
      const profiles = events.filter((e) => e.event.type === 'customer.profile');
      const merged = events
        .filter((e) => e.event.type === 'customer.merged')
        .sort(byTime)
        .at(-1);
      const p = fold<EventOf<'customer.profile'>>(profiles);
      rows.customers.push({
        customer_id: id,
        name: p.name ?? null,
        company_id: p.company_id ?? null,
        merged_into: merged?.event.type === 'customer.merged' ? merged.event.into : null,
        profile_at: p.at,
        search_name: p.name?.toLowerCase() ?? null,
      });
      const identifiers = new Set(
        [...(p.phones ?? []), ...(p.emails ?? []), ...(p.handles ?? [])].map(identifierKey),
      );
      // A customer merged into another hands its identifiers on: they find the customer it was merged into.
      if (!merged)
        for (const identifier of identifiers) rows.customer_identifiers.push({ identifier, customer_id: id });
      changes.customers.push(id);
    } else if (stream.startsWith('company:')) {
      const p = fold<EventOf<'company.profile'>>(events);
      rows.companies.push({
        company_id: id,
        name: p.name ?? id,
        profile_at: p.at,
        search_name: (p.name ?? id).toLowerCase(),
      });
    } else if (stream.startsWith('calendar:')) {
      const last = [...events].sort(byTime).at(-1)!;
      // the event's canonical text, as the log stores it: an append and a rebuild write the same bytes
      rows.calendars.push({ calendar_id: id, spec: canonicalJson(last.event), defined_at: last.at });
      changes.calendars.push(id);
    } else if (stream.startsWith('team:')) {
      const p = fold<EventOf<'team.profile'>>(events);
      rows.teams.push({
        team_id: id,
        name: p.name ?? null,
        calendar_id: p.calendar_id ?? null,
        profile_at: p.at,
      });
      changes.teams.push(id);
    }
  }
  await upsertRows(trx, helpers, 'agents', ['agent_id'], rows.agents);
  await upsertRows(trx, helpers, 'customers', ['customer_id'], rows.customers);
  // An identifier belongs to one customer: the one whose profile named it last (in this batch, the last row).
  await replaceChildren(trx, helpers, 'customer_identifiers', 'customer_id', changes.customers, []);
  const lastOwner = new Map(rows.customer_identifiers.map((r) => [r.identifier, r]));
  await upsertRows(trx, helpers, 'customer_identifiers', ['identifier'], [...lastOwner.values()]);
  await upsertRows(trx, helpers, 'companies', ['company_id'], rows.companies);
  await upsertRows(trx, helpers, 'calendars', ['calendar_id'], rows.calendars);
  await upsertRows(trx, helpers, 'teams', ['team_id'], rows.teams);
  return changes;
}
