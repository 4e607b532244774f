import { createHash } from 'node:crypto';
import type { DomainEvent } from '../../domain/events.js';
import { canonicalJson } from '../../domain/parse.js';

/**
 * The id of an imported event: `<format>:<ticket>:<hash of the source row's activity and the event>`. It
 * depends on what the row says (activity, type, instant, actor, team, …), not on the row's position, so
 * the same export imported again, or an export extended with rows anywhere, yields the same ids for the
 * rows it shares. An exactly repeated row is the same event; two activities mapped to the same event type
 * at the same instant stay two events. 64 bits of SHA-1 keep collisions out of reach within one ticket.
 */
export function contentId(
  format: string,
  ticketId: string,
  source: readonly string[],
  event: Omit<DomainEvent, 'id'>,
): string {
  const hash = createHash('sha1')
    .update(JSON.stringify(source))
    .update(canonicalJson(event))
    .digest('hex')
    .slice(0, 16);
  return `${format}:${ticketId}:${hash}`;
}

/** The id of the `ticket.created` an importer derives for a case: one per ticket. */
export const createdId = (format: string, ticketId: string): string => `${format}:${ticketId}:created`;
