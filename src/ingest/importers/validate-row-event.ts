import type { DomainEvent } from '../../domain/events.js';
import { parseEvent } from '../../domain/parse.js';
import { contentId } from './event-ids.js';
import { RowError } from './types.js';

/**
 * Validates an event a row maps to, so a bad value is reported against its row and column (not as a
 * failed batch), then gives it its id: `id` when fixed, else one derived from the source row's identifying
 * values (`source`) and the event's content.
 */
export function validateRowEvent(
  raw: Record<string, unknown>,
  columnOf: (field: string) => string | undefined,
  idFrom: { id: string } | { format: string; ticketId: string; source: readonly string[] },
): DomainEvent {
  const fixed = 'id' in idFrom ? idFrom.id : 'pending';
  const r = parseEvent({ ...raw, id: fixed });
  if (!r.ok) {
    const issue = r.issues[0]!;
    throw new RowError(columnOf(issue.field), `${raw.type as string} ${issue.field}: ${issue.message}`);
  }
  if ('id' in idFrom) return r.event;
  const { id: _pending, ...content } = r.event;
  return { ...r.event, id: contentId(idFrom.format, idFrom.ticketId, idFrom.source, content) };
}
