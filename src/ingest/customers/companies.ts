import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DomainEventInput } from '../../domain/events.js';
import type { Database } from '../../store/schema.js';

/** A readable id from a company name (`Acme Ltd` → `acme-ltd`), made unique by a hash when the name has no latin letters or digits. */
export function companyIdFromName(name: string): string {
  const slug = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  const hash = createHash('sha256').update(name.trim().toLowerCase()).digest('hex').slice(0, 8);
  return slug.length >= 2 ? `co-${slug}` : `co-${hash}`;
}

/**
 * The company a name stands for: a known company of that name (case-insensitive), else a new one, whose
 * `company.profile` event is returned to be appended with the customer that names it.
 */
export async function companyFor(
  db: Kysely<Database>,
  name: string,
  at: string,
  eventId: string,
): Promise<{ companyId: string; events: DomainEventInput[] }> {
  const known = await db
    .selectFrom('companies')
    .select('company_id')
    .where('search_name', '=', name.trim().toLowerCase())
    .orderBy('company_id')
    .executeTakeFirst();
  if (known) return { companyId: known.company_id, events: [] };
  const companyId = companyIdFromName(name);
  return {
    companyId,
    events: [{ id: eventId, type: 'company.profile', at, company_id: companyId, name: name.trim() }],
  };
}
