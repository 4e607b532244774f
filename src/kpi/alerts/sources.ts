import { chunk } from '../../store/chunks.js';
import type { Store } from '../../store/store.js';
import { type TargetSettings, thresholdsFor } from '../targets.js';

/** One event that counts towards an alert series: when, and the scope values it belongs to. */
export interface CountedEvent {
  at: number;
  /** the ticket's category (escalations) or the channel (breaches, abandons) */
  scope: string | null;
  /** 1 when it is a hit (escalated, breached, abandoned); 0 when it only adds to the exposure */
  hit: number;
}

/** `ticket.escalated` events in [from, to), with the ticket's category (its current one, after any fix). */
export async function escalations(store: Store, from: number, to: number): Promise<CountedEvent[]> {
  const rows = await store.db
    .selectFrom('events')
    .select(['at', 'body'])
    .where('type', '=', 'ticket.escalated')
    .where('at', '>=', from)
    .where('at', '<', to)
    .execute();
  const events = rows.map((r) => ({
    at: Number(r.at),
    ticket: (JSON.parse(r.body) as { ticket_id: string }).ticket_id,
  }));
  const category = new Map<string, string | null>();
  for (const part of chunk([...new Set(events.map((e) => e.ticket))], 900)) {
    const facts = await store.db
      .selectFrom('ticket_facts')
      .select(['ticket_id', 'category'])
      .where('ticket_id', 'in', part)
      .execute();
    for (const f of facts) category.set(f.ticket_id, f.category);
  }
  return events.map((e) => ({ at: e.at, scope: category.get(e.ticket) ?? null, hit: 1 }));
}

/**
 * First responses in [from, to) measured against the "good" first-response target of their channel and
 * priority: a hit when the response came later than that (SPEC §4: a target is met at ≤).
 */
export async function firstResponseBreaches(
  store: Store,
  from: number,
  to: number,
  targets: TargetSettings,
): Promise<CountedEvent[]> {
  const rows = await store.db
    .selectFrom('ticket_facts')
    .select(['first_response_at', 'first_response_s', 'channel', 'priority'])
    .where('first_response_at', '>=', from)
    .where('first_response_at', '<', to)
    .execute();
  const out: CountedEvent[] = [];
  for (const r of rows) {
    const good = thresholdsFor(targets.durations.first_response, r.channel, r.priority)?.[1];
    if (good === undefined || r.first_response_s === null) continue;
    out.push({
      at: Number(r.first_response_at),
      scope: r.channel,
      hit: Number(r.first_response_s) > good ? 1 : 0,
    });
  }
  return out;
}

/**
 * Phone and chat contacts offered in [from, to) that asked for an agent and were answered or abandoned;
 * a hit when abandoned. Abandons shorter than `shortAbandonS` are left out of both sides, as KPI 7 does.
 */
export async function liveAbandons(
  store: Store,
  from: number,
  to: number,
  shortAbandonS: number,
): Promise<CountedEvent[]> {
  const rows = await store.db
    .selectFrom('contact_facts')
    .select(['offered_at', 'channel', 'outcome', 'abandon_wait_s'])
    .where('live', '=', 1)
    .where('offered_at', '>=', from)
    .where('offered_at', '<', to)
    .where('outcome', 'in', ['answered', 'abandoned'])
    .execute();
  return rows
    .filter((r) => !(r.outcome === 'abandoned' && Number(r.abandon_wait_s) < shortAbandonS))
    .map((r) => ({ at: Number(r.offered_at), scope: r.channel, hit: r.outcome === 'abandoned' ? 1 : 0 }));
}
