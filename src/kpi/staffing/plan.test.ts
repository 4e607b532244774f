import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeKinds } from '../../../test/support/stores.js';
import { ingest } from '../../ingest/ingest.js';
import type { Store } from '../../store/store.js';
import { Events, WEEK_FROM, WEEK_TO } from '../kpi-test-helpers.js';
import { DEFAULT_TARGETS } from '../targets.js';
import { staffingPlan } from './plan.js';

/**
 * One week in UTC. Monday 10:00–11:00: ten phone calls (30 s in the queue, 150 s talk + 30 s wrap) and
 * four e-mails (600 s of first-line work each, logged at once). Agent a1 (line 1) is available
 * 09:30–10:30, on a 15-minute break, available again 10:45–12:00. Tuesday 10:00: twenty chats hang up
 * after 60 s in the queue and ten are answered after 30 s (patience = (20·60 + 10·30) / 20 = 75 s).
 */
function history(): Events {
  const e = new Events().agents({ a1: 1 });
  for (let i = 0; i < 10; i++) {
    const id = `p${i}`;
    const t = 60 + 5 * i;
    e.add('contact.offered', t, { contact_id: id, channel: 'phone' })
      .add('contact.queued', t + 0.5, { contact_id: id })
      .add('contact.answered', t + 1, { contact_id: id, agent_id: 'a1' })
      .add('contact.ended', t + 4, { contact_id: id, talk_s: 150, hold_s: 0, wrap_s: 30 });
  }
  for (let i = 0; i < 4; i++) {
    const t = 70 + 10 * i;
    e.add('ticket.created', t, { ticket_id: `m${i}`, channel: 'email', by: 'a1' }).add(
      'ticket.worked',
      t + 1,
      {
        ticket_id: `m${i}`,
        agent_id: 'a1',
        seconds: 600,
      },
    );
  }
  e.add('agent.status', 30, { agent_id: 'a1', status: 'available' })
    .add('agent.status', 90, { agent_id: 'a1', status: 'break' })
    .add('agent.status', 105, { agent_id: 'a1', status: 'available' })
    .add('agent.status', 180, { agent_id: 'a1', status: 'offline' });
  for (let i = 0; i < 30; i++) {
    const id = `c${i}`;
    const t = 1440 + 60 + i;
    e.add('contact.offered', t, { contact_id: id, channel: 'chat' }).add('contact.queued', t, {
      contact_id: id,
    });
    if (i < 20) e.add('contact.abandoned', t + 1, { contact_id: id });
    else
      e.add('contact.answered', t + 0.5, { contact_id: id, agent_id: 'a1' }).add('contact.ended', t + 5, {
        contact_id: id,
        talk_s: 200,
      });
  }
  return e;
}

