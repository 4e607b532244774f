import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Desk, openDesk } from '../../../test/support/desk.js';
import { storeKinds } from '../../../test/support/stores.js';

// A day of work done only through the workspace API; its KPIs are then compared with figures worked out by
// hand below (the organisation calendar is the default: UTC, around the clock).
const DAY = '2026-03-02';

for (const kind of storeKinds) {
  describe.skipIf(!kind.available)(`a day of work through the API (${kind.name})`, () => {
    let d: Desk;
    const ids: Record<string, string> = {};
    const at = (hhmm: string) => {
      d.clock.now = Date.parse(`${DAY}T${hhmm}:00Z`);
    };
    const ok = async (p: Promise<{ statusCode: number; body: string }>) => {
      const res = await p;
      if (res.statusCode >= 300) throw new Error(`${res.statusCode} ${res.body}`);
    };
    const create = async (key: string, who: string, body: Record<string, unknown>) => {
      const res = await d.create(who, { ticket_id: key, ...body });
      expect(res.statusCode).toBe(201);
      ids[key] = res.json().ticket.ticket_id;
    };

    beforeAll(async () => {
      d = await openDesk(kind, Date.parse(`${DAY}T08:00:00Z`));
      // T1 e-mail: anna classifies, solves and resolves it herself
      at('09:00');
      await create('T1', 'anna', { channel: 'email', subject: 'Where is my parcel?' });
      at('09:10');
      await ok(d.act('anna', 'T1', 'classify', { category: 'delivery' }));
      at('09:30');
      await ok(d.act('anna', 'T1', 'reply', { kind: 'solution', text: 'It arrives tomorrow.' }));
      at('09:31');
      await ok(d.act('anna', 'T1', 'resolve'));
      await ok(d.act('anna', 'T1', 'work', { seconds: 300 }));
      // T2 e-mail, registered classified: a clarification, the customer answers, dispatched to boris on L2
      at('09:05');
      await create('T2', 'dima', { channel: 'email', category: 'billing', subject: 'Double charge' });
      at('09:20');
      await ok(d.act('dima', 'T2', 'reply', { kind: 'clarification', text: 'Which card?' }));
      at('09:50');
      await ok(d.act('dima', 'T2', 'customer-reply', { text: 'The Visa one' }));
      at('10:00');
      await ok(d.act('dima', 'T2', 'assign', { assignee_id: 'boris' }));
      at('10:30');
      await ok(d.act('boris', 'T2', 'reply', { kind: 'solution' }));
      at('10:40');
      await ok(d.act('boris', 'T2', 'resolve'));
      // T3 chat: answered at once, sent to the apps team, picked up there, reclassified, escalated to L3
      at('09:15');
      await create('T3', 'anna', { channel: 'chat', subject: 'App crashes' });
      at('09:16');
      await ok(d.act('anna', 'T3', 'reply', { kind: 'comment' }));
      at('09:20');
      await ok(d.act('anna', 'T3', 'classify', { category: 'warranty' }));
      at('09:25');
      await ok(d.act('anna', 'T3', 'assign', { team_id: 'apps' }));
      at('09:40');
      await ok(d.act('galya', 'T3', 'take'));
      at('10:00');
      await ok(d.act('galya', 'T3', 'classify', { category: 'delivery' }));
      at('10:10');
      await ok(
        d.act('galya', 'T3', 'escalate', {
          to_line: 3,
          reason: 'crash in the courier SDK',
          team_id: 'experts',
        }),
      );
      at('11:00');
      await ok(d.act('lev', 'T3', 'reply', { kind: 'solution' }));
      at('11:05');
      await ok(d.act('lev', 'T3', 'resolve'));
      at('11:10');
      await ok(d.act('lev', 'T3', 'work', { seconds: 900 }));
      await ok(d.act('galya', 'T3', 'work', { seconds: 600 }));
      // T4 phone (high priority): solved in the call, reopened an hour later, solved again
      at('11:00');
      await create('T4', 'dima', { channel: 'phone', priority: 'high', subject: 'Cannot log in' });
      at('11:02');
      await ok(d.act('dima', 'T4', 'reply', { kind: 'solution' }));
      at('11:03');
      await ok(d.act('dima', 'T4', 'resolve'));
      at('12:00');
      await ok(d.act('anna', 'T4', 'reopen'));
      at('12:10');
      await ok(d.act('anna', 'T4', 'reply', { kind: 'comment' }));
      at('12:20');
      await ok(d.act('anna', 'T4', 'resolve'));
      // T5 web: spam; T6 e-mail: nobody has touched it yet
      at('12:30');
      await create('T5', 'anna', { channel: 'web', subject: 'Cheap watches' });
      at('12:31');
      await ok(d.act('anna', 'T5', 'spam'));
      at('13:00');
      await create('T6', 'anna', { channel: 'email', subject: 'Invoice copy' });
    });
    afterAll(() => d.close());

    it('gives the KPIs worked out by hand', async () => {
      const kpis = [
        'tickets_created',
        'tickets_processed',
        'first_response',
        'time_to_assign',
        'resolution',
        'fcr',
        'l1_resolution',
        'correct_classification',
        'correct_assignment',
        'escalation',
        'reopen',
        'handle_time',
      ].join(',');
      const res = await d.get('vera', `/api/v1/kpis?from=${DAY}&to=${DAY}&kpis=${kpis}`);
      expect(res.statusCode).toBe(200);
      const k = res.json().kpis;
      expect(k.tickets_created.value).toBe(6);
      // L1 work ended: T1 and T4 resolved by L1 (anna 09:31, dima 11:03), T3 and T2 dispatched to L2; spam is not
      expect(k.tickets_processed).toMatchObject({ value: 4, resolved_by_l1: 2, dispatched: 2 });
      // T1 30 min, T2 15 min, T3 1 min (chat), T4 2 min (phone, target 1 min: missed); T6 is waiting
      expect(k.first_response).toMatchObject({
        count: 4,
        pending: 1,
        mean_s: (1800 + 900 + 60 + 120) / 4,
        median_s: 120,
        p90_s: 1800,
        within_target: 3 / 4,
      });
      // T2 assigned after 55 min, T3 after 10 min; T6 still unassigned; T1 and T4 were never assigned
      expect(k.time_to_assign).toMatchObject({
        count: 2,
        pending: 1,
        mean_s: (3300 + 600) / 2,
        median_s: 600,
        within_target: 1,
      });
      // first resolutions: T1 31 min, T2 95 min, T3 110 min, T4 3 min; T4's final one after 80 min
      expect(k.resolution).toMatchObject({
        count: 4,
        pending: 1,
        mean_s: (1860 + 5700 + 6600 + 180) / 4,
        median_s: 1860,
        p90_s: 6600,
        within_target: 1,
        final: { count: 4, mean_s: (1860 + 5700 + 6600 + 4800) / 4 },
      });
      // FCR: only T1 (T2 had a customer reply, T3 was escalated, T4 reopened within the window)
      expect(k.fcr).toMatchObject({ numerator: 1, denominator: 4 });
      expect(k.l1_resolution).toMatchObject({ numerator: 2, denominator: 4 });
      // classified by L1: T1, T2 (on creation) and T3, which L2 reclassified
      expect(k.correct_classification).toMatchObject({ numerator: 2, denominator: 3 });
      // manual assignments T2 and T3: picking T3 up inside its team and the escalation's assignment are no change
      expect(k.correct_assignment).toMatchObject({ numerator: 2, denominator: 2 });
      expect(k.escalation).toMatchObject({ numerator: 1, denominator: 4 });
      expect(k.reopen).toMatchObject({ numerator: 1, denominator: 4 });
      // work logged on resolved tickets: T1 300 s, T3 900 + 600 s
      expect(k.handle_time.per_ticket).toEqual({ count: 2, mean_s: (300 + 1500) / 2 });
    });

    it('shows who did it: first responders and resolvers by agent', async () => {
      const res = await d.get(
        'vera',
        `/api/v1/kpis?from=${DAY}&to=${DAY}&kpis=first_response,l1_resolution&by=agent`,
      );
      const groups = (id: string) =>
        Object.fromEntries(
          (res.json().kpis[id].groups as { key: string; count?: number; denominator?: number }[]).map((g) => [
            g.key,
            g.count ?? g.denominator,
          ]),
        );
      expect(groups('first_response')).toMatchObject({ anna: 2, dima: 2 });
      expect(groups('l1_resolution')).toMatchObject({ anna: 1, boris: 1, dima: 1, lev: 1 });
    });
  });
}
