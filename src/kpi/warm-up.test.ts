import { describe, expect, it } from 'vitest';
import { randomHistory } from '../../test/support/random-history.js';
import { storeKinds } from '../../test/support/stores.js';
import { ingest } from '../ingest/ingest.js';
import { computeKpis } from './engine.js';
import { rollupStats } from './frame-rollup.js';
import { kpiQueryParams, toKpiQuery } from './query-params.js';
import { warmDashboard } from './warm-up.js';

const now = Date.parse('2026-04-03T12:00:00Z');
const view = (period: Record<string, string>) =>
  toKpiQuery(kpiQueryParams.parse({ ...period, bucket: 'day' }), 'UTC', now).query;

describe('dashboard warm-up after a start', () => {
  it('leaves no whole day of the default views to fold item by item', async () => {
    const db = await storeKinds[0]!.fresh();
    const writer = await db.open();
    try {
      const history = randomHistory(17, 300);
      for (let i = 0; i < history.length; i += 500) await ingest(writer, history.slice(i, i + 500));
      const cold = await db.open();
      const warm = await db.open();
      try {
        const before = { ...rollupStats };
        // a server that was not warmed folds the 30-day view's days (and the 30 before) item by item
        await computeKpis(cold, view({}));
        expect(rollupStats.foldedDays - before.foldedDays).toBeGreaterThanOrEqual(60);

        const { from, to } = await warmDashboard(warm, now);
        expect((to - from) / 86_400_000).toBe(92);
        // 30 days (the default), 7 days, and the longest quarter so far: 92 days
        const periods: Record<string, string>[] = [{}, { from: '2026-03-28' }, { from: '2026-01-02' }];
        for (const period of periods) {
          const at = { ...rollupStats };
          const report = await computeKpis(warm, view(period));
          expect(rollupStats.foldedDays - at.foldedDays).toBe(0);
          expect(rollupStats.keptDays - at.keptDays).toBeGreaterThan(0);
          // and the figures are those of a server that computed the view from its items
          expect(report).toEqual(await computeKpis(cold, view(period)));
        }
      } finally {
        await cold.close();
        await warm.close();
      }
    } finally {
      await writer.close();
      await db.dispose();
    }
  });
});
