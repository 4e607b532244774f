import type { Channel } from '../../domain/primitives.js';
import { chunk } from '../../store/chunks.js';
import type { Store } from '../../store/store.js';
import { ticketEventsOfTypes } from '../../store/ticket-events.js';
import { SLOTS, slotAt, spreadHours } from './week-slots.js';

/** What history says about one channel, per slot of the week (sums over the period, not yet averages). */
export interface ChannelHistory {
  channel: Channel;
  /** contacts that asked for an agent (live) or tickets created (written), by arrival slot */
  arrivals: Float64Array;
  /** handled contacts (live) or tickets with first-line work logged (written) */
  handled: Float64Array;
  /** handle seconds of those, by arrival slot (for the AHT) */
  handleS: Float64Array;
  /** first-line handling seconds by the slot in which the work was done (to attribute staffed agents) */
  workS: Float64Array;
  /** live only: callers who hung up, and the seconds all queued callers spent waiting (for their patience) */
  abandoned: number;
  waitedS: number;
}

const empty = (channel: Channel): ChannelHistory => ({
  channel,
  arrivals: new Float64Array(SLOTS),
  handled: new Float64Array(SLOTS),
  handleS: new Float64Array(SLOTS),
  workS: new Float64Array(SLOTS),
  abandoned: 0,
  waitedS: 0,
});

export interface Period {
  from: number;
  to: number;
  timeZone: string;
  /** a work stretch still running is counted up to now */
  now: number;
}

/** Phone and chat contacts that asked for a live agent (those that ended in the IVR need no one). */
export async function liveHistory(store: Store, p: Period): Promise<Map<Channel, ChannelHistory>> {
  const rows = await store.db
    .selectFrom('contact_facts')
    .select(['channel', 'offered_at', 'queued_at', 'answered_at', 'abandoned_at', 'outcome', 'handle_s'])
    .where('live', '=', 1)
    .where('offered_at', '>=', p.from)
    .where('offered_at', '<', p.to)
    .execute();
  const out = new Map<Channel, ChannelHistory>();
  for (const r of rows) {
    const asked = r.outcome === 'answered' || r.outcome === 'abandoned' || r.queued_at !== null;
    if (!asked) continue;
    const h = out.get(r.channel) ?? empty(r.channel);
    out.set(r.channel, h);
    const queued = Number(r.queued_at ?? r.offered_at);
    const slot = slotAt(queued, p.timeZone);
    h.arrivals[slot]!++;
    if (r.outcome === 'answered' && r.handle_s !== null) {
      h.handled[slot]!++;
      h.handleS[slot]! += Number(r.handle_s);
      h.workS[slotAt(Number(r.answered_at), p.timeZone)]! += Number(r.handle_s);
    }
    // Exponential patience, censored by the answer: θ = abandons / time all queued callers were at risk.
    const left = r.answered_at ?? r.abandoned_at;
    if (left !== null) h.waitedS += Math.max(0, Number(left) - queued) / 1000;
    if (r.outcome === 'abandoned') h.abandoned++;
  }
  return out;
}

/** First-line agents: line 1, or — in history imported without lines — every agent without a line. */
export async function firstLineAgents(store: Store): Promise<string[]> {
  const rows = await store.db.selectFrom('agents').select(['agent_id', 'line']).execute();
  const l1 = rows.filter((r) => Number(r.line) === 1).map((r) => r.agent_id);
  return l1.length > 0 ? l1 : rows.filter((r) => r.line === null).map((r) => r.agent_id);
}

/**
 * Tickets of the written channels created in the period, by arrival slot, and the first-line work
 * logged on them (`ticket.worked` by first-line agents): their work content per ticket.
 */
export async function writtenHistory(
  store: Store,
  p: Period,
  channels: readonly Channel[],
  firstLine: ReadonlySet<string>,
): Promise<Map<Channel, ChannelHistory>> {
  const out = new Map<Channel, ChannelHistory>();
  if (channels.length === 0) return out;
  const tickets = await store.db
    .selectFrom('ticket_facts')
    .select(['ticket_id', 'channel', 'start_at'])
    .where('created_at', '>=', p.from)
    .where('created_at', '<', p.to)
    .where('channel', 'in', [...channels])
    .execute();
  const arrivalSlot = new Map<string, { h: ChannelHistory; slot: number }>();
  for (const t of tickets) {
    const h = out.get(t.channel) ?? empty(t.channel);
    out.set(t.channel, h);
    const slot = slotAt(Number(t.start_at), p.timeZone);
    h.arrivals[slot]!++;
    arrivalSlot.set(t.ticket_id, { h, slot });
  }
  const perTicket = new Map<string, number>();
  for (const w of await ticketEventsOfTypes(store.db, arrivalSlot.keys(), ['ticket.worked'])) {
    const body = JSON.parse(w.body) as { ticket_id: string; agent_id: string; seconds: number };
    if (!firstLine.has(body.agent_id)) continue;
    perTicket.set(body.ticket_id, (perTicket.get(body.ticket_id) ?? 0) + body.seconds);
    arrivalSlot.get(body.ticket_id)!.h.workS[slotAt(w.at, p.timeZone)]! += body.seconds;
  }
  for (const [ticketId, seconds] of perTicket) {
    const { h, slot } = arrivalSlot.get(ticketId)!;
    h.handled[slot]!++;
    h.handleS[slot]! += seconds;
  }
  return out;
}

/** First-line agent-hours at work (available or busy: their work stretches), per slot, over the period. */
export async function staffedHours(
  store: Store,
  p: Period,
  agents: readonly string[],
): Promise<Float64Array> {
  const out = new Float64Array(SLOTS);
  for (const part of chunk(agents, 900)) {
    const rows = await store.db
      .selectFrom('agent_stretches')
      .select(['start_at', 'end_at'])
      .where('agent_id', 'in', part)
      .where('start_at', '<', p.to)
      .where((eb) => eb.or([eb('end_at', 'is', null), eb('end_at', '>', p.from)]))
      .execute();
    for (const r of rows) {
      const end = Math.min(r.end_at === null ? Math.min(p.now, p.to) : Number(r.end_at), p.to);
      spreadHours(out, Math.max(Number(r.start_at), p.from), end, p.timeZone);
    }
  }
  return out;
}

/**
 * Measured shrinkage: the share of the agents' logged-in time (available, busy, break) spent on a
 * break, from their `agent.status` changes in the period. Null when nobody logged any time.
 */
export async function measuredShrinkage(
  store: Store,
  p: Period,
  agents: readonly string[],
): Promise<number | null> {
  let onBreak = 0;
  let loggedIn = 0;
  for (const agent of agents) {
    const rows = await store.db
      .selectFrom('events')
      .select(['at', 'body'])
      .where('stream', '=', `agent-status:${agent}`)
      .where('at', '>=', p.from)
      .where('at', '<', p.to)
      .orderBy('at')
      .orderBy('seq')
      .execute();
    for (let i = 0; i + 1 < rows.length; i++) {
      const status = (JSON.parse(rows[i]!.body) as { status: string }).status;
      if (status === 'offline') continue;
      const span = Number(rows[i + 1]!.at) - Number(rows[i]!.at);
      loggedIn += span;
      if (status === 'break') onBreak += span;
    }
  }
  return loggedIn > 0 ? onBreak / loggedIn : null;
}
