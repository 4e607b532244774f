import { addBusinessSeconds, type BusinessCalendar } from '../time/business-calendar.js';
import { atLocal, businessCalendar, DAY, HOUR, localDay, localHour, MINUTE } from './clock.js';
import { LivePool } from './live-pool.js';
import type { WrittenChannel } from './model.js';
import { type Agent, buildOrg, type Org, type SpecialistTeam } from './organisation.js';
import { Rates } from './rates.js';
import type { Rng } from './rng.js';
import { Roster } from './roster.js';

/** Everything the simulated processes share: staff, rota, the live queue, calendars, id counters. */
export class World {
  readonly org: Org;
  readonly roster: Roster;
  readonly live: LivePool;
  readonly business: BusinessCalendar;
  readonly rates: Rates;
  readonly startMs: number;
  private tickets = 0;
  private contacts = 0;

  constructor(
    readonly seed: number,
    readonly prefix: string,
    days: number,
    readonly endMs: number,
    ticketsPerDay: number,
    scale: number,
    /** local day of the injected escalation spike */
    readonly spikeDay: number | null,
  ) {
    this.startMs = endMs - days * DAY;
    this.org = buildOrg(scale, seed);
    this.roster = new Roster(this.org, scale, seed);
    this.live = new LivePool(this.roster.copies);
    // Holidays a month past the end too: specialists' work planned across the end must skip them.
    this.business = businessCalendar(localDay(this.startMs) - 1, localDay(endMs) + 40);
    this.rates = new Rates(endMs, ticketsPerDay);
  }

  nextTicket(): string {
    return `${this.prefix}-t${++this.tickets}`;
  }

  nextContact(): string {
    return `${this.prefix}-c${++this.contacts}`;
  }

  /** An operator on shift at t (breaks aside); on rest days mostly the one on written duty. */
  l1Agent(rng: Rng, t: number): Agent {
    const { all, written } = this.roster.onShiftAt(t);
    const list = written.length > 0 && rng.chance(0.7) ? written : all;
    return list.length > 0 ? rng.pick(list) : this.org.supervisor;
  }

  specialist(rng: Rng, team: SpecialistTeam): Agent {
    return rng.pick(this.org.specialists[team]);
  }

  /** The instant `seconds` of office time after t (second and third lines work 9–18 on business days). */
  officeAfter(t: number, seconds: number): number {
    return addBusinessSeconds(t, seconds, this.business);
  }

  /**
   * First-line workload at t: the share of operator time the expected arrivals take (~5 min each),
   * capped below 1. Drives how long written requests wait for a first reply.
   */
  load(t: number): number {
    const operators = Math.max(1, this.roster.onShiftAt(t).all.length);
    return Math.min(0.9, (this.rates.perHour(t) * 5) / (60 * operators));
  }

  /** Minutes until the first public reply to a written request: social fastest, e-mail slowest. */
  firstReplyDelay(rng: Rng, channel: WrittenChannel, t: number): number {
    const base = channel === 'social' ? 5 : channel === 'web' ? 25 : 40;
    const rho = this.load(t);
    return base * (1 + (0.5 * rho) / (1 - rho)) * rng.lognormal(1, 0.85) * MINUTE;
  }

  /** When a customer answers a question: hours later, rarely at night. */
  customerReply(rng: Rng, t: number): number {
    let at = t + Math.min(3 * DAY, rng.lognormal(90, 1.1) * MINUTE);
    if (localHour(at) < 7) at = atLocal(localDay(at), 7 * 60) + rng.exp(1.5 * HOUR);
    return at;
  }
}
