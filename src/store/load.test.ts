import { describe, expect, it } from 'vitest';
import { storeKinds } from '../../test/support/stores.js';
import { validateBatch } from '../ingest/validate.js';
import { appendEvents } from './append.js';
import { freshByStream, loadStreams } from './load.js';

const created = (id: string, ticket: string, at: string) => ({
  id,
  type: 'ticket.created',
  at,
  ticket_id: ticket,
  channel: 'email',
});
const replied = (id: string, ticket: string, at: string) => ({
  id,
  type: 'ticket.replied',
  at,
  ticket_id: ticket,
  by: 'a1',
  kind: 'comment',
});

for (const kind of storeKinds) {
  describe.skipIf(!kind.available)(`loadStreams: ${kind.name}`, () => {
    it('takes a stream from the append only when the log holds nothing else of it', async () => {
      const db = await kind.fresh();
      const store = await db.open();
      try {
        const profile = (id: string, name: string) => ({
          id,
          type: 'customer.profile',
          at: '2026-03-01T09:00:00Z',
          customer_id: 'c1',
          name,
        });
        await store.append(
          validateBatch([created('e1', 't1', '2026-03-02T09:00:00Z'), profile('p1', 'Ann')]),
        );
        const batch = validateBatch([
          // the reply to t1 is stamped before t1's creation: the stream still comes in log order
          replied('e2', 't1', '2026-03-02T08:00:00Z'),
          created('e3', 't2', '2026-03-02T09:10:00Z'),
          replied('e4', 't2', '2026-03-02T09:20:00Z'),
          // a profile has no creating event: only counting its stored events tells it has older ones
          profile('p2', 'Anna'),
        ]);
        await store.helpers.writeTransaction(store.db, async (trx) => {
          const { fresh } = await appendEvents(trx, store.helpers, batch, Date.now());
          const byStream = freshByStream(fresh);
          const loaded = await loadStreams(
            trx,
            ['ticket:t1', 'ticket:t2', 'ticket:t3', 'customer:c1'],
            byStream,
          );
          expect(loaded.get('customer:c1')?.map((s) => s.event.id)).toEqual(['p1', 'p2']);
          expect(loaded.get('ticket:t1')?.map((s) => s.event.id)).toEqual(['e1', 'e2']);
          // read back from the log: new objects, not the appended ones
          expect(loaded.get('ticket:t1')?.[1]?.event).not.toBe(batch[0]);
          expect(loaded.get('ticket:t2')?.map((s) => s.event.id)).toEqual(['e3', 'e4']);
          expect(loaded.get('ticket:t2')?.[0]?.event).toBe(batch[1]);
          expect(loaded.has('ticket:t3')).toBe(false);
          // the same streams read from the log alone agree, seq for seq
          const fromLog = await loadStreams(trx, ['ticket:t1', 'ticket:t2', 'customer:c1']);
          for (const stream of ['ticket:t1', 'ticket:t2', 'customer:c1']) {
            expect(loaded.get(stream)?.map((s) => [s.seq, s.at, s.event])).toEqual(
              fromLog.get(stream)?.map((s) => [s.seq, s.at, s.event]),
            );
          }
        });
      } finally {
        await store.close();
        await db.dispose();
      }
    });
  });
}
