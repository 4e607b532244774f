import type { DomainEvent } from '../domain/events.js';
import { canonicalJson, type EventIssue, parseEvent } from '../domain/parse.js';

export const MAX_BATCH = 10_000;

/** Why a batch was refused, item by item; nothing of a refused batch is stored. */
export class IngestError extends Error {
  constructor(
    readonly code:
      | 'invalid_event'
      | 'invalid_json'
      | 'empty_body'
      | 'conflict'
      | 'unknown_reference'
      | 'batch_too_large'
      | 'empty_batch',
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

/** The items of a request body: one event, an array of events, or { "events": [...] }. */
export function batchItems(raw: unknown): unknown[] {
  if (Array.isArray(raw)) return raw;
  if (
    raw &&
    typeof raw === 'object' &&
    'events' in raw &&
    Array.isArray((raw as { events: unknown }).events)
  ) {
    return (raw as { events: unknown[] }).events;
  }
  return [raw];
}

export interface ValidBatch {
  events: DomainEvent[];
  /** each event's canonical text, as the log stores it and compares a re-sent event by */
  bodies: string[];
}

/** A batch sent as JSON text, parsed and validated: what the events route does, in whichever thread. */
export function validateBatchText(text: string): ValidBatch {
  if (text.trim() === '') {
    throw new IngestError(
      'empty_body',
      'the request body is empty; send an event, an array of events or { "events": [...] }',
      [],
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new IngestError('invalid_json', `the body is not valid JSON: ${(err as Error).message}`, []);
  }
  const events = validateBatch(batchItems(raw));
  return { events, bodies: events.map((e) => canonicalJson(e)) };
}
