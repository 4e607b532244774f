import { localDay } from './clock.js';
import {
  CATEGORIES,
  CATEGORY_SHARES,
  type Category,
  CONFUSED_WITH,
  type DemoChannel,
  PRIORITIES,
  SPIKE_COMPLAINTS,
  SUBJECTS,
  TAGS,
} from './model.js';
import { type Rng, Weighted } from './rng.js';
import type { EventBody, Step } from './scheduler.js';
import type { World } from './world.js';

/** A sub-process that hands back the instant it finished at (and maybe more). */
export type Sub<R> = Generator<Step, R, undefined>;

/** One request as the simulation sees it: what it is really about, and what the desk thinks it is. */
export interface TicketCase {
  w: World;
  rng: Rng;
  id: string;
  channel: DemoChannel;
  customer: string;
  /** the true request type */
  truth: Category;
  /** what the first line will classify it as (wrong for ~8 %) */
  l1Pick: Category;
  /** the category the ticket carries now; null until classified */
  category: Category | null;
  /** first ring or arrival */
  startAt: number;
  /** a 'defective goods' ticket on the day of the injected product defect */
  spike: boolean;
  reopened: boolean;
}

const CATEGORY_PICK = new Weighted(CATEGORIES.map((c) => [c, CATEGORY_SHARES[c]] as const));
const SPIKE_PICK = new Weighted(
  CATEGORIES.map((c) => [c, CATEGORY_SHARES[c] * (c === 'defective goods' ? SPIKE_COMPLAINTS : 1)] as const),
);

/** The real reason for a contact; on the spike day a product defect brings twice the usual complaints. */
export function requestType(w: World, rng: Rng, at: number): Category {
  return (localDay(at) === w.spikeDay ? SPIKE_PICK : CATEGORY_PICK).sample(rng);
}

export function newCase(
  w: World,
  rng: Rng,
  channel: DemoChannel,
  customer: string,
  truth: Category,
  startAt: number,
): TicketCase {
  return {
    w,
    rng,
    id: w.nextTicket(),
    channel,
    customer,
    truth,
    l1Pick: rng.chance(0.08) ? CONFUSED_WITH[truth] : truth,
    category: null,
    startAt,
    spike: truth === 'defective goods' && localDay(startAt) === w.spikeDay,
    reopened: false,
  };
}

/** ticket.created; with `by` and a category when an operator registers it during a call. */
export function createdBody(
  c: TicketCase,
  extra: { by?: string; contact_id: string; category?: boolean },
): EventBody {
  const rng = c.rng;
  const subject = rng.pick(SUBJECTS[c.truth]).replace('{n}', String(1_000_000 + rng.int(9_000_000)));
  const tags = [rng.pick(TAGS[c.truth])];
  if (c.spike) tags.push('batch-defect');
  if (extra.category) c.category = c.l1Pick;
  return {
    type: 'ticket.created',
    ticket_id: c.id,
    channel: c.channel,
    customer: c.customer,
    subject,
    ...(extra.category ? { category: c.l1Pick } : {}),
    priority: PRIORITIES.sample(rng),
    tags,
    ...(extra.by ? { by: extra.by } : {}),
    contact_id: extra.contact_id,
  };
}

/** The first line classifies the ticket (its pick may be wrong). */
export function classify(c: TicketCase, at: number, by: string): Step {
  c.category = c.l1Pick;
  return { at, body: { type: 'ticket.classified', ticket_id: c.id, category: c.l1Pick, by } };
}

export const reply = (
  c: TicketCase,
  at: number,
  by: string,
  kind: 'comment' | 'clarification' | 'solution',
): Step => ({
  at,
  body: { type: 'ticket.replied', ticket_id: c.id, by, kind },
});

export const worked = (c: TicketCase, at: number, agent_id: string, seconds: number): Step => ({
  at,
  body: { type: 'ticket.worked', ticket_id: c.id, agent_id, seconds: Math.round(seconds) },
});

export const resolved = (c: TicketCase, at: number, by: string, line: 1 | 2 | 3): Step => ({
  at,
  body: { type: 'ticket.resolved', ticket_id: c.id, by, line },
});

/** Steps listed out of order (things planned independently) come out sorted. */
export function* inOrder(steps: Step[]): Sub<void> {
  steps.sort((a, b) => a.at - b.at);
  for (const s of steps) yield s;
}
