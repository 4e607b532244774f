// SPEC §3 rates over resolved tickets: #9 FCR, #10 L1 resolution, #13 escalation, #15 reopen, and the dispatch
// quality rates #11 correct classification and #12 correct assignment (reference: resolved, or closed unresolved).
// Lines: d1, d2 L1; a2 L2; a3 L3; x9 has no profile (line unknown). All tickets are e-mails created at T0 unless
// noted; the period is the week of T0.
import { describe, expect, it } from 'vitest';
import {
  DAY,
  Events,
  groupRates,
  kpiOf,
  kpisFor,
  NO_TREND,
  rateOf as rate,
  reportsFor,
  share,
  T0,
} from './kpi-test-helpers.js';

function base(): Events {
  return new Events().agents({ d1: 1, d2: 1, a2: 2, a3: 3 });
}
const created = (s: Events, id: string, by = 'd1') =>
  s.add('ticket.created', 0, { ticket_id: id, channel: 'email', by });
const reply = (s: Events, id: string, m: number, by = 'd1') =>
  s.add('ticket.replied', m, { ticket_id: id, by, kind: 'comment' });
const resolve = (s: Events, id: string, m: number, by = 'd1') =>
  s.add('ticket.resolved', m, { ticket_id: id, by });

describe('fcr (SPEC §3 #9 and "FCR details")', () => {
  function log(): Events {
    const s = base();
    for (const id of ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9', 'c12']) created(s, id);
    reply(s, 'c1', 10); // one reply, resolved: FCR
    resolve(s, 'c1', 20);
    reply(s, 'c2', 10).add('ticket.customer_replied', 15, { ticket_id: 'c2' }); // customer came back: no
    resolve(s, 'c2', 20);
    s.add('ticket.customer_replied', 5, { ticket_id: 'c3' }); // before the first response: does not count
    reply(s, 'c3', 10);
    resolve(s, 'c3', 20).add('ticket.customer_replied', 30, { ticket_id: 'c3' }); // after it: does not count
    reply(s, 'c4', 10);
    reply(s, 'c4', 12); // two public replies: no
    resolve(s, 'c4', 20);
    s.add('ticket.note', 5, { ticket_id: 'c5', by: 'd1' }); // notes are never replies
    reply(s, 'c5', 10).add('ticket.note', 15, { ticket_id: 'c5', by: 'd1' });
    resolve(s, 'c5', 20);
    s.add('ticket.assigned', 1, { ticket_id: 'c6', assignee_id: 'd1', by: 'd1' }); // reassigned: no
    reply(s, 'c6', 10).add('ticket.assigned', 12, { ticket_id: 'c6', assignee_id: 'd2', by: 'd1' });
    resolve(s, 'c6', 20, 'd2');
    s.add('ticket.assigned', 1, { ticket_id: 'c7', team_id: 'desk', by: 'd2' }) // picked up in the team: yes
      .add('ticket.assigned', 2, { ticket_id: 'c7', assignee_id: 'd1', team_id: 'desk', by: 'd1' })
      .add('ticket.assigned', 3, { ticket_id: 'c7', assignee_id: 'd1', by: 'd1' });
    reply(s, 'c7', 10);
    resolve(s, 'c7', 20);
    reply(s, 'c8', 10).add('ticket.escalated', 12, { ticket_id: 'c8', to_line: 2, by: 'd1' }); // escalated: no
    s.add('ticket.assigned', 13, { ticket_id: 'c8', assignee_id: 'a2', line: 2, by: 'd1' });
    resolve(s, 'c8', 20, 'a2');
    resolve(s, 'c9', 20); // no response at all: left out on both sides
    reply(s, 'c12', 10); // still open: not resolved
    // c10: answered call plus one public reply: yes; c11: answered chat plus two replies: no
    s.add('contact.offered', 0, { contact_id: 'k10', channel: 'phone', customer: '+70000000010' })
      .add('contact.answered', 1, { contact_id: 'k10', agent_id: 'd1' })
      .add('ticket.created', 2, { ticket_id: 'c10', channel: 'phone', contact_id: 'k10', by: 'd1' });
    reply(s, 'c10', 10);
    resolve(s, 'c10', 20);
    s.add('contact.offered', 0, { contact_id: 'k11', channel: 'chat', customer: 'ann' })
      .add('contact.answered', 1, { contact_id: 'k11', agent_id: 'd2' })
      .add('ticket.created', 2, { ticket_id: 'c11', channel: 'chat', contact_id: 'k11', by: 'd2' });
    reply(s, 'c11', 10, 'd2');
    reply(s, 'c11', 11, 'd2');
    resolve(s, 'c11', 20, 'd2');
    return s;
  }

  it('FCR tickets ÷ resolved tickets with a response, with tier from the 50–80 % band', async () => {
    const r = await kpisFor(log().events, {}, { ids: ['fcr'] });
    // yes: c1, c3, c5, c7, c10; no: c2, c4, c6, c8, c11; c9 out, c12 open
    expect(rate(r, 'fcr')).toEqual(share(5, 10, 'satisfactory'));
    expect(kpiOf(r, 'fcr').provisional).toBe(0);
  });

  it('by agent: the resolver', async () => {
    const r = await kpisFor(log().events, { by: 'agent' }, { ids: ['fcr'] });
    expect(groupRates(r, 'fcr')).toEqual({ a2: [0, 1], d1: [5, 7], d2: [0, 2] });
  });

  it('provisional: resolved less than a reopen window before now, so the FCR may still fall', async () => {
    const s = base();
    s.add('ticket.created', -540, { ticket_id: 'v1', channel: 'email', by: 'd1' }); // Monday 00:00
    reply(s, 'v1', -535);
    resolve(s, 'v1', -530);
    created(s, 'v2');
    reply(s, 'v2', 10);
    resolve(s, 'v2', 20);
    created(s, 'v3');
    resolve(s, 'v3', 1440); // no response: not an FCR item, so not provisional either
    const [early, late] = await reportsFor(
      s.events,
      [{ now: T0 + 2 * DAY }, { now: T0 + 7 * DAY + 10 * 60_000 }],
      ['fcr'],
    );
    expect(kpiOf(early!, 'fcr')).toMatchObject({ numerator: 2, denominator: 2, provisional: 2 });
    // now = Monday 2026-03-09 09:10: v1 (00:10 a week before) is final, v2 (09:20) is not yet
    expect(kpiOf(late!, 'fcr')).toMatchObject({ numerator: 2, denominator: 2, provisional: 1 });
  });
});

describe('reopen window (SPEC §3 #15; measured from the resolution the reopen follows)', () => {
  const WEEK = 7 * 1440;
  const SECOND = 1 / 60;
  function log(): Events {
    const s = base();
    for (const id of ['w1', 'w2', 'w3', 'w4', 'w5']) {
      created(s, id);
      reply(s, id, 10);
      resolve(s, id, 20);
    }
    s.add('ticket.reopened', 20 + WEEK - SECOND, { ticket_id: 'w1' }); // just inside
    s.add('ticket.reopened', 20 + WEEK, { ticket_id: 'w2' }); // exactly at the window: inside
    s.add('ticket.reopened', 20 + WEEK + SECOND, { ticket_id: 'w3' }); // just outside
    // w5: reopened after 10 days (outside), resolved again, reopened a day after that (inside)
    s.add('ticket.reopened', 20 + 10 * 1440, { ticket_id: 'w5' });
    resolve(s, 'w5', 80 + 10 * 1440);
    s.add('ticket.reopened', 80 + 11 * 1440, { ticket_id: 'w5' });
    return s;
  }

  it('default 7 days: inside ≤ 604 800 s; FCR spoiled only by a reopen after the first resolution', async () => {
    const r = await kpisFor(log().events, {}, { ids: ['reopen', 'fcr'] });
    expect(rate(r, 'reopen')).toEqual(share(3, 5, 'poor'));
    expect(rate(r, 'fcr')).toEqual(share(3, 5, 'satisfactory'));
  });

  it('a custom reopen_window_s moves the boundary', async () => {
    const [three, sevenPlus] = await reportsFor(
      log().events,
      [
        { params: { reopen_window_s: 3 * 86_400, short_abandon_s: 5 } },
        { params: { reopen_window_s: 7 * 86_400 + 1, short_abandon_s: 5 } },
      ],
      ['reopen', 'fcr'],
    );
    // 3 days: only w5's second reopen (1 day) is inside
    expect(rate(three!, 'reopen')).toMatchObject({ numerator: 1, denominator: 5 });
    expect(rate(three!, 'fcr')).toMatchObject({ numerator: 5, denominator: 5 });
    // 7 days + 1 s: w3 comes inside too
    expect(rate(sevenPlus!, 'reopen')).toMatchObject({ numerator: 4, denominator: 5 });
    expect(rate(sevenPlus!, 'fcr')).toMatchObject({ numerator: 2, denominator: 5 });
  });
});

describe('l1_resolution (SPEC §3 #10) and escalation (SPEC §3 #13)', () => {
  function log(): Events {
    const s = base();
    for (const id of ['l1', 'l2', 'l3', 'l4', 'l5', 'l6', 'l7', 'l8']) created(s, id);
    resolve(s, 'l1', 20); // L1, never escalated: yes
    s.add('ticket.assigned', 5, { ticket_id: 'l2', assignee_id: 'a2', by: 'd1' }); // line from a2's profile
    resolve(s, 'l2', 20, 'a2');
    s.add('ticket.escalated', 5, { ticket_id: 'l3', to_line: 2, by: 'd1' }); // escalated, then solved by d1
    resolve(s, 'l3', 20);
    resolve(s, 'l4', 20, 'x9'); // unknown line, never left line 1: L1
    s.add('ticket.assigned', 5, { ticket_id: 'l5', team_id: 'l2-team', line: 2, by: 'd1' });
    resolve(s, 'l5', 20, 'x9'); // unknown line after an assignment to line 2: not L1
    resolve(s, 'l6', 20, 'd2'); // L1 first resolution; escalated only after a reopen
    s.add('ticket.reopened', 60, { ticket_id: 'l6' })
      .add('ticket.escalated', 70, { ticket_id: 'l6', to_line: 2, by: 'd2' })
      .add('ticket.resolved', 90, { ticket_id: 'l6', by: 'a2' });
    // l7 stays open though escalated; l8 escalated twice counts once
    s.add('ticket.escalated', 5, { ticket_id: 'l7', to_line: 3, by: 'd1' })
      .add('ticket.escalated', 5, { ticket_id: 'l8', to_role: 'senior', by: 'd1' })
      .add('ticket.escalated', 10, { ticket_id: 'l8', to_role: 'manager', by: 'd1' });
    resolve(s, 'l8', 20);
    // previous week: one ticket, escalated and resolved by L2
    s.add('ticket.created', -3 * 1440, { ticket_id: 'l0', channel: 'email', by: 'd1' })
      .add('ticket.escalated', -3 * 1440 + 5, { ticket_id: 'l0', to_line: 2, by: 'd1' })
      .add('ticket.resolved', -3 * 1440 + 20, { ticket_id: 'l0', by: 'a2' });
    return s;
  }

  it('counts over resolved tickets, with tiers and trends (escalation: lower is better)', async () => {
    const r = await kpisFor(log().events, {}, { ids: ['l1_resolution', 'escalation'] });
    // L1: l1, l4, l6 of l1–l6, l8; escalated: l3, l6, l8
    expect(rate(r, 'l1_resolution')).toEqual(share(3, 7, 'poor'));
    expect(rate(r, 'escalation')).toEqual(share(3, 7, 'poor'));
    expect(kpiOf(r, 'l1_resolution').trend).toMatchObject({
      previous: 0,
      direction: 'up',
      assessment: 'better',
    });
    expect(kpiOf(r, 'escalation').trend).toMatchObject({
      previous: 1,
      direction: 'down',
      assessment: 'better',
    });
    expect((kpiOf(r, 'escalation').trend as { change: number }).change).toBeCloseTo(3 / 7 - 1, 12);
  });

  it('tiers at the default thresholds: escalation 25 % is good, L1 resolution 75 % is excellent', async () => {
    const s = base();
    for (const id of ['e1', 'e2', 'e3', 'e4']) {
      created(s, id);
      resolve(s, id, 20);
    }
    s.add('ticket.escalated', 10, { ticket_id: 'e4', to_role: 'senior', by: 'd1' });
    const r = await kpisFor(s.events, {}, { ids: ['l1_resolution', 'escalation'] });
    expect(rate(r, 'escalation')).toEqual(share(1, 4, 'good'));
    expect(rate(r, 'l1_resolution')).toEqual(share(3, 4, 'excellent'));
  });
});

describe('correct_classification (SPEC §3 #11) and correct_assignment (SPEC §3 #12)', () => {
  it('classified by L1 and never reclassified ÷ classified by L1; by classifier', async () => {
    const s = base();
    const cls = (id: string, m: number, category: string, by: string) =>
      s.add('ticket.classified', m, { ticket_id: id, category, by });
    s.add('ticket.created', 0, { ticket_id: 'k1', channel: 'email', category: 'delivery', by: 'd1' });
    for (const id of ['k2', 'k3', 'k4', 'k5', 'k6', 'k7', 'k8', 'k9']) created(s, id);
    cls('k2', 1, 'delivery', 'd1').add('ticket.reclassified', 5, {
      ticket_id: 'k2',
      from: 'delivery',
      to: 'warranty',
      by: 'a2',
    });
    cls('k3', 1, 'delivery', 'd1');
    cls('k3', 5, 'delivery', 'd2'); // the same category again: no change
    cls('k4', 1, 'delivery', 'd1').add('ticket.reclassified', 5, {
      ticket_id: 'k4',
      to: 'delivery',
      by: 'd1',
    });
    cls('k5', 1, 'delivery', 'a2'); // classified by L2: not in the rate
    cls('k6', 1, 'delivery', 'x9'); // an unknown line counts as L1…
    cls('k6', 5, 'refund', 'x9'); // …and another category is a reclassification
    cls('k7', 1, 'refund', 'd1').add('ticket.closed', 30, { ticket_id: 'k7', by: 'd1' }); // closed unresolved
    cls('k8', 1, 'refund', 'd1'); // still open: no reference instant yet
    cls('k9', 1, 'delivery', 'd2');
    for (const id of ['k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k9']) resolve(s, id, 20);
    s.add('ticket.reopened', 40, { ticket_id: 'k9' }).add('ticket.reclassified', 45, {
      ticket_id: 'k9',
      to: 'warranty',
      by: 'a2',
    });
    const r = await kpisFor(s.events, { by: 'agent' }, { ids: ['correct_classification'] });
    // yes: k1, k3, k4, k7; no: k2, k6, k9
    expect(rate(r, 'correct_classification')).toEqual(share(4, 7, 'poor'));
    expect(groupRates(r, 'correct_classification')).toEqual({ d1: [4, 5], d2: [0, 1], x9: [0, 1] });
  });

  it('manually assigned and kept (escalation excepted) ÷ manually assigned; by assigner', async () => {
    const s = base();
    const assign = (
      id: string,
      m: number,
      f: { assignee_id?: string; team_id?: string; line?: 1 | 2 | 3 },
      by?: string,
    ) => s.add('ticket.assigned', m, { ticket_id: id, ...f, ...(by ? { by } : {}) });
    for (const id of ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9', 'm10']) created(s, id);
    s.add('ticket.assigned', 1, { ticket_id: 'm1', assignee_id: 'd1', mode: 'manual', by: 'd1' });
    assign('m2', 1, { assignee_id: 'd1' }, 'd2');
    assign('m2', 5, { assignee_id: 'd2' }, 'd2'); // another assignee: changed
    assign('m3', 1, { assignee_id: 'd1' }, 'd1').add('ticket.escalated', 5, {
      ticket_id: 'm3',
      to_line: 2,
      by: 'd1',
    });
    assign('m3', 6, { assignee_id: 'a2', line: 2 }, 'd1'); // caused by the escalation: not a reassignment
    assign('m4', 1, { assignee_id: 'd1' }, 'd1').add('ticket.escalated', 5, {
      ticket_id: 'm4',
      to_line: 2,
      by: 'd1',
    });
    assign('m4', 6, { assignee_id: 'a2', line: 2 }, 'd1');
    assign('m4', 8, { assignee_id: 'a3', line: 3 }, 'a2'); // a second change after the escalation
    s.add('ticket.assigned', 1, { ticket_id: 'm5', assignee_id: 'd1', mode: 'auto', by: 'd2' }); // auto only
    assign('m6', 1, { team_id: 'desk' }, 'd2');
    assign('m6', 2, { assignee_id: 'd1', team_id: 'desk' }, 'd1');
    assign('m6', 3, { assignee_id: 'd1' }, 'd1'); // picked up inside the team, then repeated: kept
    assign('m7', 1, { assignee_id: 'd1' }); // imported without mode: manual
    assign('m8', 1, { assignee_id: 'd1' }, 'd1');
    assign('m8', 5, {}, 'd1'); // names neither assignee nor team: a change
    assign('m9', 1, { assignee_id: 'd1' }, 'd2').add('ticket.closed', 30, { ticket_id: 'm9', by: 'd1' });
    assign('m10', 1, { team_id: 'desk' }, 'd2');
    assign('m10', 5, { team_id: 'billing' }, 'd2'); // another team: a change
    for (const id of ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm10']) resolve(s, id, 20);
    const r = await kpisFor(s.events, { by: 'agent' }, { ids: ['correct_assignment'] });
    // kept: m1, m3, m6, m7, m9; changed: m2, m4, m8, m10; m5 was never assigned manually
    expect(rate(r, 'correct_assignment')).toEqual(share(5, 9, 'poor'));
    expect(groupRates(r, 'correct_assignment')).toEqual({ '(none)': [1, 1], d1: [2, 4], d2: [2, 4] });
  });
});

describe('empty cuts', () => {
  it('a filter that leaves no ticket: 0 ÷ 0 is value null, no tier, never NaN or 0', async () => {
    const s = base();
    created(s, 'z1');
    reply(s, 'z1', 10);
    resolve(s, 'z1', 20);
    const ids = [
      'fcr',
      'l1_resolution',
      'escalation',
      'reopen',
      'correct_classification',
      'correct_assignment',
    ] as const;
    const r = await kpisFor(s.events, { filters: { category: ['nothing-like-this'] } }, { ids });
    for (const id of ids) {
      const k = kpiOf(r, id);
      expect(k).toMatchObject({ numerator: 0, denominator: 0, value: null, headline: null, tier: null });
      expect(k.trend).toMatchObject(NO_TREND);
    }
  });
});
