import { describe, expect, it } from 'vitest';
import { randomHistory } from '../../test/support/random-history.js';
import { storeKinds } from '../../test/support/stores.js';
import { ingest } from '../ingest/ingest.js';
import { computeKpis } from './engine.js';
import { kpiQueryParams, toKpiQuery } from './query-params.js';
import { REPORT_COLUMNS } from './report-columns.js';
import { DIMENSIONS } from './types.js';

describe('the columns a report reads together', () => {
  it('are exactly what the full KPI set reads in calendar time under every grouping', async () => {
    const db = await storeKinds[0]!.fresh();
    const store = await db.open();
    try {
      const events = randomHistory(3, 60);
      for (let i = 0; i < events.length; i += 500) await ingest(store, events.slice(i, i + 500));
      for (const by of [undefined, ...DIMENSIONS]) {
        const params = { from: '2026-03-01T00:00:00Z', to: '2026-04-15T00:00:00Z', ...(by ? { by } : {}) };
        const q = toKpiQuery(kpiQueryParams.parse(params), 'UTC', Date.parse('2026-04-15T00:00:00Z')).query;
        await computeKpis(store, q);
      }
      for (const name of ['ticket_facts', 'contact_facts'] as const) {
        const held = [...(await store.facts.table(name, [])).columns.keys()].sort();
        // a column missing from the list would have been read on its own, in a second whole read
        expect(held, name).toEqual([...REPORT_COLUMNS[name]].sort());
      }
    } finally {
      await store.close();
      await db.dispose();
    }
  });
});