for (const kind of storeKinds) {
  describe.skipIf(!kind.available)(`staffing plan from history (${kind.name})`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    beforeAll(async () => {
      const fresh = await kind.fresh();
      store = await fresh.open();
      dispose = fresh.dispose;
      await ingest(store, history().events);
    });
    afterAll(async () => {
      await store.close();
      await dispose();
    });
    const plan = (extra: Partial<Parameters<typeof staffingPlan>[1]> = {}) =>
      staffingPlan(store, {
        from: WEEK_FROM,
        to: WEEK_TO,
        timeZone: 'UTC',
        now: Date.parse('2026-06-01T00:00:00Z'),
        targets: DEFAULT_TARGETS,
        ...extra,
      });
    const slot = (p: Awaited<ReturnType<typeof plan>>, weekday: number, hour: number) =>
      p.slots.find((s) => s.weekday === weekday && s.hour === hour)!;

    it('learns arrivals, AHT and patience per channel', async () => {
      const p = await plan();
      expect(p.channels.map((c) => c.channel)).toEqual(['phone', 'chat', 'email']);
      expect(p.channels[0]).toMatchObject({ model: 'erlang_c', aht_s: 180, patience_s: null, items: 10 });
      expect(p.channels[0]!.target).toEqual({ service_level: 0.8, within_s: 20 });
      expect(p.channels[1]).toMatchObject({ model: 'erlang_a', aht_s: 200, patience_s: 75, items: 30 });
      expect(p.channels[2]).toMatchObject({ kind: 'written', aht_s: 600, aht_source: 'measured', items: 4 });
      expect(p.channels[2]!.target.within_s).toBe(4 * 3600);
    });

    it('needs 2 agents on Monday 10:00 (10 calls × 180 s = 0.5 erlang: 1 agent gives SL 0.53, 2 give 0.92)', async () => {
      const s = slot(await plan(), 1, 10);
      expect(s.channels.phone).toMatchObject({ arrivals: 10, aht_s: 180, required: 2 });
      expect(s.channels.phone!.service_level).toBeCloseTo(1 - 0.1 * Math.exp(-1.5 * (20 / 180)), 4);
      // Four e-mails at 600 s, spread over the 4-hour first-response window: 1 an hour, 0.17 erlang.
      expect(s.channels.email).toMatchObject({ arrivals: 1, required: 1 });
      expect(slot(await plan(), 1, 13).channels.email).toMatchObject({ arrivals: 1, required: 1 });
      expect(slot(await plan(), 1, 14).channels.email).toMatchObject({ arrivals: 0, required: 0 });
      // Blended: the queue needs 2; their 0.5 + 0.17 erlang fits under 85 % of 2.
      expect(s).toMatchObject({ required: 2, required_dedicated: 3 });
    });

    it('sets the agents at work against the need, slot by slot', async () => {
      const p = await plan();
      // a1 works 09:30–10:30 and 10:45–12:00.
      expect(slot(p, 1, 9)).toMatchObject({ required: 0, staffed: 0.5, gap: 0.5 });
      expect(slot(p, 1, 10)).toMatchObject({ required: 2, staffed: 0.75, gap: -1.25 });
      expect(slot(p, 1, 11)).toMatchObject({ required: 1, staffed: 1, gap: 0 });
      expect(slot(p, 1, 12)).toMatchObject({ required: 1, staffed: 0, gap: -1 });
      // Monday 10:00 work: 1,800 s of calls, 2,400 s of e-mail, so 0.75 agents split 3 : 4.
      expect(slot(p, 1, 10).channels.phone!.staffed).toBeCloseTo(0.32, 2);
      expect(slot(p, 1, 10).channels.email!.staffed).toBeCloseTo(0.43, 2);
    });

    it('measures shrinkage from breaks and turns the gap into FTE', async () => {
      const p = await plan({ channels: ['phone', 'email'] });
      // 15 min of break in 150 min logged in.
      expect(p.settings).toMatchObject({ shrinkage: 0.1, shrinkage_source: 'measured' });
      // Need 2 + 1 + 1 + 1 = 5 h; worked 0.5 + 0.75 + 1 = 2.25 h; short 1.25 + 1 + 1, over 0.5.
      expect(p.summary).toMatchObject({
        required_hours_per_week: 5,
        staffed_hours_per_week: 2.3,
        shortfall_hours_per_week: 3.3,
        surplus_hours_per_week: 0.5,
        hire_fte: 0.1, // (3.25 − 0.5) / (40 × 0.9)
        move_fte: 0, // 0.5 / 36 rounds to 0.0
        headline: 'hire 0.1 FTE',
      });
      const given = await plan({ channels: ['phone', 'email'], shrinkage: 0.3, fteHoursPerWeek: 2 });
      expect(given.settings).toMatchObject({ shrinkage: 0.3, shrinkage_source: 'given' });
      // (3.25 − 0.5) / (2 × 0.7) = 1.96; 0.5 / 1.4 = 0.36.
      expect(given.summary).toMatchObject({ hire_fte: 2, move_fte: 0.4 });
    });

    it('grows the arrivals by a volume factor (a forecast)', async () => {
      const s = slot(await plan({ volumeFactor: { phone: 2 } }), 1, 10);
      expect(s.channels.phone).toMatchObject({ arrivals: 20, required: 3 });
    });
  });
}
