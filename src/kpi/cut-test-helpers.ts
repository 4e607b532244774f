// Helpers for the KPI tests (src/kpi/*.kpi.test.ts): build events at exact instants, open an in-memory
// store with them, make a query and read the KPI values of a report with their types.
import type { DomainEventInput } from '../domain/events.js';
import { ingest } from '../ingest/ingest.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import type { KpiReport } from './engine.js';
import {
  type CountValue,
  DEFAULT_PARAMS,
  type DurationValue,
  type KpiId,
  type KpiQuery,
  type RateValue,
} from './types.js';

/** Epoch ms of an ISO-8601 instant (throws on a typo rather than yielding NaN). */
export function ms(isoInstant: string): number {
  const t = Date.parse(isoInstant);
  if (Number.isNaN(t)) throw new Error(`not an instant: ${isoInstant}`);
  return t;
}

/** Events at exact instants: an ISO string, or whole seconds after the origin; ids numbered in order. */
export class Script {
  private n = 0;
  readonly events: DomainEventInput[] = [];
  constructor(
    readonly origin: number,
    readonly prefix: string,
  ) {}

  instant(at: string | number): number {
    return typeof at === 'string' ? ms(at) : this.origin + at * 1000;
  }

  add<T extends DomainEventInput['type']>(
    type: T,
    at: string | number,
    fields: Omit<Extract<DomainEventInput, { type: T }>, 'id' | 'type' | 'at'>,
  ): this {
    this.events.push({
      id: `${this.prefix}${++this.n}`,
      type,
      at: new Date(this.instant(at)).toISOString(),
      ...fields,
    } as unknown as DomainEventInput);
    return this;
  }
}

/** A fresh in-memory SQLite store holding the events (in one ingest batch). */
export async function storeWith(events: readonly DomainEventInput[]): Promise<Store> {
  const store = await openStore('sqlite::memory:');
  if (events.length) await ingest(store, events);
  return store;
}

/** A cut of [from, to) in UTC, no buckets, no grouping, no filters, default params, now = to. */
export function query(from: string | number, to: string | number, over: Partial<KpiQuery> = {}): KpiQuery {
  const f = typeof from === 'string' ? ms(from) : from;
  const t = typeof to === 'string' ? ms(to) : to;
  return {
    from: f,
    to: t,
    bucket: null,
    by: null,
    filters: {},
    time: 'calendar',
    params: { ...DEFAULT_PARAMS },
    timeZone: 'UTC',
    now: t,
    ...over,
  };
}

type Slice<V> = V & { start: string; label: string };
type Group<V> = V & { key: string };
export type View<V> = V & {
  series?: Slice<V>[];
  groups?: Group<V>[];
  [extra: string]: unknown;
};

function pick<V>(report: KpiReport, id: KpiId): View<V> {
  const v = report.kpis[id];
  if (!v) throw new Error(`the report has no ${id}`);
  return v as unknown as View<V>;
}

export const countOf = (r: KpiReport, id: KpiId) => pick<CountValue>(r, id);
export const rateOf = (r: KpiReport, id: KpiId) => pick<RateValue>(r, id);
export const durationOf = (r: KpiReport, id: KpiId) => pick<DurationValue>(r, id);

/** The numbers of a rate, without its tier, target and trend. */
export const nd = (v: RateValue) => ({ numerator: v.numerator, denominator: v.denominator, value: v.value });
/** The numbers of a duration, without its tier, target and trend. */
export const stats = (v: DurationValue) => ({
  count: v.count,
  pending: v.pending,
  mean_s: v.mean_s,
  median_s: v.median_s,
  p90_s: v.p90_s,
  within_target: v.within_target,
  with_target: v.with_target,
});

/** Group key → value for a count KPI's groups. */
export const countsByKey = (v: View<CountValue>) =>
  Object.fromEntries((v.groups ?? []).map((g) => [g.key, g.value]));
/** Group key → numerator/denominator for a rate KPI's groups. */
export const ratesByKey = (v: View<RateValue>) =>
  Object.fromEntries((v.groups ?? []).map((g) => [g.key, [g.numerator, g.denominator]]));

/**
 * Monday 2026-03-02 (UTC): the contact-centre day used by the contact tests. Instants are seconds after
 * 09:00Z. See contact-centre.kpi.test.ts for the hand-computed expectations.
 */
export const CC_ORIGIN = ms('2026-03-02T09:00:00Z');
export const CC_DAY = query('2026-03-02T00:00:00Z', '2026-03-03T00:00:00Z');

