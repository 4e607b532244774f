import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstLineApp, PBX_TOKEN } from '../../test/support/first-line-app.js';
import { computeKpis } from '../kpi/engine.js';
import { kpiQuery, rateOf } from '../kpi/kpi-test-helpers.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';

const T0 = Date.parse('2026-03-02T09:00:00Z');
const at = (s: number) => new Date(T0 + s * 1000).toISOString();

describe('telephony: PBX call events', () => {
  let app: FastifyInstance;
  let store: Store;
  let clock = T0;
  beforeAll(async () => {
    store = await openStore('sqlite::memory:');
    app = await firstLineApp(store, {}, () => clock);
    await app.inject({
      method: 'POST',
      url: '/api/v1/events',
      payload: [
        { id: 'p1', type: 'agent.profile', at: at(-86400), agent_id: 'emma', name: 'Emma Taylor', line: 1 },
        { id: 'p2', type: 'agent.profile', at: at(-86400), agent_id: 'anna', name: 'Anna', line: 1 },
      ],
    });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });
  const json = (payload: unknown, token = PBX_TOKEN) =>
    app.inject({ method: 'POST', url: `/api/v1/telephony/calls?token=${token}`, payload: payload as object });
  const form = (fields: [string, string][], url = `/api/v1/telephony/calls/${PBX_TOKEN}`) =>
    app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    });
  const multipart = (fields: [string, string][]) => {
    const boundary = 'xXfirstlineXx';
    const body = `${fields
      .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
      .join('')}--${boundary}--\r\n`;
    return app.inject({
      method: 'POST',
      url: `/api/v1/cti/${PBX_TOKEN}`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
  };
  const facts = (contactId: string) =>
    store.db
      .selectFrom('contact_facts')
      .selectAll()
      .where('contact_id', '=', contactId)
      .executeTakeFirstOrThrow();

  it("Firstline's JSON: ringing → queued → answered → ended; the ringing answer names the new customer", async () => {
    const ring = await json({
      call_id: 'fl-1',
      event: 'ringing',
      at: at(0),
      from: '+7 (912) 345-67-89',
      queue: 'support',
    });
    expect(ring.statusCode).toBe(200);
    // the caller's customer record (first contact) and contact.offered
    expect(ring.json()).toMatchObject({
      call_id: 'fl-1',
      contact_id: 'call-fl-1',
      appended: 2,
      duplicates: 0,
    });
    expect(ring.json().caller).toMatchObject({
      number: '+79123456789',
      customer: { phones: ['+79123456789'] },
      open_tickets: [],
    });
    await json({ call_id: 'fl-1', event: 'queued', at: at(20), queue: 'support' });
    await json({ call_id: 'fl-1', event: 'answered', at: at(50), agent_id: 'anna' });
    const end = await json({
      call_id: 'fl-1',
      event: 'ended',
      at: at(350),
      talk_s: 300,
      hold_s: 20,
      wrap_s: 40,
    });
    expect(end.json()).toMatchObject({ appended: 1, duplicates: 0, caller: { number: '+79123456789' } });
    expect(await facts('call-fl-1')).toMatchObject({
      outcome: 'answered',
      customer: '+79123456789',
      queue: 'support',
      agent_id: 'anna',
      wait_s: 50,
      talk_s: 300,
      handle_s: 360,
    });
  });

  it("Zammad's Generic CTI, form-encoded: newCall with user[], answer by name, hangup", async () => {
    clock = T0 + 3600_000;
    const ring = await form([
      ['event', 'newCall'],
      ['from', '493055571600'],
      ['to', '492214710334'],
      ['direction', 'in'],
      ['callId', 'zm-1'],
      ['user[]', 'Christopher Miller'],
      ['user[]', 'Emma Taylor'],
      ['queue', 'helpdesk'],
    ]);
    expect(ring.statusCode).toBe(200);
    expect(ring.json().caller.number).toBe('+493055571600');
    clock += 12_000;
    await form([
      ['event', 'answer'],
      ['from', '493055571600'],
      ['to', '492214710334'],
      ['direction', 'in'],
      ['callId', 'zm-1'],
      ['user', 'Emma Taylor'],
    ]);
    clock += 180_000;
    await form([
      ['event', 'hangup'],
      ['from', '493055571600'],
      ['direction', 'in'],
      ['callId', 'zm-1'],
      ['cause', 'normalClearing'],
    ]);
    expect(await facts('call-zm-1')).toMatchObject({
      outcome: 'answered',
      agent_id: 'emma',
      queue: 'helpdesk',
      wait_s: 12,
      talk_s: 180,
      handle_s: 180,
      customer: '+493055571600',
    });
  });

  it('Zammad as JSON (user as a string) and as multipart; a cancelled call is an abandon', async () => {
    clock = T0 + 2 * 3600_000;
    const ring = await json({
      event: 'newCall',
      from: '89123456789',
      to: '100',
      direction: 'in',
      callId: 'zm-2',
      user: 'Emma Taylor',
    });
    expect(ring.json().caller.customer.phones).toEqual(['+79123456789']);
    clock += 25_000;
    await json({ event: 'hangup', from: '89123456789', direction: 'in', callId: 'zm-2', cause: 'cancel' });
    expect(await facts('call-zm-2')).toMatchObject({ outcome: 'abandoned', abandon_wait_s: 25 });
    const mp = await multipart([
      ['event', 'newCall'],
      ['from', '+79123456789'],
      ['direction', 'in'],
      ['callId', 'zm-3'],
    ]);
    expect(mp.statusCode).toBe(200);
    expect(mp.json()).toMatchObject({ contact_id: 'call-zm-3', appended: 2 });
  });

  it('caller lookup: +7 (912) 345-67-89, 89123456789 and +79123456789 find the same customer', async () => {
    const ids = new Set<string>();
    for (const number of ['+7 (912) 345-67-89', '89123456789', '+79123456789']) {
      const r = await app.inject({
        method: 'GET',
        url: `/api/v1/telephony/lookup?number=${encodeURIComponent(number)}`,
      });
      expect(r.json().number).toBe('+79123456789');
      ids.add(r.json().customer.customer_id);
    }
    expect(ids.size).toBe(1);
    // calls from each form made no second customer
    expect(await store.db.selectFrom('customers').select('customer_id').execute()).toHaveLength(2);
  });

  it('screen pop and one-click ticket: the next ring shows the open ticket', async () => {
    const pop = await app.inject({ method: 'GET', url: '/api/v1/telephony/calls/fl-1/popup' });
    expect(pop.json()).toMatchObject({
      state: 'ended',
      agent_id: 'anna',
      ticket_id: null,
      caller: { number: '+79123456789' },
    });
    const made = await app.inject({
      method: 'POST',
      url: '/api/v1/telephony/calls/fl-1/ticket',
      payload: { subject: 'Parcel late', category: 'delivery', by: 'anna' },
    });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toEqual({ status: 'created', ticket_id: 'T-fl-1', contact_id: 'call-fl-1' });
    const again = await app.inject({
      method: 'POST',
      url: '/api/v1/telephony/calls/fl-1/ticket',
      payload: {},
    });
    expect(again.json()).toMatchObject({ status: 'existing', ticket_id: 'T-fl-1' });
    const view = (await store.getTicket('T-fl-1'))!;
    // born from the call: starts at the first ring, first response is the live answer (50 s)
    expect(view.ticket).toMatchObject({ channel: 'phone', customer: '+79123456789', category: 'delivery' });
    expect(view.facts).toMatchObject({ first_response_s: 50 });
    const ring = await json({ call_id: 'fl-9', event: 'ringing', from: '8 912 345 67 89' });
    expect(ring.json().caller.open_tickets.map((t: { ticket_id: string }) => t.ticket_id)).toEqual([
      'T-fl-1',
    ]);
    expect((await app.inject({ method: 'GET', url: '/api/v1/telephony/calls/nope/popup' })).statusCode).toBe(
      404,
    );
  });

  it('an outbound call records nothing', async () => {
    const before = await store.eventCount();
    const r = await json({
      event: 'newCall',
      from: '100',
      to: '89123456789',
      direction: 'out',
      callId: 'zm-out',
    });
    expect(r.json()).toMatchObject({ appended: 0, ignored: expect.stringContaining('outbound') });
    expect(await store.eventCount()).toBe(before);
  });

  it('a repeated push is a no-op, even with a later instant', async () => {
    const before = await store.eventCount();
    const again = await json({
      call_id: 'fl-1',
      event: 'ringing',
      at: at(0),
      from: '+7 (912) 345-67-89',
      queue: 'support',
    });
    expect(again.json()).toMatchObject({ appended: 0, duplicates: 1 });
    clock += 60_000;
    const zammad = await form([
      ['event', 'newCall'],
      ['from', '493055571600'],
      ['direction', 'in'],
      ['callId', 'zm-1'],
    ]);
    expect(zammad.json()).toMatchObject({ appended: 0, duplicates: 2 });
    expect(await store.eventCount()).toBe(before);
  });

  it('out of order: hang-up, answer, then the ring, give the facts of the call in order', async () => {
    await json({ call_id: 'fl-2', event: 'ended', at: at(700), talk_s: 100 });
    await json({ call_id: 'fl-2', event: 'answered', at: at(520), agent_id: 'anna' });
    await json({ call_id: 'fl-2', event: 'ringing', at: at(500), from: '89123456789' });
    expect(await facts('call-fl-2')).toMatchObject({
      offered_at: T0 + 500_000,
      outcome: 'answered',
      wait_s: 20,
      handle_s: 100,
      customer: '+79123456789',
    });
  });

  it('abandon vs short abandon: hang-ups before any answer are abandons, short ones left out of the rate', async () => {
    const day = T0 + 86400_000;
    const t = (s: number) => new Date(day + s * 1000).toISOString();
    const pushes = [
      // A: hangs up 3 s after joining the queue: a short abandon
      { call_id: 'ab-a', event: 'ringing', at: t(0), from: '+4930111111' },
      { call_id: 'ab-a', event: 'queued', at: t(10) },
      { call_id: 'ab-a', event: 'ended', at: t(13) },
      // B: an explicit abandon 30 s after queue entry
      { call_id: 'ab-b', event: 'ringing', at: t(60) },
      { call_id: 'ab-b', event: 'queued', at: t(70) },
      { call_id: 'ab-b', event: 'abandoned', at: t(100) },
      // D: answered
      { call_id: 'ab-d', event: 'ringing', at: t(200) },
      { call_id: 'ab-d', event: 'queued', at: t(205) },
      { call_id: 'ab-d', event: 'answered', at: t(230), agent_id: 'anna' },
      { call_id: 'ab-d', event: 'ended', at: t(400), talk_s: 170 },
      // E: ends in the IVR without asking for an agent: self-served
      { call_id: 'ab-e', event: 'ringing', at: t(500) },
      { call_id: 'ab-e', event: 'ended', at: t(530) },
    ];
    for (const p of pushes) expect((await json(p)).statusCode).toBe(200);
    // C: Zammad, the caller cancels 8 s after the call rang at the agents (queued at once): an abandon
    clock = day + 300_000;
    await json({ event: 'newCall', from: '+4930222222', direction: 'in', callId: 'ab-c' });
    clock += 8_000;
    await json({ event: 'hangup', from: '+4930222222', direction: 'in', callId: 'ab-c', cause: 'cancel' });
    const report = await computeKpis(store, kpiQuery({ from: day - 3600_000, to: day + 3600_000 }), [
      'abandonment',
    ]);
    // asked for an agent: A (short, out), B, C abandoned; D answered → 2 ÷ 3
    expect(rateOf(report, 'abandonment')).toMatchObject({ numerator: 2, denominator: 3 });
    expect(report.kpis.abandonment?.short_abandons).toBe(1);
  });

  it('a wrong or missing token gets 401 and records nothing', async () => {
    const before = await store.eventCount();
    const ring = { call_id: 'bad-1', event: 'ringing', from: '+79990001122' };
    for (const res of [
      await json(ring, 'wrong'),
      await app.inject({ method: 'POST', url: '/api/v1/telephony/calls', payload: ring }),
      await form(
        [
          ['event', 'newCall'],
          ['callId', 'bad-2'],
          ['from', '1'],
        ],
        '/api/v1/cti/nope',
      ),
    ]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    }
    expect(await store.eventCount()).toBe(before);
    const closed = await firstLineApp(store, { telephonyToken: null });
    expect(
      (await closed.inject({ method: 'POST', url: '/api/v1/telephony/calls?token=', payload: ring }))
        .statusCode,
    ).toBe(401);
    await closed.close();
    expect(await store.eventCount()).toBe(before);
  });

  it('a malformed push is a 400 naming the field, and records nothing', async () => {
    const before = await store.eventCount();
    const a = await json({ call_id: 'x', event: 'rang' });
    expect(a.statusCode).toBe(400);
    expect(a.json().error.details[0].field).toBe('event');
    const b = await json({ event: 'hangup', from: '1' });
    expect(b.statusCode).toBe(400);
    expect(b.json().error.message).toContain('callId');
    expect(await store.eventCount()).toBe(before);
  });
});
