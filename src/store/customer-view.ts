import { type Kysely, sql } from 'kysely';
import type { EventOf } from '../domain/events.js';
import { identifierKey } from './identifier-key.js';
import { keyed, loadStreams } from './load.js';
import { fold } from './profiles.js';
import type { Database } from './schema.js';

export interface CustomerCard {
  customer_id: string;
  name: string | null;
  phones: string[];
  emails: string[];
  handles: string[];
  company: { company_id: string; name: string } | null;
  /** customers merged into this one (their tickets are this customer's too) */
  merged_from: string[];
}

export interface OpenTicket {
  ticket_id: string;
  subject: string | null;
  channel: string;
  category: string | null;
  priority: string | null;
  line: number | null;
  assignee_id: string | null;
  created_at: string;
}

const MAX_MERGE_DEPTH = 10;

/** The customer an id names, following merges to the customer it was merged into. */
export async function finalCustomerId(db: Kysely<Database>, customerId: string): Promise<string | null> {
  let id = customerId;
  for (let i = 0; i < MAX_MERGE_DEPTH; i++) {
    const row = await db
      .selectFrom('customers')
      .select(['customer_id', 'merged_into'])
      .where('customer_id', '=', id)
      .executeTakeFirst();
    if (!row) return i === 0 ? null : id;
    if (!row.merged_into) return id;
    id = row.merged_into;
  }
  return id;
}

/** The customer that owns an identifier (a phone in E.164, an e-mail, a handle), or null. */
export async function customerByIdentifier(db: Kysely<Database>, key: string): Promise<string | null> {
  const row = await db
    .selectFrom('customer_identifiers')
    .select('customer_id')
    .where('identifier', '=', identifierKey(key))
    .executeTakeFirst();
  return row ? finalCustomerId(db, row.customer_id) : null;
}

async function mergedInto(db: Kysely<Database>, customerId: string): Promise<string[]> {
  const out: string[] = [];
  let frontier = [customerId];
  for (let i = 0; i < MAX_MERGE_DEPTH && frontier.length; i++) {
    const rows = await db
      .selectFrom('customers')
      .select('customer_id')
      .where('merged_into', 'in', frontier)
      .execute();
    frontier = rows.map((r) => r.customer_id).filter((id) => !out.includes(id) && id !== customerId);
    out.push(...frontier);
  }
  return out.sort();
}

/** A customer's card: profile (latest wins per field), company and the customers merged into it. */
export async function readCustomer(db: Kysely<Database>, customerId: string): Promise<CustomerCard | null> {
  const id = await finalCustomerId(db, customerId);
  if (!id) return null;
  const streams = await loadStreams(db, keyed('customer', [id]));
  const profiles = (streams.get(`customer:${id}`) ?? []).filter((e) => e.event.type === 'customer.profile');
  const p = fold<EventOf<'customer.profile'>>(profiles);
  const company = p.company_id
    ? await db
        .selectFrom('companies')
        .select(['company_id', 'name'])
        .where('company_id', '=', p.company_id)
        .executeTakeFirst()
    : undefined;
  return {
    customer_id: id,
    name: p.name ?? null,
    phones: p.phones ?? [],
    emails: p.emails ?? [],
    handles: p.handles ?? [],
    company: p.company_id ? (company ?? { company_id: p.company_id, name: p.company_id }) : null,
    merged_from: await mergedInto(db, id),
  };
}

/** Open tickets of a customer: those naming it, a customer merged into it, or any of their identifiers. */
export async function openTicketsOf(db: Kysely<Database>, card: CustomerCard): Promise<OpenTicket[]> {
  const ids = [card.customer_id, ...card.merged_from];
  const identifiers = await db
    .selectFrom('customer_identifiers')
    .select('identifier')
    .where('customer_id', 'in', ids)
    .execute();
  const refs = [...ids, ...identifiers.map((i) => i.identifier)];
  const rows = await db
    .selectFrom('tickets')
    .select(['ticket_id', 'subject', 'channel', 'category', 'priority', 'line', 'assignee_id', 'created_at'])
    .where('status', '=', 'open')
    .where((eb) => eb.or([eb('customer', 'in', refs), eb(eb.fn('lower', ['customer']), 'in', refs)]))
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute();
  return rows.map((r) => ({
    ...r,
    line: r.line === null ? null : Number(r.line),
    created_at: new Date(Number(r.created_at)).toISOString(),
  }));
}

const likePattern = (q: string) => `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Customers whose name, identifier or company name contains the text (case-insensitive), or who own
 * one of the exact keys (a phone number normalised to E.164); merged customers are left out.
 */
export async function searchCustomers(
  db: Kysely<Database>,
  q: string,
  exactKeys: readonly string[],
  limit: number,
): Promise<CustomerCard[]> {
  const pattern = likePattern(q.trim());
  // Names are matched on their folded copies (search_name): the databases' lower() cannot fold every script.
  const like = (column: string) => sql<boolean>`${sql.ref(column)} like ${pattern} escape '\\'`;
  const byIdentifier = db
    .selectFrom('customer_identifiers')
    .select('customer_id')
    .where((eb) =>
      exactKeys.length
        ? eb.or([like('identifier'), eb('identifier', 'in', [...exactKeys])])
        : like('identifier'),
    );
  const byCompany = db
    .selectFrom('customers')
    .innerJoin('companies', 'companies.company_id', 'customers.company_id')
    .select('customers.customer_id')
    .where(like('companies.search_name'));
  const rows = await db
    .selectFrom('customers')
    .select('customer_id')
    .where('merged_into', 'is', null)
    .where((eb) =>
      eb.or([like('search_name'), eb('customer_id', 'in', byIdentifier), eb('customer_id', 'in', byCompany)]),
    )
    .orderBy('name')
    .orderBy('customer_id')
    .limit(limit)
    .execute();
  const cards: CustomerCard[] = [];
  for (const r of rows) {
    const card = await readCustomer(db, r.customer_id);
    if (card) cards.push(card);
  }
  return cards;
}
