import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DomainEventInput } from '../../domain/events.js';
import { type CustomerCard, customerByIdentifier, readCustomer } from '../../store/customer-view.js';
import type { Database } from '../../store/schema.js';
import { phoneKey } from './phone.js';

export interface CustomerInput {
  customer_id?: string | undefined;
  name?: string | undefined;
  company_id?: string | undefined;
  phones?: readonly string[] | undefined;
  emails?: readonly string[] | undefined;
  handles?: readonly string[] | undefined;
}

export interface CustomerPlan {
  customerId: string;
  /** customer.merged and customer.profile events still to append (none when nothing changes) */
  events: DomainEventInput[];
  created: boolean;
  merged: string[];
}

const uniq = (xs: readonly string[]) => [...new Set(xs.filter((x) => x.length > 0))];

/** Phones to E.164 (kept as typed when they are no phone number), e-mails and handles trimmed, lower case. */
export function normaliseIdentifiers(input: CustomerInput, country: string) {
  return {
    phones: uniq((input.phones ?? []).map((p) => phoneKey(p, country))),
    emails: uniq((input.emails ?? []).map((e) => e.trim().toLowerCase())),
    handles: uniq((input.handles ?? []).map((h) => h.trim().toLowerCase())),
  };
}

const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** A new customer found by an identifier gets an id derived from it, so two first contacts at once make one customer. */
export const customerIdFor = (identifier: string) => `cus-${digest(identifier)}`;

/**
 * Creates or updates a customer, merged by identifier: every existing customer that owns one of the given
 * phones, e-mails or handles becomes one customer (the named one, else the first owner found), the others
 * are merged into it, and its profile names the union of all their identifiers.
 */
export async function planCustomerUpsert(
  db: Kysely<Database>,
  input: CustomerInput,
  country: string,
  at: string,
  eventId: (kind: string, body: unknown) => string = () => randomUUID(),
): Promise<CustomerPlan> {
  const ids = normaliseIdentifiers(input, country);
  const keys = [...ids.phones, ...ids.emails, ...ids.handles];
  const owners: string[] = [];
  for (const key of keys) {
    const owner = await customerByIdentifier(db, key);
    if (owner && !owners.includes(owner)) owners.push(owner);
  }
  const named = input.customer_id ? await readCustomer(db, input.customer_id) : null;
  const customerId =
    named?.customer_id ??
    input.customer_id ??
    owners[0] ??
    (keys[0] ? customerIdFor(keys[0]) : `cus-${randomUUID()}`);
  const target = named ?? (owners[0] === customerId ? await readCustomer(db, customerId) : null);
  const others: CustomerCard[] = [];
  for (const owner of owners) {
    if (owner === customerId) continue;
    const card = await readCustomer(db, owner);
    if (card) others.push(card);
  }
  const cards = [...(target ? [target] : []), ...others];
  const profile = {
    customer_id: customerId,
    name: input.name?.trim() || cards.find((c) => c.name)?.name || undefined,
    company_id: input.company_id || cards.find((c) => c.company)?.company?.company_id || undefined,
    phones: uniq([...cards.flatMap((c) => c.phones), ...ids.phones]),
    emails: uniq([...cards.flatMap((c) => c.emails), ...ids.emails]),
    handles: uniq([...cards.flatMap((c) => c.handles), ...ids.handles]),
  };
  const events: DomainEventInput[] = [];
  for (const other of others) {
    const body = { type: 'customer.merged' as const, at, from: other.customer_id, into: customerId };
    events.push({ id: eventId('merged', body), ...body });
  }
  if (others.length > 0 || !target || changed(target, profile)) {
    const body = { type: 'customer.profile' as const, at, ...withoutEmpty(profile), customer_id: customerId };
    events.push({ id: eventId('profile', body), ...body });
  }
  return { customerId, events, created: !target, merged: others.map((o) => o.customer_id) };
}

function changed(
  card: CustomerCard,
  p: {
    name?: string | undefined;
    company_id?: string | undefined;
    phones: string[];
    emails: string[];
    handles: string[];
  },
) {
  const same = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && a.every((x, i) => x === b[i]);
  return (
    (p.name ?? null) !== card.name ||
    (p.company_id ?? null) !== (card.company?.company_id ?? null) ||
    !same(p.phones, card.phones) ||
    !same(p.emails, card.emails) ||
    !same(p.handles, card.handles)
  );
}

function withoutEmpty<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)),
  ) as Partial<T>;
}
