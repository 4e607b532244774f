import { aftercare, type Resolution } from './aftercare.js';
import { MINUTE } from './clock.js';
import { L1_SOLVES, type WrittenChannel } from './model.js';
import type { Proc } from './scheduler.js';
import { dispatch } from './specialists.js';
import { classify, reply, resolved, type Sub, type TicketCase, worked } from './ticket-case.js';

/**
 * What happens to a ticket at the first line. Chosen from its true request type: the first line solves
 * ~65 % itself, most of them at once (no dialogue), and hands the rest to the second or third line.
 */
type Fate = 'at-once' | 'dialogue' | 'dispatch' | 'senior' | 'spam';

function fate(c: TicketCase, written: boolean): Fate {
  const r = c.rng;
  if (written && r.chance(0.015)) return 'spam';
  // The product defect: operators cannot help and pass nearly every complaint on.
  if (c.spike) return r.chance(0.25) ? 'at-once' : 'dispatch';
  if (r.chance(0.02)) return 'senior';
  if (r.chance(L1_SOLVES[c.truth])) return r.chance(0.88) ? 'at-once' : 'dialogue';
  return 'dispatch';
}

/** A ticket registered during a call or chat, from the moment the operator wraps it up. */
export function* liveTicket(c: TicketCase, t: number, operator: string): Proc {
  let res: Resolution;
  switch (fate(c, false)) {
    case 'at-once':
      yield resolved(c, t, operator, 1);
      res = { at: t, by: operator, line: 1 };
      break;
    case 'dialogue':
      // The operator promised to look into it and writes back with a question.
      res = yield* dialogue(c, t + c.rng.lognormal(20, 0.8) * MINUTE);
      break;
    case 'senior':
      res = yield* toSenior(c, t, operator);
      break;
    default:
      res = yield* dispatch(c, t, operator);
  }
  yield* aftercare(c, res);
}

/** An e-mail, social post or web form: triage, then a first public reply after a load-driven delay. */
export function* writtenTicket(c: TicketCase, created: number, channel: WrittenChannel): Proc {
  const { rng: r, w } = c;
  const delay = w.firstReplyDelay(r, channel, created);
  const first = created + delay;
  const triaged = created + delay * r.between(0.15, 0.5);
  yield classify(c, triaged, w.l1Agent(r, triaged).id);
  const agent = w.l1Agent(r, first).id;
  if (r.chance(0.1)) {
    yield {
      at: triaged + (first - triaged) * r.between(0.3, 0.9),
      body: { type: 'ticket.note', ticket_id: c.id, by: agent },
    };
  }
  let res: Resolution;
  switch (fate(c, true)) {
    case 'spam':
      // Spam and duplicates: closed without a word, left out of FCR on both sides.
      yield resolved(c, first, agent, 1);
      yield { at: first + MINUTE, body: { type: 'ticket.closed', ticket_id: c.id, by: agent } };
      return;
    case 'at-once': {
      yield reply(c, first, agent, 'solution');
      yield worked(c, first + 1000, agent, r.lognormal(5, 0.6) * 60);
      const at = first + r.between(30, 180) * 1000;
      yield resolved(c, at, agent, 1);
      res = { at, by: agent, line: 1 };
      break;
    }
    case 'dialogue':
      res = yield* dialogue(c, first, agent);
      break;
    case 'senior':
      yield reply(c, first, agent, 'comment');
      res = yield* toSenior(c, first + r.between(60, 300) * 1000, agent);
      break;
    default:
      if (r.chance(0.9)) yield reply(c, first, agent, 'comment');
      res = yield* dispatch(c, first + r.between(60, 300) * 1000, agent);
  }
  yield* aftercare(c, res);
}

/** The first line asks the customer a question, waits for the answer, then solves it. */
function* dialogue(c: TicketCase, t: number, asking?: string): Sub<Resolution> {
  const { rng: r, w } = c;
  let agent = asking ?? w.l1Agent(r, t).id;
  const rounds = r.chance(0.25) ? 2 : 1;
  for (let i = 0; i < rounds; i++) {
    yield reply(c, t, agent, 'clarification');
    yield worked(c, t + 1000, agent, r.lognormal(4, 0.6) * 60);
    t = w.customerReply(r, t + 1000);
    yield { at: t, body: { type: 'ticket.customer_replied', ticket_id: c.id } };
    t += r.lognormal(30, 0.8) * MINUTE;
    agent = w.l1Agent(r, t).id;
  }
  yield reply(c, t, agent, 'solution');
  yield worked(c, t + 1000, agent, r.lognormal(6, 0.6) * 60);
  const at = t + r.between(30, 120) * 1000;
  yield resolved(c, at, agent, 1);
  return { at, by: agent, line: 1 };
}

/** An upset customer asks for someone senior: the shift's senior operator takes over. */
function* toSenior(c: TicketCase, t: number, by: string): Sub<Resolution> {
  const { rng: r, w } = c;
  const senior = w.org.l1Senior.id;
  yield {
    at: t,
    body: {
      type: 'ticket.escalated',
      ticket_id: c.id,
      to_role: 'senior',
      reason: 'customer asked for a senior',
      by,
    },
  };
  t += r.between(10, 60) * 1000;
  yield {
    at: t,
    body: {
      type: 'ticket.assigned',
      ticket_id: c.id,
      assignee_id: senior,
      team_id: 'l1',
      line: 1,
      mode: 'manual',
      by,
    },
  };
  t += r.lognormal(90, 0.8) * MINUTE;
  yield reply(c, t, senior, 'solution');
  yield worked(c, t + 1000, senior, r.lognormal(15, 0.6) * 60);
  const at = t + r.between(30, 120) * 1000;
  yield resolved(c, at, senior, 1);
  return { at, by: senior, line: 1 };
}
