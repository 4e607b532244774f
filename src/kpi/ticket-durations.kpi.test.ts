// SPEC §3 #4 first response, #5 time to assign, #14 resolution (with the final and "after dialogue" figures),
// on small hand-built logs. Default targets (SPEC §4): first response e-mail 1 h / 4 h / 12 h, chat 1 / 5 / 60 min,
// phone 20 s / 1 min / 5 min; time to assign 15 min / 1 h / 4 h (urgent 5 / 15 / 60 min); resolution 4 / 24 / 72 h
// (high 2 / 8 / 24 h). `within_target` is the share ≤ the good threshold; the tier is the best one reached by at
// least half of the items.
import { describe, expect, it } from 'vitest';
import { duration, Events, groupsOf, kpiOf, kpisFor, NO_TREND } from './kpi-test-helpers.js';
import { DEFAULT_TARGETS } from './targets.js';

const EMPTY_DURATION = duration(0, 0, null, null, null, null, 0);

describe('first_response (SPEC §3 #4)', () => {
  /**
   * f1 e-mail: a note at 5 min, public comment at 30 min → 1800 s (d1); f2 e-mail: clarification after 2 h → 7200 s
   * (a2); f3 chat from an answered contact: offered 18, answered 20 → 120 s (d2); f4 phone without a contact: reply
   * after 10 min → 600 s (d1); f5 open with only a note → pending; f6 closed and f7 resolved without any reply →
   * neither. Previous week: p1 e-mail answered after 3 h (within target).
   */
  function log(): Events {
    return new Events()
      .agents({ d1: 1, d2: 1, a2: 2 })
      .add('ticket.created', -3 * 1440, { ticket_id: 'p1', channel: 'email', by: 'd1' })
      .add('ticket.replied', -3 * 1440 + 180, { ticket_id: 'p1', by: 'd1', kind: 'comment' })
      .add('ticket.created', 0, { ticket_id: 'f1', channel: 'email', by: 'd1' })
      .add('ticket.note', 5, { ticket_id: 'f1', by: 'd1' })
      .add('ticket.replied', 30, { ticket_id: 'f1', by: 'd1', kind: 'comment' })
      .add('ticket.created', 10, { ticket_id: 'f2', channel: 'email', by: 'd1' })
      .add('ticket.replied', 130, { ticket_id: 'f2', by: 'a2', kind: 'clarification' })
      .add('contact.offered', 18, { contact_id: 'c3', channel: 'chat', customer: 'ann' })
      .add('contact.queued', 19, { contact_id: 'c3' })
      .add('contact.answered', 20, { contact_id: 'c3', agent_id: 'd2' })
      .add('ticket.created', 22, { ticket_id: 'f3', channel: 'chat', contact_id: 'c3', by: 'd2' })
      .add('ticket.replied', 40, { ticket_id: 'f3', by: 'd1', kind: 'solution' })
      .add('ticket.created', 30, { ticket_id: 'f4', channel: 'phone', by: 'd1' })
      .add('ticket.replied', 40, { ticket_id: 'f4', by: 'd1', kind: 'comment' })
      .add('ticket.created', 50, { ticket_id: 'f5', channel: 'email', by: 'd1' })
      .add('ticket.note', 60, { ticket_id: 'f5', by: 'd1' })
      .add('ticket.created', 55, { ticket_id: 'f6', channel: 'email', by: 'd1' })
      .add('ticket.closed', 70, { ticket_id: 'f6', by: 'd1' })
      .add('ticket.created', 56, { ticket_id: 'f7', channel: 'web', by: 'd1' })
      .add('ticket.resolved', 80, { ticket_id: 'f7', by: 'd1' });
  }

  it('count, pending, mean, nearest-rank median and p90, share within target, tier and trend', async () => {
    const k = kpiOf(await kpisFor(log().events, {}, { ids: ['first_response'] }), 'first_response');
    // values 120, 600, 1800, 7200; within the good target: f1, f2, f3 (f4 phone > 60 s); excellent: f1 only
    expect(k).toMatchObject({ kind: 'duration', ...duration(4, 1, 2430, 600, 7200, 0.75, 4) });
    expect(k).toMatchObject({ tier: 'good', headline: 0.75 });
    expect(k.trend).toEqual({
      measure: 'share',
      previous: 1,
      change: -0.25,
      direction: 'down',
      assessment: 'worse',
    });
  });

  it('by agent: the first responder (the agent who answered the contact for a live ticket)', async () => {
    const g = groupsOf(
      await kpisFor(log().events, { by: 'agent' }, { ids: ['first_response'] }),
      'first_response',
    );
    expect(Object.keys(g)).toEqual(['(none)', 'a2', 'd1', 'd2']);
    // d1: f4 600 s (phone, misses 60 s) and f1 1800 s (e-mail, excellent): half reach excellent
    expect(g.d1).toMatchObject({ count: 2, mean_s: 1200, median_s: 600, p90_s: 1800, within_target: 0.5 });
    expect(g.d1!.tier).toBe('excellent');
    expect(g.d2).toMatchObject({ count: 1, median_s: 120, within_target: 1, tier: 'good' });
    expect(g.a2).toMatchObject({ count: 1, median_s: 7200, within_target: 1, tier: 'good' });
    expect(g['(none)']).toMatchObject({ count: 0, pending: 1, median_s: null });
  });

  it('phone and chat: the live answer is the first response, counted from the first ring', async () => {
    const s = new Events()
      .agents({ d1: 1, d2: 1 })
      // g1: rings at 0, answered at 1 → 60 s, though the first public reply comes at 30 min
      .add('contact.offered', 0, { contact_id: 'c1', channel: 'phone', customer: '+70000000001' })
      .add('contact.queued', 0.5, { contact_id: 'c1' })
      .add('contact.answered', 1, { contact_id: 'c1', agent_id: 'd1' })
      .add('ticket.created', 2, { ticket_id: 'g1', channel: 'phone', contact_id: 'c1', by: 'd1' })
      .add('ticket.replied', 30, { ticket_id: 'g1', by: 'd1', kind: 'comment' })
      // g2: a phone ticket with no linked contact takes the first public reply → 60 s
      .add('ticket.created', 10, { ticket_id: 'g2', channel: 'phone', by: 'd1' })
      .add('ticket.replied', 11, { ticket_id: 'g2', by: 'd1', kind: 'comment' })
      // g3: born from an abandoned call: from its ring at 20 to the reply at 40 → 1200 s
      .add('contact.offered', 20, { contact_id: 'c3', channel: 'phone', customer: '+70000000003' })
      .add('contact.queued', 20, { contact_id: 'c3' })
      .add('contact.abandoned', 21, { contact_id: 'c3' })
      .add('ticket.created', 22, { ticket_id: 'g3', channel: 'phone', contact_id: 'c3', by: 'd1' })
      .add('ticket.replied', 40, { ticket_id: 'g3', by: 'd1', kind: 'comment' })
      // g4: a chat linked after the ticket was created: the earliest linked contact is its origin → 60 s
      .add('contact.offered', 50, { contact_id: 'c4', channel: 'chat', customer: 'bob' })
      .add('contact.answered', 51, { contact_id: 'c4', agent_id: 'd2' })
      .add('ticket.created', 52, { ticket_id: 'g4', channel: 'chat', by: 'd2' })
      .add('contact.linked', 53, { contact_id: 'c4', ticket_id: 'g4' });
    const k = kpiOf(await kpisFor(s.events, {}, { ids: ['first_response'] }), 'first_response');
    // values 60, 60, 60, 1200: phone good is ≤ 60 s (met exactly), chat good 5 min
    expect(k).toMatchObject({ ...duration(4, 0, 345, 60, 1200, 0.75, 4), tier: 'good' });
  });

  it('events that arrive late and out of order are replayed in event time', async () => {
    const s = new Events().agents({ d1: 1 });
    s.add('ticket.resolved', 60, { ticket_id: 'o1', by: 'd1' }).add('ticket.created', 0, {
      ticket_id: 'o1',
      channel: 'email',
      by: 'd1',
    });
    const late = new Events(s.origin, 'late')
      .add('ticket.replied', 40, { ticket_id: 'o1', by: 'd1', kind: 'comment' })
      .add('ticket.note', 2, { ticket_id: 'o1', by: 'd1' })
      .add('ticket.assigned', 5, { ticket_id: 'o1', assignee_id: 'd1', line: 1, by: 'd1' })
      .add('ticket.replied', 20, { ticket_id: 'o1', by: 'd1', kind: 'comment' });
    const r = await kpisFor(
      s.events,
      {},
      { ids: ['first_response', 'time_to_assign', 'resolution'], later: [late.events] },
    );
    expect(kpiOf(r, 'first_response')).toMatchObject({ count: 1, pending: 0, median_s: 1200 });
    expect(kpiOf(r, 'time_to_assign')).toMatchObject({ count: 1, pending: 0, median_s: 300 });
    expect(kpiOf(r, 'resolution')).toMatchObject({ count: 1, pending: 0, median_s: 3600 });
    // two public replies before the resolution: not first-contact, so it is "after dialogue"
    expect(kpiOf(r, 'resolution').after_dialogue).toMatchObject({ count: 1, median_s: 3600 });
  });
});

