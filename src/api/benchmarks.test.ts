import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Stream } from '../../test/support/builder.js';
import { storeKinds } from '../../test/support/stores.js';
import { type ViewApp, viewApp } from '../../test/support/view-app.js';
import { benchmarkTier, SEED_BENCHMARKS } from '../kpi/benchmarks.js';
import { DEFAULT_TARGETS } from '../kpi/targets.js';

for (const kind of storeKinds)
  describe.skipIf(!kind.available)(`GET /api/v1/benchmarks (${kind.name})`, () => {
    let v: ViewApp;

    beforeAll(async () => {
      // 03-02 (UTC): e-mails answered after 30 min, 2 h, 5 h and 13 h, one never; chats after 30 s and 3 min;
      // a phone ticket after 10 min. 03-01: one e-mail answered after 20 min.
      const s = new Stream(Date.parse('2026-03-02T00:00:00Z'), 'bm-');
      const answered = (id: string, channel: 'email' | 'chat' | 'phone', created: number, after: number) =>
        s
          .add('ticket.created', created, { ticket_id: id, channel, by: 'ann' })
          .add('ticket.replied', created + after, { ticket_id: id, by: 'ann', kind: 'comment' });
      answered('E1', 'email', 60, 30);
      answered('E2', 'email', 60, 120);
      answered('E3', 'email', 60, 300);
      answered('E4', 'email', 60, 780);
      s.add('ticket.created', 60, { ticket_id: 'E5', channel: 'email', by: 'ann' });
      answered('C1', 'chat', 60, 0.5);
      answered('C2', 'chat', 60, 3);
      answered('P1', 'phone', 60, 10);
      answered('E0', 'email', -600, 20);
      v = await viewApp(kind, s.events);
    });
    afterAll(() => v.close());

    it('sets each channel against its seed benchmark', async () => {
      const res = await v.get('/api/v1/benchmarks?from=2026-03-02&to=2026-03-02');
      expect(res.statusCode, res.body).toBe(200);
      const by = new Map(
        (res.json().channels as { channel: string }[]).map((c) => [c.channel, c as Record<string, unknown>]),
      );
      expect([...by.keys()]).toEqual(['chat', 'email', 'phone']);
      // e-mail: 4 answered (30 min, 2 h, 5 h, 13 h), 1 pending. Within 1 h: 1 of 4; 4 h: 2 of 4; 12 h: 3 of 4.
      // Half of them (2) reach "good" (≤ 4 h), not "excellent": good. Median (nearest rank 2 of 4) = 2 h,
      // p90 (rank 4) = 13 h. Yesterday's one e-mail (20 min) was excellent.
      expect(by.get('email')).toEqual({
        channel: 'email',
        count: 4,
        pending: 1,
        median_s: 7200,
        p90_s: 46_800,
        mean_s: (1800 + 7200 + 18_000 + 46_800) / 4,
        within_target: 0.5,
        tier: 'good',
        benchmark: {
          thresholds: [3600, 14_400, 43_200],
          within: [0.25, 0.5, 0.75],
          tier: 'good',
          previous_tier: 'excellent',
        },
        previous_median_s: 1200,
      });
      // chat: 30 s and 3 min: within 1 min 1 of 2, which is half: excellent
      expect(by.get('chat')).toMatchObject({
        median_s: 30,
        benchmark: { within: [0.5, 1, 1], tier: 'excellent', previous_tier: null },
      });
      // the seeds give no benchmark for phone (its speed is the wait for an answer)
      expect(by.get('phone')).toMatchObject({ median_s: 600, benchmark: null });
    });

    it('takes the best tier that at least half of the answers reach', () => {
      expect(benchmarkTier([30, 200, 4000], SEED_BENCHMARKS.chat)).toBe('good');
      expect(benchmarkTier([4000, 5000], SEED_BENCHMARKS.chat)).toBe('poor');
      expect(benchmarkTier([], SEED_BENCHMARKS.chat)).toBeNull();
    });

    it('are the defaults of the first-response targets', () => {
      for (const [channel, t] of Object.entries(SEED_BENCHMARKS)) {
        const policy = DEFAULT_TARGETS.durations.first_response.find((p) => p.channel === channel)!;
        expect([policy.excellent_s, policy.good_s, policy.satisfactory_s]).toEqual(t);
      }
    });

    it('refuses a bad period with a 400', async () => {
      const res = await v.get('/api/v1/benchmarks?from=2026-03-05&to=2026-03-01');
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].field).toBe('from');
    });
  });
