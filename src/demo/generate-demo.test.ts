import { beforeAll, describe, expect, it } from 'vitest';
import type { DomainEventInput } from '../domain/events.js';
import { parseEvent } from '../domain/parse.js';
import { MAX_BATCH } from '../ingest/ingest.js';
import { DAY, formatDay, localDay } from './clock.js';
import { demoPlan, generateDemo, ticketsPerDayFor } from './generate-demo.js';
import { CHANNEL_SHARES } from './model.js';

const day = (iso: string) => formatDay(localDay(Date.parse(iso)));
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function collect(options: Parameters<typeof generateDemo>[0]): DomainEventInput[][] {
  return [...generateDemo(options)];
}

describe('generateDemo', () => {
  it('is deterministic: the same seed gives the same events, another seed others', () => {
    const a = JSON.stringify(collect({ days: 4, seed: 1 }));
    const b = JSON.stringify(collect({ days: 4, seed: 1 }));
    const c = JSON.stringify(collect({ days: 4, seed: 2 }));
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it('ends at the given instant and spans the given days', () => {
    const events = collect({ days: 2, seed: 3, end: '2026-03-10T12:00:00Z' }).flat();
    const times = events.map((e) => Date.parse(e.at));
    expect(Math.max(...times)).toBeLessThan(Date.parse('2026-03-10T12:00:00Z'));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(Date.parse('2026-03-08T12:00:00Z') - 3_600_000);
  });

  it('scales to a requested number of tickets', () => {
    const options = { days: 5, seed: 4 };
    const ticketsPerDay = ticketsPerDayFor(2000, options);
    const tickets = collect({ ...options, ticketsPerDay })
      .flat()
      .filter((e) => e.type === 'ticket.created').length;
    expect(tickets).toBeGreaterThan(1800);
    expect(tickets).toBeLessThan(2200);
  });

  it('places the spike after 60 ordinary days in a 90-day run, about 15 days before the end', () => {
    const plan = demoPlan({ days: 90, seed: 1 });
    const spike = Date.parse(`${plan.spikeDate}T12:00:00+03:00`);
    expect(Math.floor((spike - plan.startMs) / DAY)).toBeGreaterThanOrEqual(60);
    expect((plan.endMs - spike) / DAY).toBeGreaterThan(12);
    expect((plan.endMs - spike) / DAY).toBeLessThan(18);
  });
});

describe('a 30-day demo history', () => {
  const options = { days: 30, seed: 42 };
  const stats = {
    batches: 0,
    invalid: [] as string[],
    outOfOrder: 0,
    oversized: 0,
    dangling: [] as string[],
    offered: new Map<string, number>(),
    resolved: new Set<string>(),
    rated: new Set<string>(),
    defectiveEscalations: new Map<string, number>(),
    /** status changes that make no sense: a call during a break, two calls at once, a repeat */
    oddStatuses: [] as string[],
  };

  beforeAll(() => {
    const tickets = new Set<string>();
    const contacts = new Set<string>();
    const category = new Map<string, string>();
    const status = new Map<string, string>();
    let last = '';
    const need = (ok: boolean, e: DomainEventInput, what: string) => {
      if (!ok && stats.dangling.length < 5) stats.dangling.push(`${e.id} ${e.type}: ${what}`);
    };
    for (const batch of generateDemo(options)) {
      stats.batches++;
      if (batch.length > Math.min(5000, MAX_BATCH)) stats.oversized++;
      for (const e of batch) {
        const parsed = parseEvent(e);
        if (!parsed.ok && stats.invalid.length < 5)
          stats.invalid.push(`${e.id}: ${JSON.stringify(parsed.issues)}`);
        if (e.at < last) stats.outOfOrder++;
        last = e.at;
        const ref = e as { ticket_id?: string; contact_id?: string };
        if (e.type === 'contact.offered') {
          contacts.add(e.contact_id);
          stats.offered.set(e.channel, (stats.offered.get(e.channel) ?? 0) + 1);
        } else if (ref.contact_id) need(contacts.has(ref.contact_id), e, `contact ${ref.contact_id}`);
        if (e.type === 'ticket.created') {
          tickets.add(e.ticket_id);
          if (e.category) category.set(e.ticket_id, e.category);
        } else if (ref.ticket_id) need(tickets.has(ref.ticket_id), e, `ticket ${ref.ticket_id}`);
        if (e.type === 'agent.status') {
          const before = status.get(e.agent_id);
          const odd =
            before === e.status ||
            (e.status === 'busy' && before !== 'available') ||
            (before === 'busy' && e.status !== 'available');
          if (odd && stats.oddStatuses.length < 5) stats.oddStatuses.push(`${e.id}: ${before} → ${e.status}`);
          status.set(e.agent_id, e.status);
        }
        if (e.type === 'ticket.classified') category.set(e.ticket_id, e.category);
        if (e.type === 'ticket.reclassified') category.set(e.ticket_id, e.to);
        if (e.type === 'ticket.resolved') stats.resolved.add(e.ticket_id);
        if (e.type === 'ticket.rated') stats.rated.add(e.ticket_id);
        if (e.type === 'ticket.escalated' && category.get(e.ticket_id) === 'defective goods') {
          const d = day(e.at);
          stats.defectiveEscalations.set(d, (stats.defectiveEscalations.get(d) ?? 0) + 1);
        }
      }
    }
  });

  it('yields valid events, in time order, in batches ingest accepts', () => {
    expect(stats.batches).toBeGreaterThan(10);
    expect(stats.invalid).toEqual([]);
    expect(stats.outOfOrder).toBe(0);
    expect(stats.oversized).toBe(0);
  });

  it('never refers to a ticket or contact before its creation', () => {
    expect(stats.dangling).toEqual([]);
  });

  it("keeps each agent's statuses consistent: calls only between breaks, one at a time", () => {
    expect(stats.oddStatuses).toEqual([]);
  });

  it('spreads contacts over the channels as modelled (±5 points)', () => {
    const total = [...stats.offered.values()].reduce((a, b) => a + b, 0);
    for (const [channel, share] of CHANNEL_SHARES) {
      expect(Math.abs((stats.offered.get(channel) ?? 0) / total - share), channel).toBeLessThan(0.05);
    }
  });

  it('gets ratings on 20–40 % of resolved tickets', () => {
    const rated = [...stats.rated].filter((t) => stats.resolved.has(t)).length / stats.resolved.size;
    expect(rated).toBeGreaterThan(0.2);
    expect(rated).toBeLessThan(0.4);
  });

  it("has one day with at least 3× the median daily escalations of 'defective goods'", () => {
    const spike = demoPlan(options).spikeDate!;
    const plan = demoPlan(options);
    const days: number[] = [];
    for (let d = localDay(plan.startMs) + 1; d < localDay(plan.endMs); d++) {
      if (formatDay(d) !== spike) days.push(stats.defectiveEscalations.get(formatDay(d)) ?? 0);
    }
    const usual = median(days);
    expect(usual).toBeGreaterThan(0);
    expect(stats.defectiveEscalations.get(spike) ?? 0).toBeGreaterThanOrEqual(3 * usual);
    // ...and no other day comes close.
    expect(Math.max(...days)).toBeLessThan(3 * usual);
  });
});
