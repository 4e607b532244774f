import type { Resolution } from './aftercare.js';
import { MINUTE } from './clock.js';
import { ESCALATION_REASONS, SPECIALIST_TEAM } from './model.js';
import type { Agent, SpecialistTeam } from './organisation.js';
import type { Step } from './scheduler.js';
import { reply, resolved, type Sub, type TicketCase, worked } from './ticket-case.js';

const TEAMS: readonly SpecialistTeam[] = ['l2-billing', 'l2-logistics', 'l3-dev'];
const lineOf = (team: SpecialistTeam): 2 | 3 => (team === 'l3-dev' ? 3 : 2);

/** Office hours until a specialist picks a ticket up, and until they solve it (medians, log-normal). */
const PICKUP_H: Record<SpecialistTeam, number> = { 'l2-billing': 1.5, 'l2-logistics': 1.5, 'l3-dev': 4 };
const WORK_H: Record<SpecialistTeam, number> = { 'l2-billing': 2, 'l2-logistics': 2.5, 'l3-dev': 10 };
/** Minutes of hands-on work logged per ticket. */
const WORKED_MIN: Record<SpecialistTeam, number> = { 'l2-billing': 25, 'l2-logistics': 25, 'l3-dev': 90 };
const SPECIALIST_TAGS = ['refund', 'replacement', 'vendor-claim', 'known-issue', 'compensation'];

function assigned(
  c: TicketCase,
  at: number,
  a: { assignee_id?: string; team_id: SpecialistTeam; mode: 'manual' | 'auto'; by?: string },
): Step {
  return { at, body: { type: 'ticket.assigned', ticket_id: c.id, ...a, line: lineOf(a.team_id) } };
}

/**
 * The first line hands the ticket on, routed by its (possibly wrong) category: an escalation followed by
 * an assignment, an automatic rule, or a manual assignment — now and then to the wrong team.
 */
export function* dispatch(c: TicketCase, t: number, by: string): Sub<Resolution> {
  const { rng: r, w } = c;
  const target = SPECIALIST_TEAM[c.category ?? c.l1Pick];
  let team = target;
  let named: Agent | null = null;
  if (r.chance(c.spike ? 0.75 : 0.4)) {
    const reason = c.spike
      ? 'suspected batch defect'
      : target === 'l3-dev'
        ? 'needs a code fix'
        : r.pick(ESCALATION_REASONS.slice(0, 4));
    yield { at: t, body: { type: 'ticket.escalated', ticket_id: c.id, to_line: lineOf(target), reason, by } };
    t += r.between(20, 120) * 1000;
    yield assigned(c, t, { team_id: team, mode: 'manual', by });
  } else if (r.chance(0.3)) {
    yield assigned(c, t, { team_id: team, mode: 'auto' });
  } else {
    if (r.chance(0.04)) team = r.pick(TEAMS.filter((x) => x !== target));
    if (r.chance(0.5)) named = w.specialist(r, team);
    yield assigned(c, t, { ...(named ? { assignee_id: named.id } : {}), team_id: team, mode: 'manual', by });
  }
  return yield* work(c, t, team, named, 0);
}

/** A specialist's handling, in office hours: pick-up, fixes to routing, dialogue, solution. */
function* work(
  c: TicketCase,
  t: number,
  team: SpecialistTeam,
  named: Agent | null,
  hops: number,
): Sub<Resolution> {
  const { rng: r, w } = c;
  const agent = (named ?? w.specialist(r, team)).id;
  t = w.officeAfter(t, r.lognormal(PICKUP_H[team], 0.9) * 3600);
  if (!named) yield assigned(c, t, { assignee_id: agent, team_id: team, mode: 'manual', by: agent });
  if (c.category !== null && c.category !== c.truth) {
    t += MINUTE;
    yield {
      at: t,
      body: { type: 'ticket.reclassified', ticket_id: c.id, from: c.category, to: c.truth, by: agent },
    };
    c.category = c.truth;
  }
  const right = SPECIALIST_TEAM[c.truth];
  if (team !== right && hops < 2) {
    // Wrong team: sent on to the right one (a reassignment).
    t += r.between(2, 15) * MINUTE;
    yield assigned(c, t, { team_id: right, mode: 'manual', by: agent });
    return yield* work(c, t, right, null, hops + 1);
  }
  if (r.chance(0.3)) {
    t += r.between(5, 30) * MINUTE;
    yield { at: t, body: { type: 'ticket.note', ticket_id: c.id, by: agent } };
  }
  if (r.chance(0.6)) {
    t += r.between(2, 20) * MINUTE;
    yield reply(c, t, agent, 'comment');
  }
  if (team !== 'l3-dev' && hops < 2 && r.chance(0.05)) {
    t = w.officeAfter(t, r.between(10, 60) * 60);
    yield {
      at: t,
      body: { type: 'ticket.escalated', ticket_id: c.id, to_line: 3, reason: 'needs a code fix', by: agent },
    };
    t += 30_000;
    yield assigned(c, t, { team_id: 'l3-dev', mode: 'manual', by: agent });
    return yield* work(c, t, 'l3-dev', null, hops + 1);
  }
  if (r.chance(team === 'l3-dev' ? 0.3 : 0.45)) {
    t = w.officeAfter(t, r.between(10, 40) * 60);
    yield reply(c, t, agent, 'clarification');
    t = w.customerReply(r, t);
    yield { at: t, body: { type: 'ticket.customer_replied', ticket_id: c.id } };
    t = w.officeAfter(t, r.lognormal(40, 0.7) * 60);
  }
  t = w.officeAfter(t, r.lognormal(WORK_H[team], 1.0) * 3600);
  if (r.chance(0.2))
    yield {
      at: t,
      body: { type: 'ticket.tagged', ticket_id: c.id, tags: [r.pick(SPECIALIST_TAGS)], by: agent },
    };
  yield worked(c, t, agent, r.lognormal(WORKED_MIN[team], 0.7) * 60);
  yield reply(c, t + 1000, agent, 'solution');
  const at = t + r.between(20, 90) * 1000;
  yield resolved(c, at, agent, lineOf(team));
  return { at, by: agent, line: lineOf(team) };
}