describe('time_to_assign (SPEC §3 #5)', () => {
  it('from the start (a phone ticket: the first ring) to the first assignment; unassigned open tickets pend', async () => {
    const s = new Events()
      .agents({ d1: 1, d2: 1, a2: 2 })
      .add('ticket.created', 0, { ticket_id: 'a1', channel: 'email', by: 'd1' })
      .add('ticket.assigned', 20, { ticket_id: 'a1', assignee_id: 'd1', team_id: 'desk', line: 1, by: 'd1' })
      .add('ticket.assigned', 25, { ticket_id: 'a1', assignee_id: 'a2', line: 2, by: 'd1' })
      .add('contact.offered', 10, { contact_id: 'c2', channel: 'phone', customer: '+70000000002' })
      .add('contact.answered', 11, { contact_id: 'c2', agent_id: 'd2' })
      .add('ticket.created', 13, { ticket_id: 'a2', channel: 'phone', contact_id: 'c2', by: 'd2' })
      .add('ticket.assigned', 25, { ticket_id: 'a2', team_id: 'desk', mode: 'auto', by: 'd2' })
      .add('ticket.created', 30, { ticket_id: 'a3', channel: 'email', priority: 'urgent', by: 'd1' })
      .add('ticket.assigned', 50, { ticket_id: 'a3', assignee_id: 'a2', line: 2, by: 'd1' })
      .add('ticket.created', 40, { ticket_id: 'a4', channel: 'email', by: 'd1' })
      .add('ticket.created', 45, { ticket_id: 'a5', channel: 'email', by: 'd1' })
      .add('ticket.closed', 46, { ticket_id: 'a5', by: 'd1' })
      .add('ticket.created', 60, { ticket_id: 'a6', channel: 'web', by: 'd1' })
      .add('ticket.assigned', 70, { ticket_id: 'a6', team_id: 'desk', by: 'd1' });
    const r = await kpisFor(s.events, { by: 'agent' }, { ids: ['time_to_assign'] });
    // a1 1200 s, a2 900 s from the ring at 10, a3 1200 s (urgent: misses 15 min), a6 600 s (a team is enough);
    // excellent (≤ 15 min) is reached by a2 and a6: half of four
    expect(kpiOf(r, 'time_to_assign')).toMatchObject({
      ...duration(4, 1, 975, 900, 1200, 0.75, 4),
      tier: 'excellent',
    });
    const g = groupsOf(r, 'time_to_assign');
    expect(g.d1).toMatchObject({ count: 3, median_s: 1200, within_target: 2 / 3 });
    expect(g.d2).toMatchObject({ count: 1, median_s: 900, within_target: 1 });
    expect(g['(none)']).toMatchObject({ count: 0, pending: 1 });
  });
});

