import { atLocal, DAY, HOUR, localDay, MINUTE } from './clock.js';
import { Weighted } from './rng.js';
import type { Step } from './scheduler.js';
import { inOrder, reply, resolved, type Sub, type TicketCase } from './ticket-case.js';

export interface Resolution {
  at: number;
  by: string;
  line: 1 | 2 | 3;
}

// Scores 1..5: mostly 4–5; slow tickets (over two days) and reopened ones rate worse.
const SCORES = {
  happy: new Weighted([1, 2, 3, 4, 5].map((s, i) => [s, [0.03, 0.04, 0.09, 0.26, 0.58][i]!] as const)),
  slow: new Weighted([1, 2, 3, 4, 5].map((s, i) => [s, [0.08, 0.1, 0.2, 0.3, 0.32][i]!] as const)),
  reopened: new Weighted([1, 2, 3, 4, 5].map((s, i) => [s, [0.22, 0.2, 0.22, 0.2, 0.16][i]!] as const)),
};

/**
 * After the first resolution: a reopen now and then (within days) and a second resolution; the
 * supervisor's review fixing a wrong category; a rating by link; a feedback call-back; the close.
 */
export function* aftercare(c: TicketCase, first: Resolution): Sub<void> {
  const { rng: r, w } = c;
  let final = first;
  if (r.chance(first.line === 1 ? 0.045 : 0.085)) {
    c.reopened = true;
    const at = first.at + Math.min(r.exp(20 * HOUR), 6.5 * DAY);
    yield { at, body: { type: 'ticket.reopened', ticket_id: c.id } };
    if (first.line === 1) {
      const t = at + r.lognormal(40, 0.8) * MINUTE;
      const agent = w.l1Agent(r, t).id;
      yield reply(c, t, agent, 'solution');
      final = { at: t + r.between(30, 120) * 1000, by: agent, line: 1 };
    } else {
      const t = w.officeAfter(at, r.lognormal(3, 0.8) * 3600);
      yield reply(c, t, first.by, 'solution');
      final = { at: t + r.between(30, 120) * 1000, by: first.by, line: first.line };
    }
    yield resolved(c, final.at, final.by, final.line);
  }
  const steps: Step[] = [];
  if (c.category !== null && c.category !== c.truth) {
    // Found in the supervisor's quality review.
    const at = w.officeAfter(final.at, r.between(1, 6) * 3600);
    steps.push({
      at,
      body: {
        type: 'ticket.reclassified',
        ticket_id: c.id,
        from: c.category,
        to: c.truth,
        by: w.org.supervisor.id,
      },
    });
    c.category = c.truth;
  }
  const slow = final.at - c.startAt > 2 * DAY;
  const scores = c.reopened ? SCORES.reopened : slow ? SCORES.slow : SCORES.happy;
  let rated = false;
  if (r.chance(0.27)) {
    rated = true;
    const at = final.at + r.exp(4 * HOUR);
    steps.push({ at, body: { type: 'ticket.rated', ticket_id: c.id, score: scores.sample(r), via: 'link' } });
  }
  if (r.chance(0.1)) {
    const at = atLocal(localDay(final.at) + (r.chance(0.7) ? 1 : 2), r.between(10 * 60, 19 * 60));
    const reached = r.chance(0.7);
    const by = w.l1Agent(r, at).id;
    steps.push({
      at,
      body: { type: 'ticket.callback', ticket_id: c.id, outcome: reached ? 'reached' : 'no_answer', by },
    });
    if (reached && !rated && r.chance(0.6)) {
      const score = scores.sample(r);
      steps.push({
        at: at + r.between(60, 300) * 1000,
        body: { type: 'ticket.rated', ticket_id: c.id, score, via: 'callback' },
      });
    }
  }
  steps.push({
    at: final.at + 3 * DAY + r.between(0, 10) * HOUR,
    body: { type: 'ticket.closed', ticket_id: c.id },
  });
  yield* inOrder(steps);
}
