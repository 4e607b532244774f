import { randomUUID } from 'node:crypto';
import type { DomainEventInput } from '../../domain/events.js';
import type { Store } from '../../store/store.js';
import { ingest } from '../ingest.js';

export interface CallbackInput {
  outcome: 'reached' | 'no_answer';
  /** the score the customer gave on the phone (only when reached) */
  score?: number | undefined;
  comment?: string | undefined;
  by?: string | undefined;
}

export type CallbackResult =
  | { status: 'recorded'; events: string[] }
  | { status: 'unknown_ticket' }
  | { status: 'open_ticket' };

/** A feedback call-back: `ticket.callback` (SPEC §2), and the score taken by phone as `ticket.rated` via callback. */
export async function recordCallback(
  store: Store,
  ticketId: string,
  input: CallbackInput,
  nowMs: number,
): Promise<CallbackResult> {
  const ticket = await store.db
    .selectFrom('tickets')
    .select(['status'])
    .where('ticket_id', '=', ticketId)
    .executeTakeFirst();
  if (!ticket) return { status: 'unknown_ticket' };
  if (ticket.status === 'open') return { status: 'open_ticket' };
  const at = new Date(nowMs).toISOString();
  const events: DomainEventInput[] = [
    {
      id: randomUUID(),
      type: 'ticket.callback',
      at,
      ticket_id: ticketId,
      outcome: input.outcome,
      ...(input.by ? { by: input.by } : {}),
    },
  ];
  if (input.outcome === 'reached' && input.score !== undefined)
    events.push({
      id: randomUUID(),
      type: 'ticket.rated',
      at,
      ticket_id: ticketId,
      score: input.score,
      via: 'callback',
      ...(input.comment ? { comment: input.comment } : {}),
    });
  await ingest(store, events);
  return { status: 'recorded', events: events.map((e) => e.type) };
}
