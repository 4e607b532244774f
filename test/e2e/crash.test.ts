import { afterAll, describe, expect, it } from 'vitest';
import { ensureUser, tokenHeaders } from '../support/auth.js';
import { startServer } from '../support/server-process.js';
import { storeKinds } from '../support/stores.js';

const BATCH = 200;

function batch(b: number) {
  const events = [];
  for (let i = 0; i < BATCH / 2; i++) {
    const ticket = `k${b}-${i}`;
    const at = Date.parse('2026-03-02T09:00:00Z') + (b * 100 + i) * 60_000;
    events.push({
      id: `${ticket}-c`,
      type: 'ticket.created',
      at: new Date(at).toISOString(),
      ticket_id: ticket,
      channel: 'email',
    });
    events.push({
      id: `${ticket}-r`,
      type: 'ticket.replied',
      at: new Date(at + 600_000).toISOString(),
      ticket_id: ticket,
      by: 'ag',
      kind: 'comment',
    });
  }
  return events;
}

for (const kind of storeKinds) {
  describe.skipIf(!kind.available)(`a server killed with SIGKILL while ingesting (${kind.name})`, () => {
    const cleanups: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const c of cleanups) await c();
    });

    it('keeps every acknowledged batch whole and no batch half-written', async () => {
      const fresh = await kind.fresh();
      cleanups.push(fresh.dispose);
      // Create the schema (and an integration's token) first so the server starts ingesting at once.
      const setup = await fresh.open();
      const auth = await tokenHeaders(setup, await ensureUser(setup, { login: 'pbx', role: 'admin' }), [
        'events:write',
      ]);
      await setup.close();
      const server = await startServer(fresh.url);
      const acknowledged = new Set<number>();
      const sent = new Set<number>();
      let next = 0;
      let killed = false;
      const failures: string[] = [];
      const client = async () => {
        while (!killed) {
          const b = next++;
          sent.add(b);
          try {
            const res = await fetch(`${server.url}/api/v1/events`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', ...auth },
              body: JSON.stringify(batch(b)),
            });
            if (res.ok) acknowledged.add(b);
            else failures.push(`batch ${b}: ${res.status} ${await res.text()}`);
          } catch (err) {
            if (!killed) failures.push(`batch ${b}: ${String(err)}`);
            return; // the connection died with the server
          }
        }
      };
      const clients = [client(), client(), client()];
      // Kill once some batches are in, while others are in flight.
      const deadline = Date.now() + 45_000;
      while (acknowledged.size < 15 && failures.length === 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 5));
      }
      expect(failures).toEqual([]);
      const exited = new Promise((r) => server.child.once('exit', r));
      server.child.kill('SIGKILL');
      killed = true;
      await Promise.all(clients);
      await exited;

      const store = await fresh.open();
      const rows = await store.db.selectFrom('events').select('id').execute();
      const ids = new Set(rows.map((r) => r.id));
      const facts = new Set(
        (await store.db.selectFrom('ticket_facts').select('ticket_id').execute()).map((r) => r.ticket_id),
      );
      await store.close();
      for (const b of sent) {
        const present = batch(b).filter((e) => ids.has(e.id)).length;
        expect([0, BATCH], `batch ${b} has ${present} of ${BATCH} events`).toContain(present);
        if (acknowledged.has(b)) expect(present, `acknowledged batch ${b}`).toBe(BATCH);
        if (present) expect(facts.has(`k${b}-0`)).toBe(true);
      }
      expect(acknowledged.size).toBeGreaterThanOrEqual(15);
    });
  });
}
