import { describe, expect, it } from 'vitest';
import { Stream } from '../../test/support/builder.js';
import { storeKinds } from '../../test/support/stores.js';
import { validateBatch } from '../ingest/validate.js';
import { ticketEventsOfTypes } from './ticket-events.js';

const reply = { by: 'a1', kind: 'comment' } as const;

for (const kind of storeKinds) {
  describe.skipIf(!kind.available)(`ticketEventsOfTypes: ${kind.name}`, () => {
    it("gives the asked tickets' events of the asked types, each ticket's in time order", async () => {
      const db = await kind.fresh();
      const store = await db.open();
      try {
        const s = new Stream();
        s.add('ticket.created', 0, { ticket_id: 't1', channel: 'email' })
          .add('ticket.replied', 60, { ticket_id: 't1', ...reply })
          .add('ticket.created', 30, { ticket_id: 't2', channel: 'email' })
          .add('ticket.replied', 120, { ticket_id: 't2', ...reply })
          .add('ticket.created', 40, { ticket_id: 't3', channel: 'email' })
          .add('ticket.replied', 50, { ticket_id: 't3', ...reply });
        await store.append(validateBatch(s.events));
        // appended later, stamped before e4: it comes first
        const late = new Stream(s.origin, 'late').add('ticket.replied', 90, { ticket_id: 't2', ...reply });
        await store.append(validateBatch(late.events));
        const rows = await ticketEventsOfTypes(store.db, ['t1', 't2', 't2', 'nobody'], ['ticket.replied']);
        const ids = (t: string) => rows.filter((r) => r.ticket_id === t).map((r) => JSON.parse(r.body).id);
        expect(ids('t1')).toEqual(['e2']);
        expect(ids('t2')).toEqual(['late1', 'e4']);
        expect(rows).toHaveLength(3);
        expect(rows.every((r) => r.type === 'ticket.replied')).toBe(true);
        expect(rows.find((r) => r.ticket_id === 't1')?.at).toBe(Date.parse('2026-03-02T10:00:00Z'));
      } finally {
        await store.close();
      }
    });

    it('reads more tickets than one statement takes', async () => {
      const db = await kind.fresh();
      const store = await db.open();
      try {
        const s = new Stream();
        for (let i = 0; i < 950; i++) s.add('ticket.created', i, { ticket_id: `t${i}`, channel: 'email' });
        await store.append(validateBatch(s.events));
        const ids = Array.from({ length: 960 }, (_, i) => `t${i}`);
        const byTicket = new Map(
          (await ticketEventsOfTypes(store.db, ids, ['ticket.created'])).map((r) => [r.ticket_id, r.at]),
        );
        expect(byTicket.size).toBe(950);
        expect(byTicket.get('t0')).toBe(s.origin);
        expect(byTicket.get('t949')).toBe(s.origin + 949 * 60_000);
        expect(byTicket.has('t950')).toBe(false);
      } finally {
        await store.close();
      }
    });
  });
}
