// SPEC §3 #1, #6, #7, #8 on a hand-built contact-centre day (cut-test-helpers.ts: contactCentreDay). Every
// expected number below is computed by hand from the events listed there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/store.js';
import {
  CC_DAY,
  contactCentreDay,
  countOf,
  durationOf,
  nd,
  query,
  rateOf,
  Script,
  stats,
  storeWith,
} from './cut-test-helpers.js';
import { computeKpis } from './engine.js';
import type { KpiQuery } from './types.js';

const CONTACT_KPIS = ['contacts_offered', 'wait', 'abandonment', 'handle_time'] as const;

describe('contact-centre KPIs on a hand-built day', () => {
  let store: Store;
  beforeAll(async () => {
    store = await storeWith(contactCentreDay().events);
  });
  afterAll(async () => {
    await store?.close();
  });
  const run = (q: KpiQuery = CC_DAY) => computeKpis(store, q, CONTACT_KPIS);

  it('contacts offered: every contact that arrived in the period, on any channel, by its arrival', async () => {
    const r = await run();
    const v = countOf(r, 'contacts_offered');
    // c1..c10, c12, c13 arrived on 2026-03-02; c11 arrived the day before, c14 the day after
    expect(v.value).toBe(12);
    expect((v.trend as { previous: number }).previous).toBe(1); // c11
    const byChannel = countOf(await run({ ...CC_DAY, by: 'channel' }), 'contacts_offered');
    expect(byChannel.groups).toEqual([
      { key: 'chat', value: 3 }, // c3, c6, c12
      { key: 'email', value: 1 }, // c10
      { key: 'phone', value: 8 }, // c1, c2, c4, c5, c7, c8, c9, c13
    ]);
  });

  it('wait: answered − offered with the IVR time included, by the answer; a contact still waiting is pending', async () => {
    const v = durationOf(await run(), 'wait');
    // answered on the day: c1 50 (20 s IVR + 30 s queue), c2 15, c3 90, c11 90 (offered the day before), c12 10
    // sorted 10, 15, 50, 90, 90: mean 255/5, nearest-rank median ceil(2.5)=3rd, p90 ceil(4.5)=5th
    // targets: phone good 20 s (c2 within; c1, c11 over), chat good 60 s (c12 within; c3 over)
    // pending: c9 only (abandoned and self-served contacts wait for nothing)
    expect(stats(v)).toEqual({
      count: 5,
      pending: 1,
      mean_s: 51,
      median_s: 50,
      p90_s: 90,
      within_target: 0.4,
      with_target: 5,
    });
    expect(v.negative_clamped).toBe(0);
  });

  it('wait is measured from the first ring even when the queue entry came later', async () => {
    const s = new Script(Date.parse('2026-03-02T10:00:00Z'), 'ivr-')
      .add('contact.offered', 0, { contact_id: 'v1', channel: 'phone' })
      .add('contact.queued', 45, { contact_id: 'v1' })
      .add('contact.answered', 47, { contact_id: 'v1', agent_id: 'a1' });
    const own = await storeWith(s.events);
    try {
      const v = durationOf(await computeKpis(own, CC_DAY, ['wait']), 'wait');
      expect(stats(v)).toMatchObject({ count: 1, mean_s: 47, median_s: 47, within_target: 0 });
    } finally {
      await own.close();
    }
  });

  it('abandonment: abandoned ÷ (answered + abandoned) live contacts that asked for an agent, short abandons out', async () => {
    const v = rateOf(await run(), 'abandonment');
    // asked for an agent on the day: answered c1, c2, c3, c12; abandoned c4, c5, c6, c7
    // short (< 5 s from the queue entry, else arrival): c4 (4 s after queued, 34 s after arrival), c6 (3 s, no queue)
    // c5 abandoned exactly 5 s after queue entry: not short
    // self-served (ended without an agent and without contact.abandoned): c8 (IVR), c13 (queued, ended)
    expect(nd(v)).toEqual({ numerator: 2, denominator: 6, value: 2 / 6 });
    expect(v.short_abandons).toBe(2);
    expect(v.self_served).toBe(2);
    expect(v.negative_clamped).toBe(0);
    // the previous day holds c11 (answered): 0 of 1
    expect((v.trend as { previous: number | null }).previous).toBe(0);
  });

  it('abandonment follows short_abandon_s: 6 s makes c5 short, 0 s makes no abandon short', async () => {
    const six = rateOf(
      await run({ ...CC_DAY, params: { ...CC_DAY.params, short_abandon_s: 6 } }),
      'abandonment',
    );
    expect(nd(six)).toEqual({ numerator: 1, denominator: 5, value: 1 / 5 });
    expect(six.short_abandons).toBe(3);
    const zero = rateOf(
      await run({ ...CC_DAY, params: { ...CC_DAY.params, short_abandon_s: 0 } }),
      'abandonment',
    );
    expect(nd(zero)).toEqual({ numerator: 4, denominator: 8, value: 0.5 });
    expect(zero.short_abandons).toBe(0);
    expect(zero.self_served).toBe(2);
  });

  it('self-served contacts are offered but neither answered nor abandoned', async () => {
    const r = await computeKpis(store, { ...CC_DAY, filters: { channel: ['phone'] } }, CONTACT_KPIS);
    // phone on the day: c1, c2, c4, c5, c7, c8, c9, c13 offered; c1, c2 answered; c5, c7 abandoned; c4 short
    expect(countOf(r, 'contacts_offered').value).toBe(8);
    const a = rateOf(r, 'abandonment');
    expect(nd(a)).toEqual({ numerator: 2, denominator: 4, value: 0.5 });
    expect(a.self_served).toBe(2);
    expect(a.short_abandons).toBe(1);
  });

  it('handle time: talk + hold + wrap per handled contact, by the end of the contact', async () => {
    const v = durationOf(await run(), 'handle_time');
    // ended on the day and answered: c1 330, c2 120, c3 600, c11 240, c12 60 (c8, c13 self-served: not handled)
    // sorted 60, 120, 240, 330, 600: mean 1350/5 = 270, median 3rd = 240, p90 5th = 600
    expect(stats(v)).toEqual({
      count: 5,
      pending: 0,
      mean_s: 270,
      median_s: 240,
      p90_s: 600,
      within_target: null,
      with_target: 0,
    });
    // talk 240+100+600+200+50 = 1190, hold 30+10 = 40, wrap 60+20+40 = 120, each over 5
    expect(v.talk_mean_s).toBe(238);
    expect(v.hold_mean_s).toBe(8);
    expect(v.wrap_mean_s).toBe(24);
    expect(v.per_ticket).toEqual({ count: 0, mean_s: null });
  });

  it('handle time per ticket: the sum of ticket.worked of the tickets resolved in the period', async () => {
    const s = new Script(Date.parse('2026-03-02T10:00:00Z'), 'pt-')
      // T1: 600 + 300 logged by two agents, resolved on the day → 900
      .add('ticket.created', '2026-03-02T10:00:00Z', { ticket_id: 'T1', channel: 'email', by: 'a1' })
      .add('ticket.worked', '2026-03-02T10:30:00Z', { ticket_id: 'T1', agent_id: 'a1', seconds: 600 })
      .add('ticket.worked', '2026-03-02T11:30:00Z', { ticket_id: 'T1', agent_id: 'a2', seconds: 300 })
      .add('ticket.resolved', '2026-03-02T12:00:00Z', { ticket_id: 'T1', by: 'a2' })
      // T2: first resolved on the day, reopened and worked again → 120 + 60 = 180
      .add('ticket.created', '2026-03-02T10:30:00Z', { ticket_id: 'T2', channel: 'web', by: 'a1' })
      .add('ticket.worked', '2026-03-02T12:00:00Z', { ticket_id: 'T2', agent_id: 'a1', seconds: 120 })
      .add('ticket.resolved', '2026-03-02T13:00:00Z', { ticket_id: 'T2', by: 'a1' })
      .add('ticket.reopened', '2026-03-02T14:00:00Z', { ticket_id: 'T2' })
      .add('ticket.worked', '2026-03-02T14:30:00Z', { ticket_id: 'T2', agent_id: 'a1', seconds: 60 })
      .add('ticket.resolved', '2026-03-02T15:00:00Z', { ticket_id: 'T2', by: 'a1' })
      // T3: worked, still open → not yet
      .add('ticket.created', '2026-03-02T11:00:00Z', { ticket_id: 'T3', channel: 'email', by: 'a1' })
      .add('ticket.worked', '2026-03-02T11:10:00Z', { ticket_id: 'T3', agent_id: 'a1', seconds: 500 })
      // T4: resolved with no work logged → no per-ticket handle time
      .add('ticket.created', '2026-03-02T11:00:00Z', { ticket_id: 'T4', channel: 'email', by: 'a1' })
      .add('ticket.resolved', '2026-03-02T11:05:00Z', { ticket_id: 'T4', by: 'a1' })
      // T5: resolved the next day
      .add('ticket.created', '2026-03-02T20:00:00Z', { ticket_id: 'T5', channel: 'email', by: 'a1' })
      .add('ticket.worked', '2026-03-02T21:00:00Z', { ticket_id: 'T5', agent_id: 'a1', seconds: 50 })
      .add('ticket.resolved', '2026-03-03T01:00:00Z', { ticket_id: 'T5', by: 'a1' })
      // T6: created the day before, resolved on the day → 40
      .add('ticket.created', '2026-03-01T15:00:00Z', { ticket_id: 'T6', channel: 'email', by: 'a1' })
      .add('ticket.worked', '2026-03-01T16:00:00Z', { ticket_id: 'T6', agent_id: 'a1', seconds: 40 })
      .add('ticket.resolved', '2026-03-02T08:00:00Z', { ticket_id: 'T6', by: 'a1' });
    const own = await storeWith(s.events);
    try {
      const v = durationOf(await computeKpis(own, CC_DAY, ['handle_time']), 'handle_time');
      expect(v.count).toBe(0); // no contacts
      const perTicket = v.per_ticket as { count: number; mean_s: number };
      expect(perTicket.count).toBe(3);
      expect(perTicket.mean_s).toBeCloseTo((900 + 180 + 40) / 3, 9);
    } finally {
      await own.close();
    }
  });

  it('an answered contact that has not ended yet is not handled yet; its wait already counts', async () => {
    const s = new Script(Date.parse('2026-03-02T10:00:00Z'), 'open-')
      .add('contact.offered', 0, { contact_id: 'o1', channel: 'chat' })
      .add('contact.queued', 5, { contact_id: 'o1' })
      .add('contact.answered', 30, { contact_id: 'o1', agent_id: 'a1' });
    const own = await storeWith(s.events);
    try {
      const r = await computeKpis(own, CC_DAY, CONTACT_KPIS);
      expect(countOf(r, 'contacts_offered').value).toBe(1);
      expect(stats(durationOf(r, 'wait'))).toMatchObject({ count: 1, pending: 0, mean_s: 30 });
      expect(nd(rateOf(r, 'abandonment'))).toEqual({ numerator: 0, denominator: 1, value: 0 });
      expect(durationOf(r, 'handle_time').count).toBe(0);
    } finally {
      await own.close();
    }
  });

  it('non-live channels are offered but never enter wait, abandonment nor the self-served count', async () => {
    const s = new Script(Date.parse('2026-03-02T10:00:00Z'), 'nl-')
      .add('contact.offered', 0, { contact_id: 'm1', channel: 'email' })
      .add('contact.offered', 10, { contact_id: 'm2', channel: 'social' })
      .add('contact.offered', 20, { contact_id: 'm3', channel: 'web' })
      .add('contact.ended', 60, { contact_id: 'm3', talk_s: 0, hold_s: 0, wrap_s: 0 });
    const own = await storeWith(s.events);
    try {
      const r = await computeKpis(own, CC_DAY, CONTACT_KPIS);
      expect(countOf(r, 'contacts_offered').value).toBe(3);
      expect(stats(durationOf(r, 'wait'))).toMatchObject({ count: 0, pending: 0, median_s: null });
      const a = rateOf(r, 'abandonment');
      expect(nd(a)).toEqual({ numerator: 0, denominator: 0, value: null });
      expect(a.self_served).toBe(0);
    } finally {
      await own.close();
    }
  });

  it('clock skew: a negative wait counts as 0 and is reported in negative_clamped, never silently', async () => {
    const s = new Script(Date.parse('2026-03-02T10:00:00Z'), 'skew-')
      // answered 10 s before the first ring → wait 0
      .add('contact.offered', 30, { contact_id: 'k1', channel: 'phone' })
      .add('contact.queued', 35, { contact_id: 'k1' })
      .add('contact.answered', 20, { contact_id: 'k1', agent_id: 'a1' })
      // abandoned 10 s before its queue entry → 0 s from the queue entry: a short abandon
      .add('contact.offered', 60, { contact_id: 'k2', channel: 'phone' })
      .add('contact.queued', 80, { contact_id: 'k2' })
      .add('contact.abandoned', 70, { contact_id: 'k2' })
      // a sound chat: wait 20
      .add('contact.offered', 100, { contact_id: 'k3', channel: 'chat' })
      .add('contact.answered', 120, { contact_id: 'k3', agent_id: 'a1' });
    const own = await storeWith(s.events);
    try {
      const r = await computeKpis(own, CC_DAY, CONTACT_KPIS);
      const w = durationOf(r, 'wait');
      expect(stats(w)).toMatchObject({ count: 2, pending: 0, mean_s: 10, median_s: 0, p90_s: 20 });
      expect(w.negative_clamped).toBe(1);
      const a = rateOf(r, 'abandonment');
      expect(nd(a)).toEqual({ numerator: 0, denominator: 2, value: 0 });
      expect(a.short_abandons).toBe(1);
      expect(a.negative_clamped).toBe(1);
    } finally {
      await own.close();
    }
  });

  it('the period is half-open: a contact offered exactly at `to` belongs to the next period', async () => {
    const next = query('2026-03-03T00:00:00Z', '2026-03-04T00:00:00Z');
    const r = await run(next);
    expect(countOf(r, 'contacts_offered').value).toBe(1); // c14
    expect(stats(durationOf(r, 'wait'))).toMatchObject({ count: 1, mean_s: 5 });
    expect(stats(durationOf(r, 'handle_time'))).toMatchObject({ count: 1, mean_s: 55 });
  });
});
