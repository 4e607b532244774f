import type { Kysely } from 'kysely';
import type { DomainEvent } from '../domain/events.js';
import { type AppendOutcome, AppendRejected } from '../store/append.js';
import { appendWithin } from '../store/append-within.js';
import type { Database } from '../store/schema.js';
import type { Store } from '../store/store.js';
import { IngestError, validateBatch } from './validate.js';

export { IngestError, MAX_BATCH, validateBatch } from './validate.js';

/** A store refusal, reported like an invalid item: which item, which field, why. */
function rejected(err: unknown, events: readonly DomainEvent[]): unknown {
  if (!(err instanceof AppendRejected)) return err;
  const id = events[err.index]?.id;
  return new IngestError(
    err.code,
    `event ${err.index}${id ? ` (${id})` : ''}: ${err.field}: ${err.message}`,
    [{ index: err.index, ...(id ? { id } : {}), field: err.field, message: err.message }],
  );
}

/** validate → de-duplicate → append → project, as one transaction. */
export async function ingest(store: Store, raw: readonly unknown[]): Promise<AppendOutcome> {
  return ingestValid(store, validateBatch(raw));
}

/**
 * Appends events validated already (by validateBatch, perhaps in another thread); `bodies`, when given, are
 * their canonical texts, so they are not computed again here.
 */
export async function ingestValid(
  store: Store,
  events: readonly DomainEvent[],
  bodies?: readonly string[],
): Promise<AppendOutcome> {
  try {
    return await store.append(events, Date.now(), bodies);
  } catch (err) {
    throw rejected(err, events);
  }
}

/**
 * ingest for events decided from the current state (ticket actions): `decide` runs inside the write
 * transaction with `lockKeys` held, reads what it needs, and returns the raw events (validated here like any
 * other) or throws to refuse. A stale or conflicting decision therefore never reaches the log.
 */
export async function ingestWithin<T>(
  store: Store,
  lockKeys: readonly string[],
  decide: (trx: Kysely<Database>) => Promise<{ events: readonly unknown[]; result: T }>,
  now = Date.now(),
): Promise<{ outcome: AppendOutcome; events: DomainEvent[]; result: T }> {
  let events: DomainEvent[] = [];
  try {
    return await appendWithin(
      store,
      lockKeys,
      async (trx) => {
        const decided = await decide(trx);
        events = decided.events.length ? validateBatch(decided.events) : [];
        return { events, result: decided.result };
      },
      now,
    );
  } catch (err) {
    throw rejected(err, events);
  }
}
