import { afterEach, describe, expect, it } from 'vitest';
import { randomHistory } from '../../test/support/random-history.js';
import { storeKinds } from '../../test/support/stores.js';
import { ingest } from '../ingest/ingest.js';
import type { Store } from '../store/store.js';
import { computeKpis } from './engine.js';
import { kpiQueryParams, toKpiQuery } from './query-params.js';
import { KpiResultCache } from './result-cache.js';
import { KPI_IDS } from './types.js';

const { query } = toKpiQuery(
  kpiQueryParams.parse({ from: '2026-03-01', to: '2026-04-30' }),
  'UTC',
  Date.parse('2026-05-01T00:00:00Z'),
);

const sqlite = storeKinds.find((k) => k.name === 'sqlite')!;

describe('KPI result cache', () => {
  let cleanup: (() => Promise<void>) | null = null;
  afterEach(async () => {
    await cleanup?.();
    cleanup = null;
  });

  async function store(): Promise<Store> {
    const db = await sqlite.fresh();
    const s = await db.open();
    cleanup = async () => {
      await s.close();
      await db.dispose();
    };
    return s;
  }

  it('answers what the engine answers, and changes with every write and every target change', async () => {
    const s = await store();
    const cache = new KpiResultCache(s);
    const history = randomHistory(3, 80);
    await ingest(s, history.slice(0, 400));
    const first = await cache.get(query, KPI_IDS);
    expect(first).toEqual(await computeKpis(s, query));
    expect(await cache.get(query, KPI_IDS)).toBe(first); // kept while nothing is written
    await ingest(s, history.slice(400));
    const second = await cache.get(query, KPI_IDS);
    expect(second).not.toEqual(first);
    expect(second).toEqual(await computeKpis(s, query));
    await s.putSetting('kpi_targets', { durations: {}, rates: {} }, Date.now() + 1000);
    expect(await cache.get(query, KPI_IDS)).not.toBe(second);
  });

  it('shares one computation among requests made at the same time', async () => {
    const s = await store();
    await ingest(s, randomHistory(5, 30));
    const cache = new KpiResultCache(s);
    const [a, b] = await Promise.all([cache.get(query, KPI_IDS), cache.get(query, KPI_IDS)]);
    expect(a).toBe(b);
  });
});
