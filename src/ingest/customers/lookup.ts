import type { Kysely } from 'kysely';
import {
  type CustomerCard,
  customerByIdentifier,
  type OpenTicket,
  openTicketsOf,
  readCustomer,
} from '../../store/customer-view.js';
import type { Database } from '../../store/schema.js';
import { normalisePhone, phoneKey } from './phone.js';

/** What an agent sees when a customer calls: who it is, their company, their open tickets. */
export interface CallerCard {
  /** the number in E.164 (or as sent, when it is no phone number); null for an anonymous call */
  number: string | null;
  customer: CustomerCard | null;
  company: CustomerCard['company'];
  open_tickets: OpenTicket[];
}

export async function customerCard(
  db: Kysely<Database>,
  customerId: string | null,
): Promise<Omit<CallerCard, 'number'>> {
  const customer = customerId ? await readCustomer(db, customerId) : null;
  return {
    customer,
    company: customer?.company ?? null,
    open_tickets: customer ? await openTicketsOf(db, customer) : [],
  };
}

/** Looks a caller up by number: `+7 (912) 345-67-89`, `89123456789` and `+79123456789` are one number. */
export async function lookupCaller(
  db: Kysely<Database>,
  rawNumber: string | null | undefined,
  country: string,
): Promise<CallerCard> {
  const number = rawNumber && /\d/.test(rawNumber) ? phoneKey(rawNumber, country) : null;
  const id = number ? await customerByIdentifier(db, number) : null;
  return { number, ...(await customerCard(db, id)) };
}

export { normalisePhone };
