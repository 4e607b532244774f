import { createHash } from 'node:crypto';
import type { DomainEventInput } from '../../domain/events.js';
import type { CallSignal } from './call-signal.js';

/** A call id fit for event ids (at most 200 characters): long PBX ids (Zammad allows 250) are hashed. */
export function callKey(callId: string): string {
  return callId.length <= 120 ? callId : `h${createHash('sha256').update(callId).digest('hex').slice(0, 40)}`;
}

/** A call's contact is `call-<key>`; the key given back as a call id names the same contact. */
export const CALL_CONTACT_PREFIX = 'call-';
export const contactIdOf = (callId: string) => `${CALL_CONTACT_PREFIX}${callKey(callId)}`;
export const eventIdOf = (callId: string, stage: string) => `call:${callKey(callId)}:${stage}`;

/** What is already stored for the call: its contact events, with ids and instants. */
export interface StoredCallEvent {
  id: string;
  type: string;
  at: string;
}

export interface CallContext {
  /** the caller, as the contact names them (a phone number in E.164) */
  customer?: string | undefined;
}

interface State {
  ids: Set<string>;
  offered: boolean;
  queued: boolean;
  answeredAt: number | null;
  abandoned: boolean;
  endedAt: number | null;
}

/**
 * A call's signals → the contact events (SPEC §2) still missing, with ids from the call id and the stage,
 * so a repeated signal plans nothing new and signals may come in any order:
 * - a stage arriving before the call's ring records the ring as inferred at that instant (a ring that
 *   comes later still counts, being earlier: a contact starts at its earliest `contact.offered`);
 * - a hang-up with no answer after the caller asked for an agent (queued) is an abandon at the hang-up;
 *   a queue entry arriving after such a hang-up records that abandon then. Whether it is a short abandon
 *   is the KPI's call (SPEC §3: `short_abandon_s`, measured from the queue entry); an answer that
 *   arrives after such an abandon was recorded still wins (contact facts prefer an answer);
 * - talk time not given is the time from the answer to the hang-up.
 */
export function planCallEvents(
  signals: readonly CallSignal[],
  stored: readonly StoredCallEvent[],
  ctx: CallContext,
): { events: DomainEventInput[]; repeated: number } {
  const out: DomainEventInput[] = [];
  let repeated = 0;
  const first = signals[0];
  if (!first) return { events: out, repeated };
  const contactId = contactIdOf(first.callId);
  const storedIds = new Set(stored.map((e) => e.id));
  const state: State = {
    ids: new Set(stored.map((e) => e.id)),
    offered: stored.some((e) => e.type === 'contact.offered'),
    queued: stored.some((e) => e.type === 'contact.queued'),
    answeredAt: earliest(stored, 'contact.answered'),
    abandoned: stored.some((e) => e.type === 'contact.abandoned'),
    endedAt: earliest(stored, 'contact.ended'),
  };
  const add = (
    stage: string,
    type: DomainEventInput['type'],
    at: string,
    fields: Record<string, unknown>,
  ) => {
    const id = eventIdOf(first.callId, stage);
    if (state.ids.has(id)) {
      if (storedIds.has(id)) repeated++;
      return;
    }
    state.ids.add(id);
    out.push({ id, type, at, contact_id: contactId, ...fields } as DomainEventInput);
  };
  const offer = (s: CallSignal, stage: string) => {
    add(stage, 'contact.offered', s.at, {
      channel: 'phone',
      ...(ctx.customer ? { customer: ctx.customer } : {}),
      ...(s.queue ? { queue: s.queue } : {}),
    });
    state.offered = true;
  };
  const abandon = (at: string) => {
    if (state.answeredAt !== null || state.abandoned) return;
    add('abandoned', 'contact.abandoned', at, {});
    state.abandoned = true;
  };
  for (const s of signals) {
    if (s.stage === 'ringing') offer(s, 'offered');
    else if (!state.offered) offer(s, 'offered-inferred');
    switch (s.stage) {
      case 'queued':
        add('queued', 'contact.queued', s.at, s.queue ? { queue: s.queue } : {});
        state.queued = true;
        if (state.endedAt !== null) abandon(new Date(state.endedAt).toISOString());
        break;
      case 'answered':
        add('answered', 'contact.answered', s.at, { agent_id: s.agent ?? 'unknown' });
        state.answeredAt ??= Date.parse(s.at);
        break;
      case 'abandoned':
        abandon(s.at);
        break;
      case 'ended': {
        const talk =
          s.talk_s ??
          (state.answeredAt !== null ? Math.max(0, (Date.parse(s.at) - state.answeredAt) / 1000) : 0);
        add('ended', 'contact.ended', s.at, { talk_s: talk, hold_s: s.hold_s ?? 0, wrap_s: s.wrap_s ?? 0 });
        state.endedAt ??= Date.parse(s.at);
        if (state.queued && !s.connected) abandon(s.at);
        break;
      }
      case 'ringing':
        break;
    }
  }
  return { events: out, repeated };
}

function earliest(stored: readonly StoredCallEvent[], type: string): number | null {
  const times = stored.filter((e) => e.type === type).map((e) => Date.parse(e.at));
  return times.length ? Math.min(...times) : null;
}
