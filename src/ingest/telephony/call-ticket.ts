import type { DomainEventInput } from '../../domain/events.js';
import type { Priority } from '../../domain/primitives.js';
import type { Store } from '../../store/store.js';
import { IngestError, ingest } from '../ingest.js';
import { callKey, contactIdOf, eventIdOf } from './plan-call-events.js';

export interface CallTicketInput {
  subject?: string | undefined;
  category?: string | undefined;
  priority?: Priority | undefined;
  tags?: string[] | undefined;
  /** the agent registering it */
  by?: string | undefined;
}

export type CallTicketResult =
  | { status: 'created' | 'existing'; ticket_id: string; contact_id: string }
  | { status: 'unknown_call' };

/**
 * Registers a ticket "on the fly" from a call (SPEC §6): channel phone, the caller as customer, born from
 * the call's contact (so its start is the first ring and its first response the live answer). One call
 * makes one ticket: a second click returns the ticket the first one made.
 */
export async function registerCallTicket(
  store: Store,
  callId: string,
  input: CallTicketInput,
  now = new Date(),
): Promise<CallTicketResult> {
  const contactId = contactIdOf(callId);
  const contact = await store.db
    .selectFrom('contacts')
    .select(['contact_id', 'customer', 'ticket_id'])
    .where('contact_id', '=', contactId)
    .executeTakeFirst();
  if (!contact) return { status: 'unknown_call' };
  if (contact.ticket_id) return { status: 'existing', ticket_id: contact.ticket_id, contact_id: contactId };
  const ticketId = `T-${callKey(callId)}`;
  const at = now.toISOString();
  const events: DomainEventInput[] = [
    {
      id: eventIdOf(callId, 'ticket'),
      type: 'ticket.created',
      at,
      ticket_id: ticketId,
      channel: 'phone',
      contact_id: contactId,
      ...(contact.customer ? { customer: contact.customer } : {}),
      ...(input.subject ? { subject: input.subject } : {}),
      ...(input.category ? { category: input.category } : {}),
      ...(input.priority ? { priority: input.priority } : {}),
      ...(input.tags?.length ? { tags: input.tags } : {}),
      ...(input.by ? { by: input.by } : {}),
    },
    {
      id: eventIdOf(callId, 'linked'),
      type: 'contact.linked',
      at,
      contact_id: contactId,
      ticket_id: ticketId,
    },
  ];
  try {
    await ingest(store, events);
  } catch (err) {
    // Two clicks at once: the first one's ticket stands.
    if (err instanceof IngestError && err.code === 'conflict')
      return { status: 'existing', ticket_id: ticketId, contact_id: contactId };
    throw err;
  }
  return { status: 'created', ticket_id: ticketId, contact_id: contactId };
}
