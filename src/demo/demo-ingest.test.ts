import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../ingest/ingest.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import { generateDemo } from './generate-demo.js';

// A smaller desk than the default (100 tickets a day rather than 350) keeps this under a few seconds.
describe('a 14-day demo ingested into SQLite', () => {
  let store: Store;
  let events = 0;

  beforeAll(async () => {
    store = await openStore('sqlite::memory:');
    for (const batch of generateDemo({ days: 14, seed: 7, ticketsPerDay: 100 })) {
      await ingest(store, batch);
      events += batch.length;
    }
  }, 60_000);

  afterAll(() => store.close());

  const one = async <T>(query: string): Promise<T> => (await sql.raw<T>(query).execute(store.db)).rows[0]!;

  it('stores every event, tickets and contacts', async () => {
    expect((await one<{ n: number }>('select count(*) as n from events')).n).toBe(events);
    expect((await one<{ n: number }>('select count(*) as n from ticket_facts')).n).toBeGreaterThan(800);
    expect((await one<{ n: number }>('select count(*) as n from contact_facts')).n).toBeGreaterThan(800);
  });

  it('resolves about 60 % of tickets at the first contact', async () => {
    const r = await one<{ fcr: number; base: number }>(
      'select sum(fcr_base = 1) as fcr, count(*) as base from ticket_facts where fcr_base is not null',
    );
    expect(r.fcr / r.base).toBeGreaterThanOrEqual(0.45);
    expect(r.fcr / r.base).toBeLessThanOrEqual(0.75);
  });

  it('leaves work pending at the end: unanswered requests and open tickets', async () => {
    const r = await one<{ unanswered: number; open: number }>(
      "select sum(first_response_at is null and status = 'open') as unanswered, sum(status = 'open') as open from ticket_facts",
    );
    expect(r.unanswered).toBeGreaterThan(0);
    expect(r.open).toBeGreaterThan(r.unanswered);
  });

  it('keeps break compliance around 80–90 % and abandons a minority of live contacts', async () => {
    const b = await one<{ c: number }>(
      'select avg(compliant) as c from agent_stretches where end_at is not null',
    );
    expect(b.c).toBeGreaterThan(0.75);
    expect(b.c).toBeLessThan(0.95);
    const a = await one<{ ab: number }>(
      "select avg(outcome = 'abandoned') as ab from contact_facts where outcome in ('answered', 'abandoned')",
    );
    expect(a.ab).toBeGreaterThan(0.01);
    expect(a.ab).toBeLessThan(0.15);
  });
});
