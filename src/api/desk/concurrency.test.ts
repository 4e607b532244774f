import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Desk, openDesk } from '../../../test/support/desk.js';
import { storeKinds } from '../../../test/support/stores.js';

for (const kind of storeKinds) {
  describe.skipIf(!kind.available)(`two agents on one ticket (${kind.name})`, () => {
    let d: Desk;
    let id = '';
    const count = async () =>
      (await d.store.db.selectFrom('events').select('id').where('stream', '=', `ticket:${id}`).execute())
        .length;
    beforeAll(async () => {
      d = await openDesk(kind);
      id = (await d.create('anna', { channel: 'email', subject: 'Two hands' })).json().ticket.ticket_id;
    });
    afterAll(() => d.close());

    it('refuses a stale edit with 409 and the fresh ticket, and writes nothing', async () => {
      const loaded = (await d.get('anna', `/api/v1/tickets/${id}`)).json().ticket.version;
      expect(loaded).toBe(1);
      expect(
        (await d.act('dima', id, 'classify', { category: 'delivery', version: loaded })).statusCode,
      ).toBe(200);
      const stale = await d.act('anna', id, 'classify', { category: 'billing', version: loaded });
      expect(stale.statusCode).toBe(409);
      const err = stale.json().error;
      expect(err.code).toBe('stale');
      expect(err.details.version).toBe(2);
      expect(err.details.ticket.ticket).toMatchObject({ category: 'delivery', version: 2 });
      expect(err.details.ticket.timeline.map((e: { type: string }) => e.type)).toEqual([
        'ticket.created',
        'ticket.classified',
      ]);
      expect(await count()).toBe(2);
      // with the fresh version the same edit goes through, as a reclassification
      const retry = await d.act('anna', id, 'classify', { category: 'billing', version: 2 });
      expect(retry.json().events.map((e: { type: string }) => e.type)).toEqual(['ticket.reclassified']);
    });

    it('lets exactly one of two simultaneous edits of the same version through', async () => {
      const v = (await d.get('anna', `/api/v1/tickets/${id}`)).json().ticket.version;
      const before = await count();
      const results = await Promise.all([
        d.act('anna', id, 'assign', { team_id: 'apps', version: v }),
        d.act('dima', id, 'assign', { team_id: 'experts', version: v }),
        d.act('boris', id, 'take', { version: v }),
      ]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
      expect(await count()).toBe(before + 1);
    });

    it('loses no action when agents act at once without a version', async () => {
      const before = await count();
      const notes = Array.from({ length: 12 }, (_, i) =>
        d.act(i % 2 ? 'anna' : 'boris', id, 'note', { text: `note ${i}` }),
      );
      const work = Array.from({ length: 6 }, () => d.act('dima', id, 'work', { seconds: 60 }));
      const results = await Promise.all([...notes, ...work]);
      expect(results.every((r) => r.statusCode === 200)).toBe(true);
      expect(await count()).toBe(before + 18);
      const view = (await d.get('anna', `/api/v1/tickets/${id}`)).json();
      expect(view.ticket.version).toBe(before + 18);
      expect(view.facts.handle_s).toBe(360);
      const texts = view.timeline
        .filter((e: { type: string }) => e.type === 'ticket.note')
        .map((e: { text: string }) => e.text);
      expect(texts.sort()).toEqual(Array.from({ length: 12 }, (_, i) => `note ${i}`).sort());
    });
  });
}
