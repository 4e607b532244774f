import type { Kysely } from 'kysely';
import type { DomainEvent } from '../domain/events.js';
import { type EventIssue, parseEvent } from '../domain/parse.js';
import { type AppendOutcome, AppendRejected } from '../store/append.js';
import { appendWithin } from '../store/append-within.js';
import type { Database } from '../store/schema.js';
import type { Store } from '../store/store.js';

export const MAX_BATCH = 10_000;

/** Why a batch was refused, item by item; nothing of a refused batch is stored. */
export class IngestError extends Error {
  constructor(
    readonly code: 'invalid_event' | 'conflict' | 'unknown_reference' | 'batch_too_large' | 'empty_batch',
    message: string,
    readonly details: { index?: number; id?: string; field: string; message: string }[],
  ) {
    super(message);
  }
}

/** Validates every item first, so a batch with one bad event writes nothing. */
export function validateBatch(raw: readonly unknown[]): DomainEvent[] {
  if (raw.length === 0) throw new IngestError('empty_batch', 'the batch holds no events', []);
  if (raw.length > MAX_BATCH) {
    throw new IngestError(
      'batch_too_large',
      `a batch holds at most ${MAX_BATCH} events; this one has ${raw.length}`,
      [],
    );
  }
  const events: DomainEvent[] = [];
  const problems: { index: number; id?: string; field: string; message: string }[] = [];
  raw.forEach((item, index) => {
    const r = parseEvent(item);
    if (r.ok) events.push(r.event);
    else {
      const id =
        typeof item === 'object' && item && 'id' in item ? String((item as { id: unknown }).id) : undefined;
      problems.push(...r.issues.map((i: EventIssue) => ({ index, ...(id ? { id } : {}), ...i })));
    }
  });
  if (problems.length) {
    const first = problems[0]!;
    throw new IngestError(
      'invalid_event',
      `event ${first.index}${first.id ? ` (${first.id})` : ''}: ${first.field}: ${first.message}`,
      problems.slice(0, 100),
    );
  }
  return events;
}

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
  const events = validateBatch(raw);
  try {
    return await store.append(events);
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
