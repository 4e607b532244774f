import { describe, expect, it } from 'vitest';
import { randomHistory } from '../../test/support/random-history.js';
import { storeKinds } from '../../test/support/stores.js';
import { ingest } from '../ingest/ingest.js';
import { FactCache } from './fact-cache/fact-cache.js';
import { dialectOf, parseRows, rowJson } from './row-json.js';

// values a JSON round trip could bend: doubles that need 17 digits, tiny and huge ones, texts to escape
const SECONDS = [1 / 3, 0.1 + 0.2, 1e-7, 123_456_789.123_456_78, 2 ** 53 - 1, -0.5];
const TEXTS = ['a"b\\c', 'Ünïcødé ✓ 😀', 'line\nbreak\ttab', '', "it's"];

for (const kind of storeKinds) {
  describe.skipIf(!kind.available)(`rows as JSON: ${kind.name}`, () => {
    it('reads back every value exactly as the driver does', async () => {
      const db = await kind.fresh();
      const store = await db.open();
      try {
        expect(dialectOf(store.db)).toBe(kind.name);
        await ingest(store, randomHistory(3, 12));
        const ids = (
          await store.db.selectFrom('ticket_facts').select('ticket_id').orderBy('ticket_id').execute()
        ).map((r) => r.ticket_id);
        for (let i = 0; i < ids.length; i++) {
          await store.db
            .updateTable('ticket_facts')
            .set({ resolution_s: SECONDS[i % SECONDS.length]!, category: TEXTS[i % TEXTS.length]! })
            .where('ticket_id', '=', ids[i]!)
            .execute();
        }
        const layout = ['ticket_id', 'resolution_s', 'category', 'created_at', 'line'];
        const byDriver = await store.db
          .selectFrom('ticket_facts')
          .select(layout as 'ticket_id'[])
          .orderBy('ticket_id')
          .execute();
        const texts = await store.db
          .selectFrom('ticket_facts')
          .select(rowJson(store.db, layout).as('j'))
          .orderBy('ticket_id')
          .execute();
        const asJson = parseRows(texts.map((r) => r.j));
        const expected = byDriver.map((r) => layout.map((c) => (r as Record<string, unknown>)[c]));
        expect(asJson).toEqual(expected);
        expect(asJson.map((r) => r[1])).toEqual(ids.map((_, i) => SECONDS[i % SECONDS.length]));

        // and through the facts copy
        const table = await new FactCache(store.db, 0, 5).table('ticket_facts', ['resolution_s', 'category']);
        for (const [id, seconds, category] of expected) {
          const row = table.rowFor(String(id));
          expect(table.column('resolution_s').get(row)).toBe(seconds);
          expect(table.column('category').get(row)).toBe(category);
        }
      } finally {
        await store.close();
        await db.dispose();
      }
    });
  });
}