describe('resolution (SPEC §3 #14)', () => {
  /**
   * r1 FCR 3600 s; r2 customer reply and a second reply → 7200 s, after dialogue; r3 resolved at 30 min, reopened
   * after a day, resolved again at 25 h → first 1800 s, final 90 000 s, after dialogue; r4 high priority, 10 h →
   * misses 8 h; r5 spam resolved in 5 min without a response (out of "after dialogue"); r6 open → pending; r7 closed
   * unresolved → neither; r8 resolved at 20 min then reopened and still open → first 1200 s, no final, after dialogue.
   */
  function log(): Events {
    const s = new Events().agents({ d1: 1, d2: 1, a2: 2 });
    const reply = (id: string, m: number, by = 'd1') =>
      s.add('ticket.replied', m, { ticket_id: id, by, kind: 'comment' });
    for (const id of ['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8']) {
      const priority = id === 'r4' ? 'high' : 'normal';
      s.add('ticket.created', 0, { ticket_id: id, channel: 'email', priority, by: 'd1' });
    }
    reply('r1', 10).add('ticket.resolved', 60, { ticket_id: 'r1', by: 'd1' });
    reply('r2', 10).add('ticket.customer_replied', 20, { ticket_id: 'r2' });
    reply('r2', 30).add('ticket.resolved', 120, { ticket_id: 'r2', by: 'd1' });
    reply('r3', 5).add('ticket.resolved', 30, { ticket_id: 'r3', by: 'd1' });
    s.add('ticket.reopened', 1440, { ticket_id: 'r3' }).add('ticket.resolved', 1500, {
      ticket_id: 'r3',
      by: 'd1',
    });
    reply('r4', 10, 'a2').add('ticket.resolved', 600, { ticket_id: 'r4', by: 'a2' });
    s.add('ticket.resolved', 5, { ticket_id: 'r5', by: 'd2' });
    s.add('ticket.closed', 90, { ticket_id: 'r7', by: 'd1' });
    reply('r8', 10).add('ticket.resolved', 20, { ticket_id: 'r8', by: 'd1' });
    s.add('ticket.reopened', 40, { ticket_id: 'r8' });
    return s;
  }

  it('first resolution: count, pending, statistics, target share and tier', async () => {
    const k = kpiOf(await kpisFor(log().events, {}, { ids: ['resolution'] }), 'resolution');
    // values 300, 1200, 1800, 3600, 7200, 36000; all but r4 within 24 h and within 4 h (excellent)
    expect(k).toMatchObject({ ...duration(6, 1, 8350, 1800, 36000, 5 / 6, 6), tier: 'excellent' });
  });

  it('final resolution after reopens, and "after dialogue" over resolved non-FCR tickets', async () => {
    const k = kpiOf(await kpisFor(log().events, {}, { ids: ['resolution'] }), 'resolution');
    // final: r5 300, r1 3600, r2 7200, r4 36000, r3 90000 (beyond 24 h); r8 is open again
    expect(k.final).toEqual(duration(5, 0, 27420, 7200, 90000, 0.6, 5));
    // after dialogue: r8 1200, r3 1800, r2 7200
    expect(k.after_dialogue).toEqual(duration(3, 0, 3400, 1800, 7200, 1, 3));
  });

  it('by agent: the resolver', async () => {
    const g = groupsOf(await kpisFor(log().events, { by: 'agent' }, { ids: ['resolution'] }), 'resolution');
    expect(Object.keys(g)).toEqual(['(none)', 'a2', 'd1', 'd2']);
    expect(g.d1).toMatchObject({ count: 4, mean_s: 3450, median_s: 1800 });
    expect(g.a2).toMatchObject({ count: 1, median_s: 36000, within_target: 0, tier: 'satisfactory' });
    expect(g.d2).toMatchObject({ count: 1, median_s: 300 });
    expect(g['(none)']).toMatchObject({ count: 0, pending: 1 });
  });
});

