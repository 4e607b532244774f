import { HOUR, localDay, MINUTE } from './clock.js';
import { liveTicket, writtenTicket } from './first-line.js';
import { type Category, CHANNELS, type LiveChannel, SPIKE_VOLUME, type WrittenChannel } from './model.js';
import { customerRef } from './organisation.js';
import { Rng } from './rng.js';
import type { Proc } from './scheduler.js';
import { createdBody, newCase, requestType } from './ticket-case.js';
import type { World } from './world.js';

const sec = (ms: number) => Math.round(ms / 1000) * 1000;

/** Arrivals hour by hour: a Poisson count at the hour's expected rate, spread uniformly over the hour. */
export function* arrivalsProc(w: World): Proc {
  let n = 0;
  for (let hour = w.startMs; hour < w.endMs; hour += HOUR) {
    const span = Math.min(HOUR, w.endMs - hour);
    const rng = new Rng(w.seed, 0xa7, hour / HOUR);
    const boost = localDay(hour) === w.spikeDay ? SPIKE_VOLUME : 1;
    const count = rng.poisson((w.rates.perHour(hour) * boost * span) / HOUR);
    const times = Array.from({ length: count }, () => hour + rng.next() * span).sort((a, b) => a - b);
    for (const at of times) {
      const r = new Rng(w.seed, 0xc0, ++n);
      const channel = CHANNELS.sample(r);
      const truth = requestType(w, r, at);
      const customer = customerRef(w.org, r, channel);
      const proc =
        channel === 'phone' || channel === 'chat'
          ? liveContact(w, r, channel, customer, truth, at, 0)
          : writtenContact(w, r, channel, customer, truth, at);
      yield { at, spawn: proc };
    }
  }
}

/**
 * A call or a chat: IVR (or bot), the queue, then an answer by the first operator free — or the customer
 * gives up (and may try again later). An answered contact usually registers a ticket during the talk.
 */
export function* liveContact(
  w: World,
  r: Rng,
  channel: LiveChannel,
  customer: string,
  truth: Category,
  offered: number,
  attempt: number,
): Proc {
  const contact_id = w.nextContact();
  const queue = channel === 'phone' ? 'l1-phone' : 'l1-chat';
  const o = sec(offered);
  yield { at: o, body: { type: 'contact.offered', contact_id, channel, customer, queue } };
  const ivr = (channel === 'phone' ? r.lognormal(28, 0.45) : r.lognormal(6, 0.5)) * 1000;
  if (r.chance(0.1)) {
    // Self-service: the menu (or the bot) answered the question.
    yield {
      at: o + ivr + r.between(15, 90) * 1000,
      body: { type: 'contact.ended', contact_id, talk_s: 0, hold_s: 0, wrap_s: 0 },
    };
    return;
  }
  const q = sec(o + ivr);
  yield { at: q, body: { type: 'contact.queued', contact_id, queue } };
  const patience = r.exp(channel === 'phone' ? 90 : 150) * 1000;
  const talk = Math.round(Math.min(2700, r.lognormal(channel === 'phone' ? 240 : 330, 0.6)));
  const hold = channel === 'phone' && r.chance(0.35) ? Math.round(r.lognormal(40, 0.6)) : 0;
  const wrap = Math.round(r.between(30, 60));
  // An operator keeps two chats going at once, but only one call.
  const got = w.live.answer(
    r.int(w.live.size),
    q,
    patience,
    (talk + hold + wrap) * 1000,
    channel === 'chat' ? 0.5 : 1,
  );
  if (!got) {
    const gaveUp = q + patience;
    yield { at: gaveUp, body: { type: 'contact.abandoned', contact_id } };
    if (attempt < 2 && r.chance(0.35)) {
      const again = gaveUp + r.exp(20 * MINUTE);
      const retry = new Rng(w.seed, 0xab, r.int(2 ** 31));
      yield { at: again, spawn: liveContact(w, retry, channel, customer, truth, again, attempt + 1) };
    }
    return;
  }
  const { agent, at: answered } = got;
  const agent_id = agent.id;
  const end = answered + (talk + hold + wrap) * 1000;
  yield { at: answered, body: { type: 'contact.answered', contact_id, agent_id } };
  const call = channel === 'phone';
  if (call) yield { at: answered, body: { type: 'agent.status', agent_id, status: 'busy' } };
  const parts = { talk_s: talk, hold_s: hold, wrap_s: wrap };
  // Wrong numbers and quick questions leave no ticket.
  if (!r.chance(0.88)) {
    yield { at: end, body: { type: 'contact.ended', contact_id, ...parts } };
    if (call) yield { at: end, body: { type: 'agent.status', agent_id, status: 'available' } };
    return;
  }
  const c = newCase(w, r, channel, customer, truth, o);
  const onCreate = r.chance(0.8);
  yield {
    at: answered + talk * 1000 * r.between(0.2, 0.6),
    body: createdBody(c, { by: agent_id, contact_id, category: onCreate }),
  };
  if (!onCreate) {
    c.category = c.l1Pick;
    yield {
      at: answered + talk * 1000,
      body: { type: 'ticket.classified', ticket_id: c.id, category: c.l1Pick, by: agent_id },
    };
  }
  const wrapUp = answered + (talk + hold + wrap / 2) * 1000;
  yield { at: wrapUp, spawn: liveTicket(c, wrapUp, agent_id) };
  yield { at: end, body: { type: 'contact.ended', contact_id, ticket_id: c.id, ...parts } };
  yield { at: end, body: { type: 'ticket.worked', ticket_id: c.id, agent_id, seconds: talk + hold + wrap } };
  if (call) yield { at: end, body: { type: 'agent.status', agent_id, status: 'available' } };
}

/** A mail, social post or web form: the gateway records the contact and opens a ticket at once. */
export function* writtenContact(
  w: World,
  r: Rng,
  channel: WrittenChannel,
  customer: string,
  truth: Category,
  arrived: number,
): Proc {
  const contact_id = w.nextContact();
  const o = sec(arrived);
  yield { at: o, body: { type: 'contact.offered', contact_id, channel, customer } };
  const c = newCase(w, r, channel, customer, truth, o);
  const created = o + r.between(1, 5) * 1000;
  yield { at: created, body: createdBody(c, { contact_id }) };
  yield* writtenTicket(c, created, channel);
}
