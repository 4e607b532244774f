import type { ContactEvent } from '../domain/events.js';
import { LIVE_CHANNELS } from '../domain/primitives.js';
import { byTime, Clamp, type Sequenced } from './sequenced.js';
import type { ContactFacts } from './types.js';

/** A contact's events (any order) → its facts row; null until its contact.offered is known. */
export function deriveContactFacts(input: readonly Sequenced<ContactEvent>[]): ContactFacts | null {
  const events = [...input].sort(byTime);
  const offered = events.find((e) => e.event.type === 'contact.offered');
  if (!offered || offered.event.type !== 'contact.offered') return null;
  const o = offered.event;
  const first = <T extends ContactEvent['type']>(type: T) =>
    events.find((e): e is Sequenced<Extract<ContactEvent, { type: T }>> => e.event.type === type);
  const queued = first('contact.queued');
  const answered = first('contact.answered');
  const abandoned = first('contact.abandoned');
  const ended = events.filter((e) => e.event.type === 'contact.ended').at(-1);
  let ticketId: string | null = null;
  let queue = o.queue ?? null;
  for (const e of events) {
    if (e.event.ticket_id) ticketId = e.event.ticket_id;
    if (e.event.type === 'contact.queued' && e.event.queue) queue = e.event.queue;
  }
  const clamp = new Clamp();
  const live = LIVE_CHANNELS.includes(o.channel);
  // An answer wins over an abandon recorded for the same contact (a PBX may send both on a transfer).
  const outcome: ContactFacts['outcome'] = !live
    ? 'received'
    : answered
      ? 'answered'
      : abandoned
        ? 'abandoned'
        : ended
          ? 'self_served'
          : 'pending';
  const endParts = ended?.event.type === 'contact.ended' ? ended.event : null;
  const handle = endParts ? endParts.talk_s + endParts.hold_s + endParts.wrap_s : null;
  return {
    contact_id: o.contact_id,
    channel: o.channel,
    live: live ? 1 : 0,
    queue,
    customer: o.customer ?? null,
    ticket_id: ticketId,
    agent_id: answered?.event.agent_id ?? null,
    offered_at: offered.at,
    queued_at: queued?.at ?? null,
    answered_at: answered?.at ?? null,
    abandoned_at: outcome === 'abandoned' && abandoned ? abandoned.at : null,
    ended_at: ended?.at ?? null,
    outcome,
    wait_s: answered ? clamp.seconds(offered.at, answered.at) : null,
    abandon_wait_s:
      outcome === 'abandoned' && abandoned ? clamp.seconds(queued?.at ?? offered.at, abandoned.at) : null,
    talk_s: endParts?.talk_s ?? null,
    hold_s: endParts?.hold_s ?? null,
    wrap_s: endParts?.wrap_s ?? null,
    handle_s: handle,
    negative_clamped: clamp.count,
    last_event_at: events.at(-1)?.at ?? offered.at,
  };
}
