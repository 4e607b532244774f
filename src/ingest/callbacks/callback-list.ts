import { createHash } from 'node:crypto';
import { customerByIdentifier, readCustomer } from '../../store/customer-view.js';
import type { Store } from '../../store/store.js';

/**
 * Whether a ticket falls in the call-back sample: a hash of its id against the share, so the list is the
 * same whoever asks and whenever, and grows or shrinks with the share without reshuffling.
 */
export function inCallbackSample(ticketId: string, share: number): boolean {
  const h = createHash('sha256').update(ticketId).digest().readUInt32BE(0);
  return h / 2 ** 32 < share;
}

export interface CallbackItem {
  ticket_id: string;
  subject: string | null;
  channel: string;
  category: string | null;
  resolved_at: string;
  resolved_by: string | null;
  /** call-backs tried so far without reaching the customer */
  attempts: number;
  customer: { ref: string | null; customer_id: string | null; name: string | null; phones: string[] };
}

/**
 * The L1 call-back list: tickets resolved in the period, not rated and not yet reached by a call-back,
 * that fall in the configured sample; oldest resolution first.
 */
export async function callbackList(
  store: Store,
  opts: { from: number; to: number; share: number; limit: number },
): Promise<CallbackItem[]> {
  const rows = await store.db
    .selectFrom('ticket_facts')
    .innerJoin('tickets', 'tickets.ticket_id', 'ticket_facts.ticket_id')
    .select([
      'ticket_facts.ticket_id',
      'tickets.subject',
      'tickets.channel',
      'tickets.category',
      'tickets.customer',
      'ticket_facts.final_resolved_at',
      'ticket_facts.first_resolved_by',
      'ticket_facts.callback_count',
    ])
    .where('tickets.status', '!=', 'open')
    .where('ticket_facts.final_resolved_at', '>=', opts.from)
    .where('ticket_facts.final_resolved_at', '<', opts.to)
    .where('ticket_facts.rating_score', 'is', null)
    .where('ticket_facts.callback_reached', '=', 0)
    .orderBy('ticket_facts.final_resolved_at')
    .orderBy('ticket_facts.ticket_id')
    .execute();
  const out: CallbackItem[] = [];
  for (const r of rows) {
    if (!inCallbackSample(r.ticket_id, opts.share)) continue;
    const id = r.customer
      ? ((await customerByIdentifier(store.db, r.customer)) ??
        (await readCustomer(store.db, r.customer))?.customer_id ??
        null)
      : null;
    const card = id ? await readCustomer(store.db, id) : null;
    out.push({
      ticket_id: r.ticket_id,
      subject: r.subject,
      channel: r.channel,
      category: r.category,
      resolved_at: new Date(Number(r.final_resolved_at)).toISOString(),
      resolved_by: r.first_resolved_by,
      attempts: Number(r.callback_count),
      customer: { ref: r.customer, customer_id: id, name: card?.name ?? null, phones: card?.phones ?? [] },
    });
    if (out.length >= opts.limit) break;
  }
  return out;
}
