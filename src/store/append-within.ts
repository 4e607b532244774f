import type { Kysely } from 'kysely';
import type { DomainEvent } from '../domain/events.js';
import { type AppendOutcome, appendEvents } from './append.js';
import { projectFresh } from './project.js';
import type { Database } from './schema.js';
import type { Store } from './store.js';

/**
 * Store.append for events that depend on the state they change: inside one write transaction the given keys
 * are locked (the same keys projection locks, e.g. "ticket:<id>"), `decide` reads the current state and returns
 * the events to append (or throws to refuse), and they are appended and projected. No concurrent writer can
 * change the state between the reading and the appending.
 */
export function appendWithin<T>(
  store: Store,
  lockKeys: readonly string[],
  decide: (trx: Kysely<Database>) => Promise<{ events: DomainEvent[]; result: T }>,
  now = Date.now(),
): Promise<{ outcome: AppendOutcome; events: DomainEvent[]; result: T }> {
  return store.helpers.writeTransaction(store.db, async (trx) => {
    await store.helpers.lockKeys(trx, lockKeys);
    const { events, result } = await decide(trx);
    if (events.length === 0) return { outcome: { appended: 0, duplicates: 0 }, events, result };
    const { outcome, fresh } = await appendEvents(trx, store.helpers, events, now);
    await projectFresh(trx, store.helpers, fresh);
    return { outcome, events, result };
  });
}