describe('business time and empty cuts', () => {
  /**
   * Team "support" works Mon–Fri 09:00–18:00 Moscow time; Monday 2026-03-09 is a holiday. h1 (team support) and h2
   * (no team: the default 24/7 calendar) are created Friday 17:00 MSK, assigned at 17:30, answered Tuesday 10:00
   * and resolved Tuesday 12:00 MSK. Calendar: 1800 s, 89 h, 91 h. Business for h1: 1800 s, 2 h, 4 h.
   */
  function log(): Events {
    const fri17 = Date.parse('2026-03-06T17:00:00+03:00');
    const tue = 4 * 1440 - 7 * 60; // Tuesday 10:00 MSK, in minutes after Friday 17:00
    const s = new Events(fri17)
      .add('calendar.defined', -7 * 1440, {
        calendar_id: 'office',
        time_zone: 'Europe/Moscow',
        week: {
          mon: [['09:00', '18:00']],
          tue: [['09:00', '18:00']],
          wed: [['09:00', '18:00']],
          thu: [['09:00', '18:00']],
          fri: [['09:00', '18:00']],
        },
        exceptions: [{ date: '2026-03-09', intervals: [] }],
      })
      .add('team.profile', -7 * 1440, { team_id: 'support', calendar_id: 'office' })
      .agents({ d1: 1 }, 'support');
    for (const id of ['h1', 'h2']) {
      s.add('ticket.created', 0, { ticket_id: id, channel: 'email', by: 'd1' })
        .add('ticket.assigned', 30, {
          ticket_id: id,
          assignee_id: 'd1',
          line: 1,
          by: 'd1',
          ...(id === 'h1' ? { team_id: 'support' } : {}),
        })
        .add('ticket.replied', tue, { ticket_id: id, by: 'd1', kind: 'comment' })
        .add('ticket.resolved', tue + 120, { ticket_id: id, by: 'd1' });
    }
    return s;
  }
  const period = { from: Date.parse('2026-03-02T00:00:00Z'), to: Date.parse('2026-03-16T00:00:00Z') };
  const ids = ['first_response', 'time_to_assign', 'resolution'] as const;

  it('a ticket spanning a weekend and a holiday: business time on its team calendar', async () => {
    const r = await kpisFor(log().events, { ...period, time: 'business', by: 'team' }, { ids });
    const fr = groupsOf(r, 'first_response');
    expect(fr.support).toMatchObject({ count: 1, median_s: 7200, within_target: 1, tier: 'good' });
    expect(fr['(none)']).toMatchObject({ count: 1, median_s: 320_400, within_target: 0, tier: 'poor' });
    expect(groupsOf(r, 'resolution').support).toMatchObject({ median_s: 14_400, tier: 'excellent' });
    expect(groupsOf(r, 'time_to_assign').support).toMatchObject({ median_s: 1800 });
    expect(kpiOf(r, 'first_response')).toMatchObject({
      count: 2,
      mean_s: 163_800,
      median_s: 7200,
      p90_s: 320_400,
    });
  });

  it('the same tickets in calendar time', async () => {
    const r = await kpisFor(log().events, { ...period, time: 'calendar' }, { ids });
    expect(kpiOf(r, 'first_response')).toMatchObject({
      count: 2,
      median_s: 320_400,
      within_target: 0,
      tier: 'poor',
    });
    expect(kpiOf(r, 'resolution')).toMatchObject({
      count: 2,
      median_s: 327_600,
      within_target: 0,
      tier: 'poor',
    });
    expect(kpiOf(r, 'time_to_assign')).toMatchObject({ count: 2, median_s: 1800, within_target: 1 });
  });

  it('a filter that leaves no ticket gives nulls, never NaN or 0', async () => {
    const r = await kpisFor(log().events, { ...period, filters: { channel: ['social'] } }, { ids });
    for (const id of ids) {
      const k = kpiOf(r, id);
      expect(k).toMatchObject({ ...EMPTY_DURATION, headline: null, tier: null });
      expect(k.trend).toMatchObject(NO_TREND);
    }
    expect(kpiOf(r, 'resolution').final).toEqual(EMPTY_DURATION);
    expect(kpiOf(r, 'resolution').after_dialogue).toEqual(EMPTY_DURATION);
  });
});

describe('trend of a duration without a target policy', () => {
  it('the headline is the mean, and a longer mean is worse', async () => {
    const s = new Events()
      .agents({ d1: 1 })
      .add('ticket.created', -3 * 1440, { ticket_id: 'p', channel: 'email', by: 'd1' })
      .add('ticket.replied', -3 * 1440 + 10, { ticket_id: 'p', by: 'd1', kind: 'comment' })
      .add('ticket.created', 0, { ticket_id: 't', channel: 'email', by: 'd1' })
      .add('ticket.replied', 60, { ticket_id: 't', by: 'd1', kind: 'comment' });
    const targets = { ...DEFAULT_TARGETS, durations: { ...DEFAULT_TARGETS.durations, first_response: [] } };
    const k = kpiOf(await kpisFor(s.events, {}, { ids: ['first_response'], targets }), 'first_response');
    expect(k).toMatchObject({ ...duration(1, 0, 3600, 3600, 3600, null, 0), headline: 3600, tier: null });
    expect(k.trend).toEqual({
      measure: 'mean',
      previous: 600,
      change: 3000,
      direction: 'up',
      assessment: 'worse',
    });
  });
});
