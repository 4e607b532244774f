import type { Kysely } from 'kysely';
import { FactCache } from '../../store/fact-cache/fact-cache.js';
import type { StretchTable } from '../../store/fact-cache/stretch-table.js';
import type { Database } from '../../store/schema.js';
import { factCacheOf } from '../../store/store.js';

/** Every agent's work stretches, from the store's copy (a transaction's connection reads one for the query). */
export function stretchesOf(db: Kysely<Database>): Promise<StretchTable> {
  return (factCacheOf(db) ?? new FactCache(db, 0)).stretches();
}
