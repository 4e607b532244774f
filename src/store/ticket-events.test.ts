import { describe, expect, it } from 'vitest';
import { storeKinds } from '../../test/support/stores.js';
import { validateBatch } from '../ingest/validate.js';
import { ticketEventsOfTypes } from './ticket-events.js';

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
  describe.skipIf(!kind.available)(`ticketEventsOfTypes: ${kind.name}`, () => {
    it("gives the asked tickets' events of the asked types, each ticket's in time order", async () => {
      const db = await kind.fresh();
      const store = await db.open();
      try {
        await store.append(
          validateBatch([
            created('c1', 't1', '2026-03-02T09:00:00Z'),
            replied('r1', 't1', '2026-03-02T10:00:00Z'),
            created('c2', 't2', '2026-03-02T09:30:00Z'),
            replied('r2', 't2', '2026-03-02T11:00:00Z'),
            created('c3', 't3', '2026-03-02T09:40:00Z'),
            replied('r3', 't3', '2026-03-02T09:50:00Z'),
          ]),
        );
        // appended later, stamped earlier than r2: it comes first
        await store.append(validateBatch([replied('r4', 't2', '2026-03-02T10:30:00Z')]));
        const rows = await ticketEventsOfTypes(store.db, ['t1', 't2', 't2', 'nobody'], ['ticket.replied']);
        const ids = (t: string) => rows.filter((r) => r.ticket_id === t).map((r) => JSON.parse(r.body).id);
        expect(ids('t1')).toEqual(['r1']);
        expect(ids('t2')).toEqual(['r4', 'r2']);
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
        const start = Date.parse('2026-03-02T00:00:00Z');
        const at = (i: number) => new Date(start + i * 60_000).toISOString();
        await store.append(
          validateBatch(Array.from({ length: 950 }, (_, i) => created(`c${i}`, `t${i}`, at(i)))),
        );
        const ids = Array.from({ length: 960 }, (_, i) => `t${i}`);
        const rows = await ticketEventsOfTypes(store.db, ids, ['ticket.created']);
        expect(rows).toHaveLength(950);
        const byTicket = new Map(rows.map((r) => [r.ticket_id, r.at]));
        expect(byTicket.get('t0')).toBe(start);
        expect(byTicket.get('t949')).toBe(start + 949 * 60_000);
        expect(byTicket.has('t950')).toBe(false);
      } finally {
        await store.close();
      }
    });
  });
}
