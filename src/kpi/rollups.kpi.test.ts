import { describe, expect, it } from 'vitest';
import { randomHistory } from '../../test/support/random-history.js';
import { storeKinds } from '../../test/support/stores.js';
import { ingest } from '../ingest/ingest.js';
import { computeKpis } from './engine.js';
import { rollups } from './frame-rollup.js';
import { kpiQueryParams, toKpiQuery } from './query-params.js';

/** Cuts whose days start at different instants (zones, one across a DST change), with and without buckets and groups. */
const CUTS = [
  {
    tz: 'UTC',
    params: { from: '2026-03-01T00:00:00Z', to: '2026-04-15T00:00:00Z', by: 'agent', bucket: 'day' },
  },
  {
    tz: 'Europe/Moscow',
    params: { from: '2026-03-01T00:00:00+03:00', to: '2026-04-01T00:00:00+03:00', bucket: 'week' },
  },
  {
    tz: 'America/New_York',
    params: { from: '2026-03-02T00:00:00-05:00', to: '2026-03-30T00:00:00-04:00', by: 'channel' },
  },
  {
    tz: 'UTC',
    params: { from: '2026-03-10T12:00:00Z', to: '2026-04-02T06:00:00Z', by: 'team', bucket: 'hour' },
  },
] as const;

const NOW = Date.parse('2026-04-15T00:00:00Z');

for (const kind of storeKinds) {
  describe.skipIf(!kind.available)(`per-day states kept with the facts copy: ${kind.name}`, () => {
    it('give what folding every item gives, after every write made elsewhere', async () => {
      const db = await kind.fresh();
      const reader = await db.open();
      const writer = await db.open();
      try {
        const history = randomHistory(21, 120);
        const step = Math.ceil(history.length / 4);
        for (let part = 0; part < 4; part++) {
          const slice = history.slice(part * step, (part + 1) * step);
          for (let i = 0; i < slice.length; i += 500) await ingest(writer, slice.slice(i, i + 500));
          for (const c of CUTS) {
            const q = toKpiQuery(kpiQueryParams.parse(c.params), c.tz, NOW).query;
            const kept = await computeKpis(reader, q); // through states kept from the earlier rounds
            const again = await computeKpis(reader, q); // through the states just made
            rollups.enabled = false;
            try {
              const plain = await computeKpis(reader, q);
              expect(kept).toEqual(plain);
              expect(again).toEqual(plain);
            } finally {
              rollups.enabled = true;
            }
          }
        }
      } finally {
        rollups.enabled = true;
        await reader.close();
        await writer.close();
        await db.dispose();
      }
    });

    it('count a ticket made after a report over an empty store (the first row grows the copy)', async () => {
      const db = await kind.fresh();
      const store = await db.open();
      try {
        const now = Date.parse('2026-04-14T12:00:00Z');
        // the default cut: the last 30 days to the end of today, so today is a whole day with a kept state
        const q = toKpiQuery(kpiQueryParams.parse({}), 'UTC', now).query;
        const count = async () =>
          ((await computeKpis(store, q, ['tickets_created'])).kpis.tickets_created as { value: number })
            .value;
        expect(await count()).toBe(0);
        await ingest(store, [
          {
            id: 'e-1',
            type: 'ticket.created',
            at: '2026-04-14T11:00:00Z',
            ticket_id: 't-1',
            channel: 'email',
            subject: 'Printer on fire',
          } as never,
        ]);
        expect(await count()).toBe(1);
      } finally {
        await store.close();
        await db.dispose();
      }
    });
  });
}
