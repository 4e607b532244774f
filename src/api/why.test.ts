import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Stream } from '../../test/support/builder.js';
import { storeKinds } from '../../test/support/stores.js';
import { type ViewApp, viewApp } from '../../test/support/view-app.js';

type Part = { key: string; mix: number; rate: number; total: number };
const rounded = (parts: Part[]) =>
  parts.map((p) => [p.key, +p.mix.toFixed(9), +p.rate.toFixed(9), +p.total.toFixed(9)]);

for (const kind of storeKinds)
  describe.skipIf(!kind.available)(`GET /api/v1/kpis/:id/why (${kind.name})`, () => {
    let v: ViewApp;
    const CUT = 'from=2026-03-02&to=2026-03-02';

    beforeAll(async () => {
      // 03-01 (the previous period): e-mail e1 answered in 30 min and solved at once (FCR), e2 answered after
      // 5 h and solved after a dialogue; social s1 answered in 10 min (FCR), s2 after 2 h with a dialogue.
      // 03-02: e-mail e3, e4 in 30 min and e5 in 5 h, all solved with one reply (FCR); social s3 in 10 min
      // with a dialogue. Targets (SPEC §4): e-mail good ≤ 4 h, social good ≤ 1 h.
      const prev = new Stream(Date.parse('2026-03-01T08:00:00Z'), 'wp-');
      const curr = new Stream(Date.parse('2026-03-02T08:00:00Z'), 'wc-');
      const oneReply = (s: Stream, id: string, channel: 'email' | 'social', replyAt: number) =>
        s
          .add('ticket.created', 0, { ticket_id: id, channel, by: 'ann' })
          .add('ticket.replied', replyAt, { ticket_id: id, by: 'ann', kind: 'solution' })
          .add('ticket.resolved', replyAt + 1, { ticket_id: id, by: 'ann' });
      const dialogue = (s: Stream, id: string, channel: 'email' | 'social', replyAt: number) =>
        s
          .add('ticket.created', 0, { ticket_id: id, channel, by: 'bob' })
          .add('ticket.replied', replyAt, { ticket_id: id, by: 'bob', kind: 'comment' })
          .add('ticket.customer_replied', replyAt + 10, { ticket_id: id })
          .add('ticket.replied', replyAt + 20, { ticket_id: id, by: 'bob', kind: 'solution' })
          .add('ticket.resolved', replyAt + 21, { ticket_id: id, by: 'bob' });
      oneReply(prev, 'e1', 'email', 30);
      dialogue(prev, 'e2', 'email', 300);
      oneReply(prev, 's1', 'social', 10);
      dialogue(prev, 's2', 'social', 120);
      oneReply(curr, 'e3', 'email', 30);
      oneReply(curr, 'e4', 'email', 30);
      oneReply(curr, 'e5', 'email', 300);
      dialogue(curr, 's3', 'social', 10);
      v = await viewApp(kind, [...prev.events, ...curr.events]);
    });
    afterAll(() => v.close());

    const why = async (qs: string) => {
      const res = await v.get(`/api/v1/kpis/${qs}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };

    it('splits an FCR move by channel into mix and rate, adding up to the change the card shows', async () => {
      // FCR e-mail 1/2 → 3/3, social 1/2 → 0/1; overall 2/4 = 0.5 → 3/4 = 0.75 (+0.25)
      // e-mail: shares 0.5 → 0.75: mix = 0.25·(0.5 + 1)/2 = 0.1875, rate = 0.5·(0.5 + 0.75)/2 = 0.3125
      // social: shares 0.5 → 0.25: mix = −0.25·(0.5 + 0)/2 = −0.0625, rate = −0.5·(0.5 + 0.25)/2 = −0.1875
      const body = await why(`fcr/why?${CUT}&by=channel`);
      expect(body).toMatchObject({ kpi: 'fcr', by: 'channel', measure: 'rate', before: 0.5, after: 0.75 });
      expect(body.change).toBeCloseTo(0.25, 12);
      expect(rounded(body.parts)).toEqual([
        ['email', 0.1875, 0.3125, 0.5],
        ['social', -0.0625, -0.1875, -0.25],
      ]);
      expect(body.parts[0].before).toEqual({ weight: 2, share: 0.5, value: 0.5 });
      expect(body.parts[0].after).toEqual({ weight: 3, share: 0.75, value: 1 });
      const card = (await v.get(`/api/v1/kpis?${CUT}&kpis=fcr`)).json().kpis.fcr;
      expect(card.trend.change).toBeCloseTo(body.change, 12);
    });

    it('reads a duration by its headline, the share within target, or by its mean when asked', async () => {
      // within target: e-mail 1/2 → 2/3, social 1/2 → 1/1; overall 2/4 → 3/4
      // e-mail: mix = 0.25·(1/2 + 2/3)/2 = 0.1458333…, rate = (1/6)·(0.5 + 0.75)/2 = 0.1041666…, total 0.25
      // social: mix = −0.25·(1/2 + 1)/2 = −0.1875, rate = (1/2)·(0.5 + 0.25)/2 = 0.1875, total 0
      const share = await why(`first_response/why?${CUT}&by=channel`);
      expect(share).toMatchObject({ measure: 'share', before: 0.5, after: 0.75 });
      expect(rounded(share.parts)).toEqual([
        ['email', 0.145833333, 0.104166667, 0.25],
        ['social', -0.1875, 0.1875, 0],
      ]);
      // means: e-mail (1800, 18000) → 9900 then (1800, 1800, 18000) → 7200; social (600, 7200) → 3900 then 600
      // overall 27,600 / 4 = 6900 → 22,200 / 4 = 5550: −1350 s
      // e-mail: mix = 0.25·(9900 + 7200)/2 = 2137.5, rate = −2700·(0.5 + 0.75)/2 = −1687.5
      // social: mix = −0.25·(3900 + 600)/2 = −562.5, rate = −3300·(0.5 + 0.25)/2 = −1237.5
      const mean = await why(`first_response/why?${CUT}&by=channel&measure=mean_s`);
      expect(mean).toMatchObject({ measure: 'mean_s', before: 6900, after: 5550, change: -1350 });
      expect(rounded(mean.parts)).toEqual([
        ['social', -562.5, -1237.5, -1800],
        ['email', 2137.5, -1687.5, 450],
      ]);
    });

    it('gives each group its own change for a count', async () => {
      // tickets created: e-mail 2 → 3, social 2 → 1
      const body = await why(`tickets_created/why?${CUT}&by=channel`);
      expect(body).toMatchObject({ measure: 'count', before: 4, after: 4, change: 0 });
      expect(body.parts.map((p: Part) => [p.key, p.total])).toEqual([
        ['email', 1],
        ['social', -1],
      ]);
    });

    it.each([
      ['fcr/why?by=tag', 'by'],
      ['break_compliance/why?by=channel', 'by'],
      ['fcr/why?by=channel&measure=share', 'measure'],
      ['fcr/why?by=channel&measure=median', 'measure'],
      ['fcr/why', 'by'],
    ])('refuses %s with a 400 naming %s', async (qs, field) => {
      const res = await v.get(`/api/v1/kpis/${qs}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    });
  });
