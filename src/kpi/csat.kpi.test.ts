// SPEC §3 #16 CSAT (reference: rated; the latest rating counts), #17 rated share and #18 call-back share
// (reference: the first resolution). Runs against every available store kind (SQLite, and PostgreSQL when a
// server is available) to show that both give the same numbers.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeKinds } from '../../test/support/stores.js';
import type { KpiReport } from './engine.js';
import { Events, groupsOf, kpiOf, kpisFor } from './kpi-test-helpers.js';
import type { KpiId, KpiQuery } from './types.js';

const EMPTY_SCORES = { numerator: 0, denominator: 0, value: null, mean_score: null };

/**
 * t1 rated 5 by link; t2 called back (reached) and rated 4 in the call; t3 rated 2 by link; t4 rated 1 on the portal,
 * then 5 by link (the latest counts); t5 called back without an answer, never rated; t6 still open, rated 3 on
 * the portal; t7 resolved this week but rated after it. Previous week: p1 rated 1. Resolvers: d1 (t1, t2, t5, t7),
 * d2 (t3, t4).
 */
function log(): Events {
  const s = new Events().agents({ d1: 1, d2: 1 });
  const resolved = (id: string, by: string, m = 20) =>
    s
      .add('ticket.created', 0, { ticket_id: id, channel: 'email', by: 'd1' })
      .add('ticket.replied', 10, { ticket_id: id, by, kind: 'solution' })
      .add('ticket.resolved', m, { ticket_id: id, by });
  resolved('t1', 'd1').add('ticket.rated', 60, { ticket_id: 't1', score: 5, via: 'link' });
  resolved('t2', 'd1')
    .add('ticket.callback', 100, { ticket_id: 't2', outcome: 'reached', by: 'd2' })
    .add('ticket.rated', 101, { ticket_id: 't2', score: 4, via: 'callback' });
  resolved('t3', 'd2').add('ticket.rated', 120, { ticket_id: 't3', score: 2, via: 'link', comment: 'slow' });
  resolved('t4', 'd2')
    .add('ticket.rated', 30, { ticket_id: 't4', score: 1, via: 'portal' })
    .add('ticket.rated', 200, { ticket_id: 't4', score: 5, via: 'link' });
  resolved('t5', 'd1').add('ticket.callback', 100, { ticket_id: 't5', outcome: 'no_answer', by: 'd2' });
  s.add('ticket.created', 0, { ticket_id: 't6', channel: 'email', by: 'd1' }).add('ticket.rated', 50, {
    ticket_id: 't6',
    score: 3,
    via: 'portal',
  });
  resolved('t7', 'd1').add('ticket.rated', 8 * 1440, { ticket_id: 't7', score: 5, via: 'link' });
  s.add('ticket.created', -3 * 1440, { ticket_id: 'p1', channel: 'email', by: 'd1' })
    .add('ticket.resolved', -3 * 1440 + 20, { ticket_id: 'p1', by: 'd1' })
    .add('ticket.rated', -3 * 1440 + 60, { ticket_id: 'p1', score: 1, via: 'link' });
  return s;
}

const IDS: readonly KpiId[] = ['csat', 'rated', 'callback'];
const rate = (r: KpiReport, id: KpiId) => {
  const { numerator, denominator, value, tier } = kpiOf(r, id);
  return { numerator, denominator, value, tier };
};

for (const kind of storeKinds) {
  describe.skipIf(!kind.available)(`satisfaction KPIs on ${kind.name}`, () => {
    let fresh: Awaited<ReturnType<typeof kind.fresh>>;
    beforeEach(async () => {
      fresh = await kind.fresh();
    });
    afterEach(async () => {
      await fresh?.dispose();
    });
    const report = (q: Partial<KpiQuery> = {}) =>
      kpisFor(log().events, q, { ids: IDS, open: () => fresh.open() });

    it('csat: satisfied share (4–5 ÷ rated) and mean score by rating instant; tier and trend', async () => {
      const k = kpiOf(await report(), 'csat');
      // t1 5, t2 4, t3 2, t4 5 (latest), t6 3; t7's rating is after the period
      expect(k).toMatchObject({
        kind: 'rate',
        numerator: 3,
        denominator: 5,
        value: 0.6,
        mean_score: 3.8,
        headline: 0.6,
        tier: 'poor',
      });
      expect(k.trend).toEqual({
        measure: 'value',
        previous: 0,
        change: 0.6,
        direction: 'up',
        assessment: 'better',
      });
    });

    it('csat by rating channel (by_via): the latest rating decides the channel', async () => {
      expect(kpiOf(await report(), 'csat').by_via).toEqual({
        link: { numerator: 2, denominator: 3, value: 2 / 3, mean_score: 4 },
        callback: { numerator: 1, denominator: 1, value: 1, mean_score: 4 },
        portal: { numerator: 0, denominator: 1, value: 0, mean_score: 3 },
      });
    });

    it('csat by agent: the resolver (an unresolved ticket has none)', async () => {
      const g = groupsOf(await report({ by: 'agent' }), 'csat');
      expect(g).toEqual({
        '(none)': { numerator: 0, denominator: 1, value: 0, mean_score: 3, tier: 'poor' },
        d1: { numerator: 2, denominator: 2, value: 1, mean_score: 4.5, tier: 'excellent' },
        d2: { numerator: 1, denominator: 2, value: 0.5, mean_score: 3.5, tier: 'poor' },
      });
    });

    it('rated and call-back shares over tickets resolved in the period; an unanswered call-back is no call-back', async () => {
      const r = await report();
      // resolved: t1, t2, t3, t4, t5, t7; rated: t1, t2, t3, t4, t7; reached by a call-back: t2
      expect(rate(r, 'rated')).toEqual({ numerator: 5, denominator: 6, value: 5 / 6, tier: 'excellent' });
      expect(rate(r, 'callback')).toEqual({ numerator: 1, denominator: 6, value: 1 / 6, tier: 'excellent' });
      // previous week: p1 resolved and rated, never called back
      expect(kpiOf(r, 'rated').trend).toMatchObject({ previous: 1, direction: 'down', assessment: 'worse' });
      expect(kpiOf(r, 'callback').trend).toMatchObject({
        previous: 0,
        direction: 'up',
        assessment: 'better',
      });
    });

    it('a filter that leaves nothing: nulls for every share and score, never NaN or 0', async () => {
      const r = await report({ filters: { channel: ['social'] } });
      expect(kpiOf(r, 'csat')).toMatchObject({ ...EMPTY_SCORES, headline: null, tier: null });
      expect(kpiOf(r, 'csat').by_via).toEqual({
        link: EMPTY_SCORES,
        callback: EMPTY_SCORES,
        portal: EMPTY_SCORES,
      });
      for (const id of ['rated', 'callback'] as const)
        expect(rate(r, id)).toEqual({ numerator: 0, denominator: 0, value: null, tier: null });
    });
  });
}