export function contactCentreDay(): Script {
  const s = new Script(CC_ORIGIN, 'cc-');
  s.add('agent.profile', '2026-03-01T00:00:00Z', { agent_id: 'a1', line: 1, team_id: 't1' })
    .add('agent.profile', '2026-03-01T00:00:00Z', { agent_id: 'a2', line: 1, team_id: 't1' })
    .add('agent.profile', '2026-03-01T00:00:00Z', { agent_id: 'b1', line: 2, team_id: 't2' });
  // c1 phone: 20 s in the IVR, 30 s in the queue → wait 50; handle 240 + 30 + 60 = 330
  s.add('contact.offered', 0, { contact_id: 'c1', channel: 'phone', customer: '+100' })
    .add('contact.queued', 20, { contact_id: 'c1' })
    .add('contact.answered', 50, { contact_id: 'c1', agent_id: 'a1' })
    .add('contact.ended', 400, { contact_id: 'c1', talk_s: 240, hold_s: 30, wrap_s: 60 });
  // c2 phone: wait 15 (≤ the 20 s phone target); handle 100 + 0 + 20 = 120
  s.add('contact.offered', 100, { contact_id: 'c2', channel: 'phone', customer: '+101' })
    .add('contact.queued', 105, { contact_id: 'c2' })
    .add('contact.answered', 115, { contact_id: 'c2', agent_id: 'a2' })
    .add('contact.ended', 300, { contact_id: 'c2', talk_s: 100, hold_s: 0, wrap_s: 20 });
  // c3 chat: wait 90 (> the 60 s chat target); handle 600
  s.add('contact.offered', 200, { contact_id: 'c3', channel: 'chat', customer: 'u3' })
    .add('contact.queued', 200, { contact_id: 'c3' })
    .add('contact.answered', 290, { contact_id: 'c3', agent_id: 'a1' })
    .add('contact.ended', 900, { contact_id: 'c3', talk_s: 600, hold_s: 0, wrap_s: 0 });
  // c4 phone: abandoned 4 s after queue entry (34 s after arrival) → short
  s.add('contact.offered', 300, { contact_id: 'c4', channel: 'phone', customer: '+104' })
    .add('contact.queued', 330, { contact_id: 'c4' })
    .add('contact.abandoned', 334, { contact_id: 'c4' });
  // c5 phone: abandoned exactly 5 s after queue entry → not short, abandoned
  s.add('contact.offered', 400, { contact_id: 'c5', channel: 'phone', customer: '+105' })
    .add('contact.queued', 410, { contact_id: 'c5' })
    .add('contact.abandoned', 415, { contact_id: 'c5' });
  // c6 chat: no queue entry, abandoned 3 s after arrival → short
  s.add('contact.offered', 500, { contact_id: 'c6', channel: 'chat', customer: 'u6' }).add(
    'contact.abandoned',
    503,
    { contact_id: 'c6' },
  );
  // c7 phone: abandoned after 60 s in the queue
  s.add('contact.offered', 600, { contact_id: 'c7', channel: 'phone', customer: '+107' })
    .add('contact.queued', 601, { contact_id: 'c7' })
    .add('contact.abandoned', 661, { contact_id: 'c7' });
  // c8 phone: ended in the IVR without asking for an agent → self-served
  s.add('contact.offered', 700, { contact_id: 'c8', channel: 'phone', customer: '+108' }).add(
    'contact.ended',
    760,
    { contact_id: 'c8', talk_s: 0, hold_s: 0, wrap_s: 0 },
  );
  // c9 phone: still waiting in the queue → wait pending
  s.add('contact.offered', 800, { contact_id: 'c9', channel: 'phone', customer: '+109' }).add(
    'contact.queued',
    850,
    { contact_id: 'c9' },
  );
  // c10 e-mail: offered only
  s.add('contact.offered', 900, { contact_id: 'c10', channel: 'email', customer: 'x@example.com' });
  // c11 phone: offered the day before (23:59), answered at 00:00:30 → wait 90 today, offered yesterday
  s.add('contact.offered', '2026-03-01T23:59:00Z', { contact_id: 'c11', channel: 'phone', customer: '+111' })
    .add('contact.queued', '2026-03-01T23:59:10Z', { contact_id: 'c11' })
    .add('contact.answered', '2026-03-02T00:00:30Z', { contact_id: 'c11', agent_id: 'a2' })
    .add('contact.ended', '2026-03-02T00:06:40Z', { contact_id: 'c11', talk_s: 200, hold_s: 0, wrap_s: 40 });
  // c12 chat answered by the line-2 agent: wait 10; handle 50 + 10 + 0 = 60
  s.add('contact.offered', 1000, { contact_id: 'c12', channel: 'chat', customer: 'u12' })
    .add('contact.queued', 1005, { contact_id: 'c12' })
    .add('contact.answered', 1010, { contact_id: 'c12', agent_id: 'b1' })
    .add('contact.ended', 1100, { contact_id: 'c12', talk_s: 50, hold_s: 10, wrap_s: 0 });
  // c13 phone: asked for an agent, then ended unanswered without contact.abandoned → self-served
  s.add('contact.offered', 1200, { contact_id: 'c13', channel: 'phone', customer: '+113' })
    .add('contact.queued', 1210, { contact_id: 'c13' })
    .add('contact.ended', 1300, { contact_id: 'c13', talk_s: 0, hold_s: 0, wrap_s: 0 });
  // c14 phone: offered the next day → outside the period everywhere
  s.add('contact.offered', '2026-03-03T00:00:00Z', { contact_id: 'c14', channel: 'phone', customer: '+114' })
    .add('contact.queued', '2026-03-03T00:00:01Z', { contact_id: 'c14' })
    .add('contact.answered', '2026-03-03T00:00:05Z', { contact_id: 'c14', agent_id: 'a1' })
    .add('contact.ended', '2026-03-03T00:01:00Z', { contact_id: 'c14', talk_s: 50, hold_s: 0, wrap_s: 5 });
  return s;
}
