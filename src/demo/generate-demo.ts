import type { DomainEventInput } from '../domain/events.js';
import { atLocal, DAY, formatDay, HOUR, isBusinessDay, localDay, MINUTE } from './clock.js';
import { arrivalsProc } from './contacts.js';
import { DEFAULT_TICKETS_PER_DAY, EVENTS_PER_TICKET, TICKETS_PER_CONTACT } from './model.js';
import { buildOrg, setupProc } from './organisation.js';
import { Rates } from './rates.js';
import { shiftProc } from './roster.js';
import { type Proc, Scheduler } from './scheduler.js';
import { World } from './world.js';

export interface DemoOptions {
  /** length of the history, in days */
  days: number;
  seed: number;
  /** ISO instant the history ends at (exclusive); default DEFAULT_DEMO_END, so output is reproducible */
  end?: string;
  /** scale: tickets per day (weekly average) at the end of the period; default 350 */
  ticketsPerDay?: number;
  /** events per yielded batch (ingest takes at most 10,000); default 5,000 */
  batchSize?: number;
}

export const DEFAULT_DEMO_END = '2026-11-23T00:00:00Z';

/** What a run will look like, before it runs. */
export interface DemoPlan {
  startMs: number;
  endMs: number;
  ticketsPerDay: number;
  /** local date (Europe/Moscow) of the injected 'defective goods' escalation spike, if the run is long enough */
  spikeDate: string | null;
  expectedTickets: number;
  /** a rough count, for progress bars */
  expectedEvents: number;
}

function resolve(options: DemoOptions) {
  const { days, seed } = options;
  if (!Number.isInteger(days) || days < 1)
    throw new RangeError(`days must be a whole number ≥ 1, got ${days}`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a whole number, got ${seed}`);
  const endMs = Date.parse(options.end ?? DEFAULT_DEMO_END);
  if (Number.isNaN(endMs)) throw new RangeError(`end must be an ISO instant, got ${options.end}`);
  const ticketsPerDay = options.ticketsPerDay ?? DEFAULT_TICKETS_PER_DAY;
  if (!(ticketsPerDay > 0)) throw new RangeError(`ticketsPerDay must be positive, got ${ticketsPerDay}`);
  return { days, seed, endMs, startMs: endMs - days * DAY, ticketsPerDay };
}

/**
 * The spike: a business day about 15 days before the end, so that (in a 90-day run) it follows 60
 * ordinary days a trailing baseline can learn from. Runs shorter than three weeks put it two-thirds in.
 */
function spikeDay(startMs: number, endMs: number, days: number): number | null {
  if (days < 7) return null;
  const first = localDay(startMs) + 1;
  const last = localDay(endMs - 1) - 1;
  const target = days >= 21 ? localDay(endMs - 15 * DAY) : first + Math.floor((days * 2) / 3);
  for (const d of [0, 1, -1, 2, -2, 3, -3]) {
    const day = target + d;
    if (day >= first && day <= last && isBusinessDay(day)) return day;
  }
  return null;
}

export function demoPlan(options: DemoOptions): DemoPlan {
  const r = resolve(options);
  const spike = spikeDay(r.startMs, r.endMs, r.days);
  const expectedTickets =
    new Rates(r.endMs, r.ticketsPerDay).between(r.startMs, r.endMs) * TICKETS_PER_CONTACT;
  const customers = buildOrg(r.ticketsPerDay / DEFAULT_TICKETS_PER_DAY, r.seed).customers;
  return {
    startMs: r.startMs,
    endMs: r.endMs,
    ticketsPerDay: r.ticketsPerDay,
    spikeDate: spike === null ? null : formatDay(spike),
    expectedTickets,
    expectedEvents: Math.round(expectedTickets * EVENTS_PER_TICKET + customers),
  };
}

/** The scale that gives about `tickets` tickets over the run (for benchmarks: `--tickets 1000000`). */
export function ticketsPerDayFor(tickets: number, options: Omit<DemoOptions, 'ticketsPerDay'>): number {
  return tickets / demoPlan({ ...options, ticketsPerDay: 1 }).expectedTickets;
}

/** Opens each local day's shifts just before midnight: their statuses, and the live queue's operators. */
function* staffingProc(w: World): Proc {
  for (let day = localDay(w.startMs) - 1; ; day++) {
    const at = Math.max(w.startMs - 30 * MINUTE, atLocal(day, 0) - MINUTE);
    if (at >= w.endMs) return;
    yield { at };
    w.live.prune(at);
    for (const shift of w.roster.shifts(day, w.startMs)) {
      if (shift.duty === 'live') w.live.add(shift);
      yield { at, spawn: shiftProc(shift) };
    }
  }
}

/**
 * A realistic synthetic history of the demo service desk (Europe/Moscow, four teams, five channels), as
 * batches of events in global time order. Deterministic: the same options give byte-identical events.
 * Memory stays bounded by the tickets still open, so a million tickets can be generated as a stream.
 */
export function* generateDemo(options: DemoOptions): Generator<DomainEventInput[]> {
  const r = resolve(options);
  const batchSize = options.batchSize ?? 5000;
  const scale = r.ticketsPerDay / DEFAULT_TICKETS_PER_DAY;
  const prefix = `demo${r.seed}`;
  const w = new World(
    r.seed,
    prefix,
    r.days,
    r.endMs,
    r.ticketsPerDay,
    scale,
    spikeDay(r.startMs, r.endMs, r.days),
  );
  const scheduler = new Scheduler();
  scheduler.start(setupProc(w.org, w.startMs - HOUR, localDay(w.startMs) - 1, localDay(w.endMs) + 40));
  scheduler.start(staffingProc(w));
  scheduler.start(arrivalsProc(w));
  let batch: DomainEventInput[] = [];
  let n = 0;
  for (const { at, body } of scheduler.run(w.endMs)) {
    // Each body is a fresh object: completing it in place spares a copy per event (a million tickets
    // make some thirteen million events).
    batch.push(Object.assign(body, { id: `${prefix}-e${++n}`, at: new Date(at).toISOString() }));
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
