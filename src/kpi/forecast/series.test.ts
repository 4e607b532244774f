import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeKinds } from '../../../test/support/stores.js';
import { ingest } from '../../ingest/ingest.js';
import type { Store } from '../../store/store.js';
import { Events } from '../kpi-test-helpers.js';
import { ForecastInputError, volumeForecast } from './forecast.js';
import { dailyVolumes, dayLabel } from './series.js';

const DAY = 1440;

for (const kind of storeKinds) {
  describe.skipIf(!kind.available)(`daily volumes (${kind.name})`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    beforeAll(async () => {
      const fresh = await kind.fresh();
      store = await fresh.open();
      dispose = fresh.dispose;
      // Monday 2026-03-02 09:00 UTC (a partial first day), then Tuesday and Thursday.
      const e = new Events();
      e.add('contact.offered', 0, { contact_id: 'a', channel: 'phone' })
        .add('contact.offered', DAY, { contact_id: 'b', channel: 'phone' })
        .add('contact.offered', DAY + 60, { contact_id: 'c', channel: 'phone' })
        .add('contact.offered', DAY + 14 * 60 + 59, { contact_id: 'd', channel: 'email' })
        .add('contact.offered', 3 * DAY, { contact_id: 'e', channel: 'chat' });
      await ingest(store, e.events);
    });
    afterAll(async () => {
      await store.close();
      await dispose();
    });

    it('counts contacts offered per local day and channel, from the first whole day', async () => {
      const d = await dailyVolumes(
        store,
        Date.parse('2026-03-01T00:00:00Z'),
        Date.parse('2026-03-06T00:00:00Z'),
        'UTC',
      );
      expect(d.measure).toBe('contacts_offered');
      expect(dayLabel(d.firstDay)).toBe('2026-03-03');
      expect(d.days).toBe(3);
      expect(Object.fromEntries(d.byChannel)).toEqual({
        phone: [2, 0, 0],
        email: [1, 0, 0],
        chat: [0, 0, 1],
      });
    });

    it('counts whole days in the zone asked for', async () => {
      // In Moscow (UTC+3) Tuesday 09:00 UTC is 12:00: the first item is on Monday local, 12:00 — partial.
      const d = await dailyVolumes(
        store,
        Date.parse('2026-03-02T00:00:00Z'),
        Date.parse('2026-03-06T21:00:00Z'),
        'Europe/Moscow',
      );
      expect(dayLabel(d.firstDay)).toBe('2026-03-03');
      // Wednesday 00:00 UTC + 14:59 = Tuesday 23:59 UTC = Wednesday 02:59 in Moscow.
      expect(d.byChannel.get('email')).toEqual([0, 1, 0, 0]);
    });

    it('refuses a forecast from fewer than 21 whole days', async () => {
      const run = volumeForecast(store, {
        from: Date.parse('2026-03-01T00:00:00Z'),
        to: Date.parse('2026-03-06T00:00:00Z'),
        timeZone: 'UTC',
        horizonDays: 28,
        seasonality: 'auto',
      });
      await expect(run).rejects.toBeInstanceOf(ForecastInputError);
      await expect(run).rejects.toThrow('at least 21 whole days of history; the period holds 3');
    });
  });
}
