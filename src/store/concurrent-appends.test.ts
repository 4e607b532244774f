import { describe, expect, it } from 'vitest';
import { storeKinds } from '../../test/support/stores.js';
import { ingest } from '../ingest/ingest.js';

const at = '2026-03-02T09:00:00Z';
const created = (id: string, ticket: string) => ({
  id,
  type: 'ticket.created',
  at,
  ticket_id: ticket,
  channel: 'email',
});
const replied = (id: string, ticket: string) => ({
  id,
  type: 'ticket.replied',
  at: '2026-03-02T09:05:00Z',
  ticket_id: ticket,
  by: 'a1',
  kind: 'comment',
});

for (const kind of storeKinds) {
  describe.skipIf(!kind.available)(`concurrent appends: ${kind.name}`, () => {
    it('each batch stands or falls alone', async () => {
      const db = await kind.fresh();
      const store = await db.open();
      try {
        await ingest(store, [created('e0', 't0')]);
        // sent together: on SQLite they queue for the one writer in the order sent; on PostgreSQL they run at once
        const results = await Promise.allSettled([
          ingest(store, [created('e1', 't1'), created('e2', 't2')]),
          ingest(store, [replied('e3', 't0')]),
          // its first event is fine, its second names a ticket nobody created: nothing of it is stored
          ingest(store, [created('e4', 't4'), replied('e5', 'nope')]),
          ingest(store, [created('e6', 't6'), replied('e7', 't6')]),
          // the same id as e6 with another body
          ingest(store, [{ ...created('e6', 't6'), channel: 'chat' }]),
        ]);
        // The last two race for the id e6. On SQLite's one writer they go in the order sent; on
        // PostgreSQL each batch has its own connection, so either may come first, and the other is refused.
        const statuses = results.map((r) => r.status);
        expect(statuses.slice(0, 3)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
        const firstWon = statuses[3] === 'fulfilled';
        expect(statuses.slice(3)).toEqual(firstWon ? ['fulfilled', 'rejected'] : ['rejected', 'fulfilled']);
        if (kind.name === 'sqlite') expect(firstWon).toBe(true);
        const ids = (await store.db.selectFrom('events').select('id').orderBy('id').execute()).map(
          (r) => r.id,
        );
        expect(ids).toEqual(['e0', 'e1', 'e2', 'e3', 'e6', ...(firstWon ? ['e7'] : [])]);
        const tickets = await store.db.selectFrom('tickets').select(['ticket_id', 'channel']).execute();
        expect(tickets.map((t) => t.ticket_id).sort()).toEqual(['t0', 't1', 't2', 't6']);
        expect(tickets.find((t) => t.ticket_id === 't6')?.channel).toBe(firstWon ? 'email' : 'chat');
        const t0 = await store.db
          .selectFrom('ticket_facts')
          .select('first_response_at')
          .where('ticket_id', '=', 't0')
          .executeTakeFirstOrThrow();
        expect(Number(t0.first_response_at)).toBe(Date.parse('2026-03-02T09:05:00Z'));
        // and the store goes on taking writes after refusals inside a shared transaction
        await ingest(store, [created('e8', 't8')]);
        expect(await store.eventCount()).toBe(firstWon ? 7 : 6);
      } finally {
        await store.close();
        await db.dispose();
      }
    });

    it('a writer that fails after writing leaves nothing, and the writers beside it keep theirs', async () => {
      const db = await kind.fresh();
      const store = await db.open();
      const put = (key: string) => (trx: typeof store.db) =>
        trx.insertInto('settings').values({ key, value: '1', updated_at: 0 }).execute();
      try {
        const results = await Promise.allSettled([
          store.helpers.writeTransaction(store.db, put('a')),
          store.helpers.writeTransaction(store.db, async (trx) => {
            await put('b')(trx);
            throw new Error('refused after writing');
          }),
          store.helpers.writeTransaction(store.db, put('c')),
        ]);
        expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
        const keys = await store.db.selectFrom('settings').select('key').orderBy('key').execute();
        expect(keys.map((k) => k.key)).toEqual(['a', 'c']);
      } finally {
        await store.close();
        await db.dispose();
      }
    });
  });
}
