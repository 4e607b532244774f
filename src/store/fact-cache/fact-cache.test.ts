import { describe, expect, it } from 'vitest';
import { randomHistory } from '../../../test/support/random-history.js';
import { storeKinds } from '../../../test/support/stores.js';
import { ingest } from '../../ingest/ingest.js';
import { computeKpis } from '../../kpi/engine.js';
import { kpiQueryParams, toKpiQuery } from '../../kpi/query-params.js';
import type { Store } from '../store.js';
import { FactCache } from './fact-cache.js';

const period = toKpiQuery(
  kpiQueryParams.parse({ from: '2026-03-01T00:00:00Z', to: '2026-04-15T00:00:00Z', by: 'agent' }),
  'UTC',
  Date.parse('2026-04-15T00:00:00Z'),
).query;

const kpis = (store: Store) => computeKpis(store, period);

async function ingestAll(store: Store, events: ReturnType<typeof randomHistory>) {
  for (let i = 0; i < events.length; i += 500) await ingest(store, events.slice(i, i + 500));
}

for (const kind of storeKinds) {
  describe.skipIf(!kind.available)(`fact cache: ${kind.name}`, () => {
    it('follows writes made after it was filled, by this process and by another connection', async () => {
      const db = await kind.fresh();
      const reader = await db.open();
      const writer = await db.open();
      try {
        const history = randomHistory(7, 120);
        const half = Math.floor(history.length / 2);
        await ingestAll(reader, history.slice(0, half));
        const early = await kpis(reader); // fills the cache
        expect((early.kpis.tickets_created as { value: number }).value).toBeGreaterThan(0);
        // the rest through another store object, as another process would write
        await ingestAll(writer, history.slice(half));
        const fresh = await db.open();
        try {
          expect(await kpis(reader)).toEqual(await kpis(fresh));
          expect(await kpis(reader)).not.toEqual(early);
        } finally {
          await fresh.close();
        }
      } finally {
        await reader.close();
        await writer.close();
        await db.dispose();
      }
    });

    it('inside consistent() brings each table current once, and again after it', async () => {
      const db = await kind.fresh();
      const reader = await db.open();
      const writer = await db.open();
      const count = async () =>
        Number(
          (
            await writer.db
              .selectFrom('ticket_facts')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const held = async () => (await reader.facts.table('ticket_facts', ['created_at'])).size;
      try {
        await ingestAll(writer, randomHistory(9, 30, 'p'));
        expect(await held()).toBe(await count());
        await ingestAll(writer, randomHistory(10, 30, 'q'));
        const before = await count();
        await reader.facts.consistent(async () => {
          // the first read inside catches up with what was written before
          expect(await held()).toBe(before);
          await ingestAll(writer, randomHistory(11, 30, 'r'));
          // later reads inside keep the state the report started from
          expect(await held()).toBe(before);
          expect(await reader.facts.consistent(held)).toBe(before);
        });
        expect(await count()).toBeGreaterThan(before);
        expect(await held()).toBe(await count());
      } finally {
        await reader.close();
        await writer.close();
        await db.dispose();
      }
    });

    it('reads every row in time order, page by page, ties on a page boundary included', async () => {
      const db = await kind.fresh();
      const store = await db.open();
      try {
        await ingestAll(store, randomHistory(5, 40));
        // many tickets at one instant, so pages end inside a run of equal times
        const ids = (await store.db.selectFrom('ticket_facts').select('ticket_id').execute()).map(
          (r) => r.ticket_id,
        );
        const tied = ids.filter((_, i) => i % 2 === 0);
        await store.db
          .updateTable('ticket_facts')
          .set({ created_at: 1_772_323_200_000 })
          .where('ticket_id', 'in', tied)
          .execute();
        const cache = new FactCache(store.db, 0, 3);
        const table = await cache.table('ticket_facts', ['created_at']);
        expect(Array.from({ length: table.size }, (_, r) => table.keyOf(r)).sort()).toEqual([...ids].sort());
        const times = Array.from(
          { length: table.size },
          (_, r) => table.column('created_at').get(r) as number,
        );
        expect(times).toEqual([...times].sort((a, b) => a - b));
      } finally {
        await store.close();
        await db.dispose();
      }
    });

    it("holds every ticket's segments as the database does, read page by page and after writes elsewhere", async () => {
      const db = await kind.fresh();
      const reader = await db.open();
      const writer = await db.open();
      try {
        const history = randomHistory(13, 80);
        const half = Math.floor(history.length / 2);
        await ingestAll(reader, history.slice(0, half));
        const cache = new FactCache(reader.db, kind.name === 'postgres' ? 100_000 : 0, 7);
        const inDb = async () =>
          (
            await reader.db
              .selectFrom('ticket_segments')
              .select(['ticket_id', 'from_at', 'to_at', 'line', 'team_id'])
              .execute()
          )
            .map((r) => `${r.ticket_id}|${r.from_at}|${r.to_at}|${r.line}|${r.team_id}`)
            .sort();
        const held = async () => {
          const { tickets, segments } = await cache.segments(['start_at']);
          const out: string[] = [];
          for (let s = 0; s < segments.size; s++) {
            const t = segments.ticket[s]!;
            if (t < 0) continue;
            const [from, to] = [segments.from.get(s), segments.to.get(s)];
            out.push(`${tickets.keyOf(t)}|${from}|${to}|${segments.line.get(s)}|${segments.team.get(s)}`);
          }
          return out.sort();
        };
        expect((await inDb()).length).toBeGreaterThan(10);
        expect(await held()).toEqual(await inDb());
        await ingestAll(writer, history.slice(half));
        const after = await inDb();
        expect(await held()).toEqual(after);
        expect(after.length).toBeGreaterThan(0);
      } finally {
        await reader.close();
        await writer.close();
        await db.dispose();
      }
    });

    it("holds every agent's stretches as the database does, read page by page and after writes elsewhere", async () => {
      const db = await kind.fresh();
      const reader = await db.open();
      const writer = await db.open();
      try {
        // four agents, six stretches each (some over 70 minutes), then a break that a status five minutes
        // later turns back into work: the second write deletes a stretch and lengthens another
        let n = 0;
        const status = (agent: string, minutes: number, s: 'available' | 'break' | 'offline') => ({
          id: `st-${++n}`,
          type: 'agent.status' as const,
          at: new Date(Date.parse('2026-03-03T09:00:00Z') + minutes * 60_000).toISOString(),
          agent_id: agent,
          status: s,
        });
        const shifts = ['a', 'b', 'c', 'd'].flatMap((a, k) =>
          [0, 1, 2, 3, 4, 5].flatMap((i) => [
            status(`st-${a}`, i * 120 + k, 'available'),
            status(`st-${a}`, i * 120 + k + 50 + i * 5, 'break'),
          ]),
        );
        await ingestAll(reader, [
          ...shifts,
          status('st-agent', 0, 'available'),
          status('st-agent', 60, 'break'),
        ]);
        const cache = new FactCache(reader.db, kind.name === 'postgres' ? 100_000 : 0, 7);
        const inDb = async () =>
          (
            await reader.db
              .selectFrom('agent_stretches')
              .select(['agent_id', 'start_at', 'end_at', 'compliant'])
              .execute()
          )
            .map((r) => `${r.agent_id}|${r.start_at}|${r.end_at}|${r.compliant}`)
            .sort();
        const held = async () => {
          const out: string[] = [];
          for (const [agent, s] of (await cache.stretches()).agents())
            for (let i = 0; i < s.start.length; i++) {
              const end = Number.isNaN(s.end[i]!) ? null : s.end[i];
              const compliant = s.compliant[i] === -1 ? null : s.compliant[i];
              out.push(`${agent}|${s.start[i]}|${end}|${compliant}`);
            }
          return out.sort();
        };
        expect((await inDb()).length).toBeGreaterThan(10);
        expect(await held()).toEqual(await inDb());
        await ingestAll(writer, [
          status('st-b', 800, 'available'),
          status('st-agent', 62, 'available'),
          status('st-agent', 100, 'offline'),
        ]);
        const after = await inDb();
        expect(after.filter((r) => r.startsWith('st-agent|'))).toEqual([
          `st-agent|${Date.parse('2026-03-03T09:00:00Z')}|${Date.parse('2026-03-03T10:40:00Z')}|0`,
        ]);
        expect(await held()).toEqual(after);
      } finally {
        await reader.close();
        await writer.close();
        await db.dispose();
      }
    });

    it('starts afresh after a rebuild made through another connection', async () => {
      const db = await kind.fresh();
      const reader = await db.open();
      const other = await db.open();
      try {
        await ingestAll(reader, randomHistory(11, 60));
        const right = await kpis(reader);
        // Spoil the facts behind the log's back (as a derivation bug would), and let the reader hold them…
        await reader.db
          .updateTable('ticket_facts')
          .set((eb) => ({ first_response_s: eb('first_response_s', '+', 1000) }))
          .execute();
        reader.facts.reset();
        const spoiled = await kpis(reader);
        expect(spoiled).not.toEqual(right);
        // …then a rebuild elsewhere writes the right rows again, at log positions the reader has seen.
        await other.rebuild();
        expect(await kpis(reader)).toEqual(right);
        expect(await kpis(other)).toEqual(right);
      } finally {
        await reader.close();
        await other.close();
        await db.dispose();
      }
    });
  });
}
