import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Stream } from '../../test/support/builder.js';
import { randomHistory } from '../../test/support/random-history.js';
import { snapshot, storeKinds } from '../../test/support/stores.js';
import { IngestError, ingest } from '../ingest/ingest.js';
import type { Store } from './store.js';

for (const kind of storeKinds) {
  describe.skipIf(!kind.available)(`store suite: ${kind.name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let fresh: Awaited<ReturnType<typeof kind.fresh>>;
    beforeAll(async () => {
      fresh = await kind.fresh();
      store = await fresh.open();
      dispose = fresh.dispose;
    });
    afterAll(async () => {
      await store?.close();
      await dispose?.();
    });

    it('stores a ticket and its contact and derives facts from both', async () => {
      const s = new Stream(Date.parse('2026-03-02T09:00:00Z'), 'basic-');
      s.add('contact.offered', 0, { contact_id: 'bc1', channel: 'phone', customer: '+79123456789' })
        .add('contact.queued', 1, { contact_id: 'bc1' })
        .add('contact.answered', 2, { contact_id: 'bc1', agent_id: 'x1' })
        .add('ticket.created', 3, { ticket_id: 'bt1', channel: 'phone', contact_id: 'bc1', by: 'x1' })
        .add('ticket.resolved', 10, { ticket_id: 'bt1', by: 'x1' })
        .add('contact.ended', 11, { contact_id: 'bc1', talk_s: 500, hold_s: 20, wrap_s: 40 });
      expect(await ingest(store, s.events)).toEqual({ appended: 6, duplicates: 0 });
      const view = await store.getTicket('bt1');
      expect(view?.facts).toMatchObject({
        start_at: Date.parse('2026-03-02T09:00:00Z'),
        first_response_s: 120, // the live answer, from the first ring
        first_response_live: 1,
        resolution_s: 600,
        status: 'resolved',
        l1_outcome: 'resolved',
      });
      expect(view?.timeline.map((e) => e.type)).toEqual([
        'contact.offered',
        'contact.queued',
        'contact.answered',
        'ticket.created',
        'ticket.resolved',
        'contact.ended',
      ]);
      const contact = await store.db
        .selectFrom('contact_facts')
        .selectAll()
        .where('contact_id', '=', 'bc1')
        .executeTakeFirst();
      expect(contact).toMatchObject({ outcome: 'answered', wait_s: 120, handle_s: 560 });
    });

    it('re-sending an event is a no-op; the same id with another body is a conflict and writes nothing', async () => {
      const s = new Stream(Date.parse('2026-03-03T09:00:00Z'), 'dup-');
      s.add('ticket.created', 0, { ticket_id: 'dt1', channel: 'email' });
      await ingest(store, s.events);
      expect(await ingest(store, s.events)).toEqual({ appended: 0, duplicates: 1 });
      const before = await store.eventCount();
      const changed = [
        { id: 'dup-new', type: 'ticket.note', at: s.at(1), ticket_id: 'dt1' },
        { ...s.events[0], channel: 'chat' },
      ];
      await expect(ingest(store, changed)).rejects.toMatchObject({
        code: 'conflict',
        details: [{ index: 1, field: 'id' }],
      });
      expect(await store.eventCount()).toBe(before);
    });

    it('a 1,000-event batch posted twice is stored once', async () => {
      const s = new Stream(Date.parse('2026-03-04T09:00:00Z'), 'k-');
      for (let i = 0; i < 500; i++) {
        s.add('ticket.created', i, { ticket_id: `kt${i}`, channel: 'email' }).add('ticket.replied', i + 30, {
          ticket_id: `kt${i}`,
          by: 'x1',
          kind: 'comment',
        });
      }
      const before = await store.eventCount();
      expect(await ingest(store, s.events)).toEqual({ appended: 1000, duplicates: 0 });
      expect(await ingest(store, s.events)).toEqual({ appended: 0, duplicates: 1000 });
      expect(await store.eventCount()).toBe(before + 1000);
      const n = await store.db
        .selectFrom('ticket_facts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('ticket_id', 'like', 'kt%')
        .executeTakeFirstOrThrow();
      expect(Number(n.n)).toBe(500);
    });

    it('refuses events for an unknown contact or ticket, naming the field, and writes nothing of the batch', async () => {
      const before = await store.eventCount();
      const batch = [
        {
          id: 'ur-1',
          type: 'ticket.created',
          at: '2026-03-05T09:00:00Z',
          ticket_id: 'ur-t',
          channel: 'email',
        },
        {
          id: 'ur-2',
          type: 'contact.answered',
          at: '2026-03-05T09:01:00Z',
          contact_id: 'nobody',
          agent_id: 'x1',
        },
      ];
      const err = await ingest(store, batch).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(IngestError);
      expect(err).toMatchObject({ code: 'unknown_reference', details: [{ index: 1, field: 'contact_id' }] });
      expect(await store.eventCount()).toBe(before);
      expect(await store.getTicket('ur-t')).toBeNull();
    });

    it('a late reply older than the stored one becomes the first response', async () => {
      const s = new Stream(Date.parse('2026-03-06T09:00:00Z'), 'ooo-');
      s.add('ticket.created', 0, { ticket_id: 'ot1', channel: 'email' }).add('ticket.replied', 90, {
        ticket_id: 'ot1',
        by: 'x1',
        kind: 'comment',
      });
      await ingest(store, s.events);
      expect((await store.getTicket('ot1'))?.facts.first_response_s).toBe(5400);
      s.add('ticket.replied', 30, { ticket_id: 'ot1', by: 'x2', kind: 'clarification' });
      await ingest(store, s.events.slice(-1));
      expect((await store.getTicket('ot1'))?.facts).toMatchObject({
        first_response_s: 1800,
        first_response_by: 'x2',
      });
    });

    it('rebuild gives exactly the projections that incremental ingest built', async () => {
      const history = randomHistory(7, 150, 'rb');
      for (let i = 0; i < history.length; i += 97) await ingest(store, history.slice(i, i + 97));
      const incremental = await snapshot(store);
      const progress = await store.rebuild();
      expect(progress.events).toBe(await store.eventCount());
      expect(await snapshot(store)).toEqual(incremental);
    });

    it('rebuild matches ingest where profiles change after the tickets that depend on them', async () => {
      const s = new Stream(Date.parse('2026-03-02T09:00:00Z'), 'rp-');
      const week = (from: string, to: string) => ({
        mon: [[from, to]] as [string, string][],
        tue: [[from, to]] as [string, string][],
        wed: [[from, to]] as [string, string][],
        thu: [[from, to]] as [string, string][],
        fri: [[from, to]] as [string, string][],
      });
      s.add('calendar.defined', 0, {
        calendar_id: 'rp-cal',
        time_zone: 'Europe/Moscow',
        week: week('09:00', '18:00'),
      })
        .add('team.profile', 0, { team_id: 'rp-team', calendar_id: 'rp-cal' })
        .add('agent.profile', 0, { agent_id: 'rp-a1', line: 1, team_id: 'rp-team' })
        .add('company.profile', 0, { company_id: 'rp-acme', name: 'Acme' })
        .add('customer.profile', 0, {
          customer_id: 'rp-c1',
          company_id: 'rp-acme',
          phones: ['+79990000001'],
        });
      for (let i = 0; i < 6; i++) {
        const ticket_id = `rp-t${i}`;
        s.add('ticket.created', 10 + i, {
          ticket_id,
          channel: 'email',
          customer: '+79990000001',
          by: 'rp-a1',
        })
          .add('ticket.assigned', 20 + i, {
            ticket_id,
            assignee_id: 'rp-a1',
            team_id: 'rp-team',
            line: 1,
            by: 'rp-a1',
          })
          .add('ticket.replied', 600 + i, { ticket_id, by: 'rp-a1', kind: 'solution' })
          .add('ticket.resolved', 610 + i, { ticket_id, by: 'rp-a1' });
      }
      // later: another customer takes the phone, then is merged; the agent moves line; the calendar and team change
      s.add('company.profile', 700, { company_id: 'rp-globex', name: 'Globex' })
        .add('customer.profile', 701, {
          customer_id: 'rp-c2',
          company_id: 'rp-globex',
          phones: ['+79990000001'],
        })
        .add('customer.profile', 702, { customer_id: 'rp-c3', emails: ['c3@example.com'] })
        .add('customer.merged', 703, { from: 'rp-c1', into: 'rp-c3' })
        .add('agent.profile', 704, { agent_id: 'rp-a1', line: 2 })
        .add('calendar.defined', 705, {
          calendar_id: 'rp-cal',
          time_zone: 'Europe/Moscow',
          week: week('10:00', '16:00'),
        })
        .add('calendar.defined', 706, {
          calendar_id: 'rp-cal2',
          time_zone: 'UTC',
          week: week('08:00', '20:00'),
        })
        .add('team.profile', 707, { team_id: 'rp-team', calendar_id: 'rp-cal2' })
        .add('customer.profile', 708, { customer_id: 'rp-c1', phones: ['+79990000002'] });
      for (let i = 0; i < s.events.length; i += 3) await ingest(store, s.events.slice(i, i + 3));
      const incremental = await snapshot(store);
      expect(incremental.customer_identifiers).toContainEqual({
        identifier: '+79990000001',
        customer_id: 'rp-c2',
      });
      await store.rebuild();
      expect(await snapshot(store)).toEqual(incremental);
    });

    it('concurrent writers on the same tickets lose no update (same facts as a sequential ingest)', async () => {
      const history = randomHistory(11, 120, 'cc');
      const seq = await kind.fresh();
      const sequential = await seq.open();
      for (let i = 0; i < history.length; i += 50) await ingest(sequential, history.slice(i, i + 50));
      const expected = await snapshot(sequential);
      await sequential.close();
      await seq.dispose();

      const par = await kind.fresh();
      // PostgreSQL: four connection pools, as four server processes would have. SQLite: better-sqlite3 blocks its
      // thread while it waits for the file lock, so one process shares one connection among its concurrent requests.
      const shared = kind.name === 'sqlite' ? await par.open() : null;
      const writers = await Promise.all([1, 2, 3, 4].map(() => shared ?? par.open(2)));
      // Interleave: tickets are created first, then their remaining events go round-robin to four connections.
      const creators = history.filter(
        (e) => e.type.endsWith('.created') || e.type === 'contact.offered' || e.type === 'agent.profile',
      );
      const rest = history.filter((e) => !creators.includes(e));
      await ingest(writers[0]!, creators);
      const lanes: (typeof rest)[] = [[], [], [], []];
      rest.forEach((e, i) => {
        lanes[i % 4]!.push(e);
      });
      await Promise.all(
        lanes.map(async (lane, w) => {
          for (let i = 0; i < lane.length; i += 7) await ingest(writers[w]!, lane.slice(i, i + 7));
        }),
      );
      const got = await snapshot(writers[0]!);
      await Promise.all([...new Set(writers)].map((w) => w.close()));
      await par.dispose();
      expect(got).toEqual(expected);
    });
  });
}
